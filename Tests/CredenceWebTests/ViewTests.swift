import Foundation
import Testing

@testable import CredenceWeb

/// The pieces that turn answers into markup, on their own.
@Suite struct ViewTests {
  @Test func formsDecodePercentsAndPlusAndKeepTheFirstValue() {
    let form = Form(encoded: "id=L%2F1+2&id=other&code=%E2%9C%93&bad=%zz&empty=+")
    #expect(form["id"] == "L/1 2")
    #expect(form["code"] == "✓")
    #expect(form["bad"] == "%zz")
    #expect(form["empty"] == nil)
    #expect(Form.encode("a b/é") == "a%20b%2F%C3%A9")
  }

  @Test func suggestedIdsCannotCloseAScriptElement() throws {
    let ids = ["L1", "L</script><script>alert(1)</script>", "L\"<!--"]
    let json = WebPages.suggestionsJSON(ids)
    #expect(!json.contains("<"))
    #expect(json.contains(#""L\u003c/script>\u003cscript>alert(1)\u003c/script>""#))
    let decoded = try JSONDecoder().decode([String].self, from: Data(json.utf8))
    #expect(decoded == ids)
  }

  @Test func theLoginPageOnlySendsBrowsersToThisSite() {
    #expect(WebPages.localPath("/cohort?decision=x") == "/cohort?decision=x")
    for next in ["//evil.example", "https://evil.example", "/\\evil.example", nil, ""] {
      #expect(WebPages.localPath(next) == "/learner")
    }
  }

  @Test func chartsCarryTheirNumbersAndLabelsInText() {
    let svg = BarChart.svg(
      id: "c", title: "Outcomes <x>",
      bars: [.init(label: "achieved", value: 3, style: "yes"), .init(label: "not & so", value: 0)],
      unit: "learners")
    #expect(
      svg.contains("<title id=\"c-title\">Outcomes &lt;x&gt;: achieved 3, not &amp; so 0</title>"))
    #expect(svg.contains(">3 learners</text>") && svg.contains(">0 learners</text>"))
    #expect(svg.contains("fill=\"url(#c-yes)\"") && svg.contains("<pattern id=\"c-no\""))
  }

  @Test func theReferenceMarkdownBecomesHeadingsListsAndAnchors() {
    let html = ReferenceMarkdown.html(
      """
      ## Policy <one>

      - File: `a.credence`
      - Source: <https://example.org/p>

      ### Decisions

      #### A stack

      `my_stack`, a stack. Docs.

      - Requires all of:
        - one thing (`x > 1`)
        - other
      """)
    #expect(html.contains("<h2>Policy &lt;one&gt;</h2>"))
    #expect(html.contains("<a href=\"https://example.org/p\">https://example.org/p</a>"))
    #expect(html.contains("<h4 id=\"decision-my_stack\">A stack</h4>"))
    #expect(
      html.contains(
        "<li>Requires all of:<ul>\n<li>one thing (<code>x &gt; 1</code>)</li>\n<li>other</li></ul>")
    )
  }

  @Test func everyTemplateParsesAndRenders() {
    let views = Views()
    for name in ["login", "problem", "searchPage", "cohortChoose", "reference"] {
      let html = views.page(
        name, ["heading": "h", "message": "m"],
        frame: .init(title: "t", policyVersion: "sha256:0", section: .learner))
      #expect(html.hasPrefix("<!doctype html>") && html.contains("</html>"))
    }
  }
}

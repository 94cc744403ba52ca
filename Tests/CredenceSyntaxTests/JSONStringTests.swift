import Foundation
import Testing

@testable import CredenceSyntax

/// The one JSON string encoder: what it escapes, `<` only when asked, and every string
/// read back unchanged by Foundation's decoder.
@Suite struct JSONStringTests {
  @Test func escapesQuotesBackslashesAndControlCharacters() {
    #expect(JSONString.literal("a\"b\\c") == #""a\"b\\c""#)
    #expect(JSONString.literal("\n\r\t") == #""\n\r\t""#)
    #expect(JSONString.literal("\u{0}\u{1B}\u{1F}\u{7F}") == #""\u0000\u001b\u001f\u007f""#)
    #expect(JSONString.literal("é✓ 😀") == "\"é✓ 😀\"")
  }

  @Test func lessThanIsEscapedOnlyForPages() {
    let id = "L</script><script>alert(1)</script>"
    #expect(JSONString.literal(id) == "\"" + id + "\"")
    let inPage = JSONString.literal(id, escapingLessThan: true)
    #expect(inPage == #""L\u003c/script>\u003cscript>alert(1)\u003c/script>""#)
    #expect(!inPage.contains("</script"))
  }

  @Test func appendWritesWhatLiteralReturns() {
    var buffer = Array("x=".utf8)
    JSONString.append("a<\"", to: &buffer, escapingLessThan: true)
    #expect(String(decoding: buffer, as: UTF8.self) == "x=" + #""a\u003c\"""#)
  }

  /// Random strings over the characters that matter (and a few beyond ASCII) decode back
  /// to themselves, with and without `<` escaped.
  @Test func everyStringReadsBackUnchanged() throws {
    let alphabet: [Character] = [
      "a", "Z", "0", " ", "<", ">", "/", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}",
      "\u{7F}", "\u{85}", "é", "✓", "😀", "\u{2028}",
    ]
    var random = UInt64(16)
    func next(_ bound: Int) -> Int {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((random >> 33) % UInt64(bound))
    }
    for _ in 0..<500 {
      let text = String((0..<next(24)).map { _ in alphabet[next(alphabet.count)] })
      for escaping in [false, true] {
        let literal = JSONString.literal(text, escapingLessThan: escaping)
        let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
        #expect(decoded == text)
        #expect(!literal.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }))
        if escaping { #expect(!literal.contains("<")) }
      }
    }
  }
}

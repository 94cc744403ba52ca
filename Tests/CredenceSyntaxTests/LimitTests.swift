import CredenceSyntax
import Testing

/// Each named limit, at and just beyond its value.
@Suite struct LimitTests {
  static func nestedParentheses(_ depth: Int) -> String {
    "let x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
  }

  @Test func nestingAtTheLimitParses() {
    let parsed = Parser.parse(Self.nestedParentheses(Limits.maximumNestingDepth))
    #expect(parsed.diagnostics.isEmpty)
  }

  @Test func nestingBeyondTheLimitIsOneDiagnostic() {
    let parsed = Parser.parse(Self.nestedParentheses(Limits.maximumNestingDepth + 1))
    #expect(parsed.diagnostics.map(\.code) == [.nestingTooDeep])
    #expect(
      parsed.diagnostics.first?.message
        == "this is nested more than \(Limits.maximumNestingDepth) levels deep")
  }

  @Test func tenThousandParenthesesAndOtherDeepFormsAreDiagnosed() {
    let n = 10_000
    let forms = [
      Self.nestedParentheses(n),
      "let x = " + String(repeating: "[", count: n),
      "let x = " + String(repeating: "- ", count: n) + "1",
      "let x = " + String(repeating: "not ", count: n) + "a",
      "let x = " + Array(repeating: "1", count: n).joined(separator: " + "),
      "let x = a" + String(repeating: ".b", count: n),
      "let x = " + String(repeating: "if a then 1 else ", count: n) + "2",
      "let x = " + String(repeating: "f(", count: n),
      "fact f: " + String(repeating: "List(", count: n) + "X",
      "stack s \"S\"\n require all of\n"
        + (1...300).map { String(repeating: " ", count: $0 + 1) + "all of\n" }.joined() + "x\n",
    ]
    for source in forms {
      let parsed = Parser.parse(source)
      #expect(parsed.diagnostics.map(\.code).contains(.nestingTooDeep), "\(source.prefix(30))")
      #expect(parsed.diagnostics.filter(\.isError).count == 1, "\(source.prefix(30))")
    }
  }

  @Test func operatorChainsCountTowardTheLimit() {
    let atLimit = Array(repeating: "1", count: Limits.maximumNestingDepth + 1).joined(
      separator: " + ")
    #expect(Parser.parse("let x = \(atLimit)").diagnostics.isEmpty)
    let beyond = atLimit + " + 1"
    #expect(Parser.parse("let x = \(beyond)").diagnostics.map(\.code) == [.nestingTooDeep])
  }

  @Test func errorsBeyondTheCapAreCounted() {
    let lines = (0..<(Limits.maximumErrorsPerFile + 25)).map { "let x\($0) = )" }
    let parsed = Parser.parse(lines.joined(separator: "\n"))
    var bag = DiagnosticBag()
    bag.append(contentsOf: parsed.diagnostics)
    #expect(bag.diagnostics.count == Limits.maximumErrorsPerFile)
    #expect(bag.omittedErrors[FileID(0)] == 25)
    var sources = SourceSet()
    sources.add(path: "many.credence", text: lines.joined(separator: "\n"))
    let rendered = DiagnosticRenderer(format: .plain).render(
      bag.diagnostics, sources: sources, omittedErrors: bag.omittedErrors)
    #expect(rendered.hasSuffix("many.credence: error: 25 more errors not shown\n"))
  }

  @Test func durationsHaveALimit() {
    let parsed = Parser.parse("let a = 100000 days\nlet b = 100001 days")
    #expect(parsed.diagnostics.map(\.code) == [.invalidDuration])
  }

  @Test func sourceFilesHaveASizeLimit() {
    #expect(Limits.maximumSourceFileBytes == 16 * 1024 * 1024)
  }
}

import Testing

@testable import CredenceSyntax

@Suite struct SyntaxTreeTests {
  let file = FileID(0)

  @Test func spansDoNotTakePartInEquality() {
    let a = Expr(
      .name(Name("age", span: Span(file: file, start: 0, end: 3))),
      span: Span(file: file, start: 0, end: 3))
    let b = Expr(
      .name(Name("age", span: Span(file: file, start: 10, end: 13))),
      span: Span(file: file, start: 10, end: 13))
    let c = Expr(
      .name(Name("agf", span: Span(file: file, start: 0, end: 3))),
      span: Span(file: file, start: 0, end: 3))
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a != c)
    #expect(a.span != b.span)
  }

  @Test func lineTableLocatesOffsets() {
    let source = SourceFile(path: "t.credence", text: "ab\ncdé\n\nx")
    #expect(source.location(of: 0) == SourceLocation(line: 1, column: 1))
    #expect(source.location(of: 3) == SourceLocation(line: 2, column: 1))
    // "é" is two bytes but one column.
    #expect(source.location(of: 7) == SourceLocation(line: 2, column: 4))
    #expect(source.location(of: 9) == SourceLocation(line: 4, column: 1))
    #expect(source.lineText(2) == "cdé")
    #expect(source.lineCount == 4)
  }

  @Test func lineStartsFollowEveryNewline() {
    #expect(SourceFile(path: "t", text: "").lineStarts == [0])
    #expect(SourceFile(path: "t", text: "\n").lineStarts == [0, 1])
    #expect(SourceFile(path: "t", text: "a\r\n\nbc").lineStarts == [0, 3, 4])
    let long = String(repeating: "x\n", count: 1_000)
    #expect(SourceFile(path: "t", text: long).lineStarts == [0] + (1...1_000).map { $0 * 2 })
  }

  @Test func calendarDatesAreValidated() {
    #expect(CivilDate(year: 2024, month: 2, day: 29).isValid)
    #expect(!CivilDate(year: 2026, month: 2, day: 29).isValid)
    #expect(!CivilDate(year: 2026, month: 2, day: 30).isValid)
    #expect(!CivilDate(year: 1900, month: 2, day: 29).isValid)
    #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
    #expect(!CivilDate(year: 2026, month: 13, day: 1).isValid)
    #expect(CivilDate(year: 2026, month: 7, day: 1).description == "2026-07-01")
  }

  @Test func bagCapsErrorsPerFile() {
    var bag = DiagnosticBag()
    let span = Span(file: file, start: 0, end: 1)
    for _ in 0..<(Limits.maximumErrorsPerFile + 7) {
      bag.append(.error(.unexpectedToken, "x", at: span))
    }
    bag.append(.warning(.danglingDocComment, "w", at: span))
    #expect(bag.diagnostics.count == Limits.maximumErrorsPerFile + 1)
    #expect(bag.omittedErrors[file] == 7)
    #expect(bag.errorCount == Limits.maximumErrorsPerFile + 7)
  }
}

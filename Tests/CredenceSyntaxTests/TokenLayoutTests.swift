import CredenceSyntax
import Testing

/// A token stays small (the token array is most of the memory a parse touches), and its
/// compact fields keep their values.
@Suite struct TokenLayoutTests {
  @Test func aTokenTakesAtMost72Bytes() {
    #expect(MemoryLayout<Token>.stride <= 72)
  }

  @Test func literalsAndIndentationSurviveTheCompactLayout() {
    let text = "let a =\n      500.25 SGD\n"
    let tokens = Lexer.lex(SourceFile(id: FileID(3), path: "t", bytes: Array(text.utf8))).tokens
    let money = tokens.first { if case .literal = $0.kind { true } else { false } }
    #expect(
      money?.kind
        == .literal(
          .money(DecimalText(integerDigits: "500", fractionDigits: "25"), currency: "SGD")))
    #expect(money?.lineIndent == 6)
    #expect(money?.startsLine == true)
    #expect(money?.span == Span(file: FileID(3), start: 14, end: 24))
    var token = Token(.invalid, span: .point(0, in: FileID(0)), lineIndent: 1 << 40)
    #expect(token.lineIndent == Int(Int32.max))
    token.lineIndent = 12
    #expect(token.lineIndent == 12)
  }
}

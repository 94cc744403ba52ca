import CredenceSyntax
import Testing

/// The lexer on bytes that no spec file can hold: NUL, invalid UTF-8, CRLF, a BOM.
@Suite struct LexerTests {
  static func lex(_ bytes: [UInt8]) -> LexedFile {
    Lexer.lex(SourceFile(id: FileID(0), path: "t", bytes: bytes))
  }

  static func kinds(_ text: String) -> [TokenKind] {
    lex(Array(text.utf8)).tokens.map(\.kind)
  }

  @Test func aNulByteIsALocatedError() {
    let lexed = Self.lex(Array("let a = 1\u{0}2".utf8))
    #expect(lexed.diagnostics.map(\.code) == [.nulByte])
    #expect(lexed.diagnostics.first?.span == Span(file: FileID(0), start: 9, end: 10))
  }

  @Test(arguments: [
    [0xFF] as [UInt8],  // never valid
    [0x80],  // a lone continuation byte
    [0xC0, 0x80],  // overlong NUL
    [0xE0, 0x80, 0x80],  // overlong
    [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
    [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    [0xE2, 0x82],  // cut short at the end of the file
  ])
  func invalidUTF8IsALocatedError(_ bad: [UInt8]) {
    let bytes = Array("let a = ".utf8) + bad + Array(" 1".utf8)
    let lexed = Self.lex(bytes)
    #expect(lexed.diagnostics.map(\.code) == [.invalidUTF8])
    #expect(lexed.diagnostics.first?.span.start == 8)
    #expect(lexed.tokens.last?.kind == .endOfFile)
  }

  @Test func invalidUTF8InsideStringsAndCommentsIsReported() {
    let lexed = Self.lex(Array("\"a".utf8) + [0xFF] + Array("\" # c".utf8) + [0xFE])
    #expect(lexed.diagnostics.map(\.code) == [.invalidUTF8, .invalidUTF8])
  }

  @Test func crlfLineEndingsAndAByteOrderMark() {
    let text = "\u{FEFF}let a = \"x\"\r\n## doc\r\nlet b = 2\r\n"
    let lexed = Self.lex(Array(text.utf8))
    #expect(lexed.diagnostics.isEmpty)
    #expect(lexed.comments.map(\.text) == ["doc"])
    #expect(lexed.tokens.filter(\.startsLine).count == 3)  // two `let`s and the end
    let parsed = Parser.parse(SourceFile(path: "t", text: text))
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.syntax.declarations.last?.documentation == ["doc"])
  }

  @Test func keywordsAreReservedAndContextualWordsAreNames() {
    #expect(Self.kinds("where credits") == [.keyword(.where), .identifier("credits"), .endOfFile])
    for keyword in Keyword.allCases {
      #expect(Self.kinds(keyword.rawValue).first == .keyword(keyword))
    }
  }

  @Test func everyPunctuationLexes() {
    for punctuation in Punctuation.allCases {
      #expect(Self.kinds(punctuation.rawValue) == [.punctuation(punctuation), .endOfFile])
    }
    #expect(
      Self.kinds("a->b<=c") == [
        .identifier("a"), .punctuation(.arrow), .identifier("b"), .punctuation(.lessEqual),
        .identifier("c"), .endOfFile,
      ])
  }

  @Test func aMinusBeforeADigitIsAnOperator() {
    #expect(
      Self.kinds("5-3") == [
        .literal(.number(DecimalText(integerDigits: "5"))), .punctuation(.minus),
        .literal(.number(DecimalText(integerDigits: "3"))), .endOfFile,
      ])
  }

  @Test func tokensKnowTheirLineAndIndentation() {
    let tokens = Self.lex(Array("a\n    b c\n  d".utf8)).tokens
    #expect(tokens.map(\.startsLine) == [true, true, false, true, true])
    #expect(tokens.prefix(4).map(\.lineIndent) == [0, 4, 4, 2])
  }

  @Test func spansAreByteOffsets() {
    let tokens = Self.lex(Array("é = \"ü\"".utf8)).tokens
    // `é` is two bytes of one stray character; the string is 4 bytes with its quotes.
    #expect(tokens.map(\.span.start) == [0, 3, 5, 9])
    #expect(tokens[2].span.end == 9)
  }

  @Test func docCommentsAttachToTheNextDeclarationOnly() {
    let parsed = Parser.parse("## one\n## two\nlet a = 1\n# plain\nlet b = 2\n")
    #expect(parsed.syntax.declarations.map(\.documentation) == [["one", "two"], []])
    #expect(parsed.syntax.comments.map(\.kind) == [.doc, .doc, .line])
  }
}

/// The REPL's entry points: one expression, and whether input stopped short.
@Suite struct IncompleteInputTests {
  @Test(arguments: [
    ("max(1,", true),
    ("[1, 2", true),
    ("if a then", true),
    ("a +", true),
    ("first match", true),
    ("1 + 2", false),
    ("1 + )", false),
    ("\"open string", false),
  ])
  func expressions(_ text: String, _ incomplete: Bool) {
    let parsed = Parser.parseExpression(SourceFile(path: "<repl>", text: text))
    #expect(parsed.isIncomplete == incomplete, "\(text)")
    #expect(parsed.diagnostics.containsErrors == (text != "1 + 2"), "\(text)")
  }

  @Test func anExpressionParsesOnItsOwn() {
    let parsed = Parser.parseExpression(SourceFile(path: "<repl>", text: "sf_credit.amount * 2"))
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.expression.sExpression == "(* (. sf_credit amount) 2)")
    let trailing = Parser.parseExpression(SourceFile(path: "<repl>", text: "a b"))
    #expect(
      trailing.diagnostics.map(\.message) == ["expected the end of the expression, found `b`"])
  }

  @Test func declarationsStoppingShortAreIncomplete() {
    #expect(Parser.parse("stack s \"S\"\n  require all of\n").isIncomplete)
    #expect(Parser.parse("fund f \"F\" amount max(0 SGD,").isIncomplete)
    #expect(!Parser.parse("let a = 1").isIncomplete)
    #expect(!Parser.parse("let a = )").isIncomplete)
  }
}

/// One file after lexing and parsing: its tree and every problem found on the way.
public struct ParsedFile: Sendable {
  /// The text parsed.
  public var source: SourceFile
  /// The syntax tree, complete even when there were errors (failed parts are `.invalid`).
  public var syntax: FileSyntax
  /// Lexical and syntax diagnostics, sorted by position.
  public var diagnostics: [Diagnostic]

  /// Whether the file has no errors (warnings allowed).
  public var isClean: Bool { !diagnostics.containsErrors }

  /// Whether the text stopped short: a bracket left open, or a construct still expecting
  /// more at the end of the file. The REPL shows a continuation prompt instead of an error
  /// (Lua's `incomplete()`). An open string is an error, not incomplete: strings never
  /// continue onto the next line.
  public var isIncomplete: Bool
}

/// One expression parsed on its own (the REPL's input).
public struct ParsedExpression: Sendable {
  /// The text parsed.
  public var source: SourceFile
  /// The expression; `.invalid` parts where there were errors.
  public var expression: Expr
  /// Lexical and syntax diagnostics, sorted by position.
  public var diagnostics: [Diagnostic]
  /// Whether the text stopped short (see `ParsedFile.isIncomplete`).
  public var isIncomplete: Bool
}

/// A recursive-descent parser for grammar/credence.ebnf, part 2 (the syntactic grammar).
///
/// Error handling follows clox: the first error in a clause is reported and the parser
/// enters panic mode, reporting nothing more until it resynchronises at the next clause
/// word or declaration keyword that starts a line. So one mistake gives one diagnostic,
/// and independent mistakes in different clauses all get reported.
public struct Parser {
  let source: SourceFile
  let tokens: [Token]
  var index = 0
  /// Where the last token consumed ends; spans end there.
  var previousEnd = 0
  var diagnostics: [Diagnostic] = []
  /// Set after an error; no further errors are reported until the parser resynchronises.
  var panicking = false
  /// The current recursion depth, bounded by `Limits.maximumNestingDepth`.
  var depth = 0
  /// The deepest `depth` reached in the current declaration (``Declaration/nesting``).
  var deepest = 0
  /// The item column of the innermost requirement block: a token that starts a line at or
  /// left of it ends the expression before it (the layout rule). Nil outside blocks and
  /// inside brackets.
  var fence: Fence?
  /// Lines that already carry a lexical error: syntax errors there would repeat it.
  let linesWithLexicalErrors: Set<Int>
  let docComments: [Comment]
  var attachedDocComments: Set<Int> = []
  /// Set when an error was reported at the end of the file.
  var endedIncomplete = false
  /// Whether the clauses of tests are parsed or only skimmed (`TestBodies`).
  var testBodies = TestBodies.parsed

  /// Parses a file; with `testBodies` `.skimmed`, the clauses of tests are passed over
  /// (`TestBodies`).
  public static func parse(_ source: SourceFile, testBodies: TestBodies = .parsed)
    -> ParsedFile
  {
    let lexed = Lexer.lex(source)
    var parser = Parser(source: source, lexed: lexed)
    parser.testBodies = testBodies
    let declarations = parser.parseProgram()
    let syntax = FileSyntax(file: source.id, declarations: declarations, comments: lexed.comments)
    let all = (lexed.diagnostics + parser.diagnostics + parser.danglingDocCommentWarnings())
      .sortedByPosition()
    return ParsedFile(
      source: source, syntax: syntax, diagnostics: all,
      isIncomplete: parser.endedIncomplete)
  }

  /// Parses `source` as a single expression (grammar: `expression`).
  public static func parseExpression(_ source: SourceFile) -> ParsedExpression {
    let lexed = Lexer.lex(source)
    var parser = Parser(source: source, lexed: lexed)
    var expression = parser.parseExpression()
    if !parser.panicking, !parser.atEndOfFile {
      parser.unexpected("the end of the expression")
      expression = Expr(.invalid, span: expression.span)
    }
    let all = (lexed.diagnostics + parser.diagnostics).sortedByPosition()
    return ParsedExpression(
      source: source, expression: expression, diagnostics: all,
      isIncomplete: parser.endedIncomplete)
  }

  /// Parses Swift text as a file named `path` (for tests and the REPL).
  public static func parse(_ text: String, path: String = "<input>", file: FileID = FileID(0))
    -> ParsedFile
  {
    parse(SourceFile(id: file, path: path, text: text))
  }

  init(source: SourceFile, lexed: LexedFile) {
    self.source = source
    self.tokens = lexed.tokens
    self.linesWithLexicalErrors = Set(lexed.diagnostics.map { source.line(of: $0.span.start) })
    self.docComments = lexed.comments.filter { $0.kind == .doc }
  }

  // MARK: Looking at tokens

  /// The next token, unfiltered by the layout rule.
  var raw: Token { tokens[index] }

  /// The layout rule's state inside a requirement block.
  struct Fence {
    /// The column of the block's items.
    var column: Int
    /// The index of the current item's first token, which the fence never hides.
    var itemStart: Int
  }

  /// Whether the layout rule hides the token at `position` (it starts a line at or left of
  /// the fence, after the current item's first token).
  func isFenced(at position: Int, by fence: Fence?) -> Bool {
    guard let fence, position > fence.itemStart, tokens[position].startsLine else { return false }
    return tokens[position].lineIndent <= fence.column
  }

  /// Whether the layout rule hides the next token.
  func nextIsFenced(by fence: Fence?) -> Bool { isFenced(at: index, by: fence) }

  /// The next token's kind as the grammar sees it: a fenced token looks like the end.
  var current: TokenKind { kind(at: 0) }

  /// The kind `ahead` tokens on, with the layout rule applied.
  func kind(at ahead: Int) -> TokenKind {
    guard let position = visible(at: ahead) else { return .endOfFile }
    return tokens[position].kind
  }

  /// The position of the token `ahead` tokens on, or nil when the layout rule hides it or
  /// one before it (it then looks like the end).
  func visible(at ahead: Int) -> Int? {
    if ahead == 0 { return isFenced(at: index, by: fence) ? nil : index }
    for offset in 0...ahead {
      let position = min(index + offset, tokens.count - 1)
      if isFenced(at: position, by: fence) { return nil }
      if offset == ahead { return position }
    }
    return nil
  }

  /// Whether the next token, unfiltered, is the end of the file: the lexer ends the tokens
  /// with exactly one, and `advance()` never moves past it.
  var atEndOfFile: Bool { index == tokens.count - 1 }

  /// Whether the next token is the end (of the file, or of a block item).
  var atEnd: Bool { atEndOfFile || isFenced(at: index, by: fence) }

  // These look at the token in place, without copying a `Token` or `TokenKind`: they run
  // several times per token.

  /// The tag of the token `ahead` tokens on, with the layout rule applied.
  func tag(at ahead: Int = 0) -> TokenTag {
    guard let position = visible(at: ahead) else { return .endOfFile }
    return tokens[position].tag
  }

  func isKeyword(_ keyword: Keyword, at ahead: Int = 0) -> Bool {
    guard let position = visible(at: ahead) else { return false }
    return tokens[position].tag == .keyword(keyword)
  }
  func isWord(_ word: String, at ahead: Int = 0) -> Bool {
    guard let position = visible(at: ahead) else { return false }
    if case .identifier(let w) = tokens[position].kind { return w == word }
    return false
  }
  func isPunctuation(_ p: Punctuation, at ahead: Int = 0) -> Bool {
    guard let position = visible(at: ahead) else { return false }
    return tokens[position].tag == .punctuation(p)
  }

  /// Whether the next token is a declaration keyword.
  var atDeclarationKeyword: Bool {
    guard let position = visible(at: 0) else { return false }
    if case .keyword(let keyword) = tokens[position].tag { return keyword.startsDeclaration }
    return false
  }

  /// Consumes the next token (never past the end of the file).
  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    previousEnd = token.span.end
    return token
  }

  mutating func eat(_ keyword: Keyword) -> Token? {
    isKeyword(keyword) ? advance() : nil
  }
  mutating func eat(_ p: Punctuation) -> Token? {
    isPunctuation(p) ? advance() : nil
  }
  mutating func eat(word: String) -> Token? {
    isWord(word) ? advance() : nil
  }

  /// Consumes the next token if it is `keyword`, without copying it; whether it did.
  mutating func skip(_ keyword: Keyword) -> Bool {
    guard isKeyword(keyword) else { return false }
    skipToken()
    return true
  }
  /// Consumes the next token if it is `p`, without copying it; whether it did.
  mutating func skip(_ p: Punctuation) -> Bool {
    guard isPunctuation(p) else { return false }
    skipToken()
    return true
  }
  /// Consumes the next token if it is the word `word`, without copying it; whether it did.
  mutating func skip(word: String) -> Bool {
    guard isWord(word) else { return false }
    skipToken()
    return true
  }

  /// `advance()` without handing back the token.
  mutating func skipToken() {
    previousEnd = tokens[index].span.end
    if index < tokens.count - 1 { index += 1 }
  }

  /// A span from `start` to the end of the last token consumed.
  func span(from start: Int) -> Span {
    Span(file: source.id, start: start, end: max(start, previousEnd))
  }

  /// Where the next token starts.
  var here: Int { tokens[index].span.start }

  // MARK: Reporting

  /// Reports an error unless in panic mode, and enters panic mode.
  mutating func error(
    _ code: DiagnosticCode, _ message: String, at span: Span, labels: [Diagnostic.Label] = [],
    help: String? = nil
  ) {
    guard !panicking else { return }
    panicking = true
    if atEndOfFile { endedIncomplete = true }
    if linesWithLexicalErrors.contains(source.line(of: span.start)) { return }
    diagnostics.append(.error(code, message, at: span, labels: labels, help: help))
  }

  /// Reports an error that leaves the parser in step (no panic mode).
  mutating func report(
    _ code: DiagnosticCode, _ message: String, at span: Span, help: String? = nil
  ) {
    guard !panicking, !linesWithLexicalErrors.contains(source.line(of: span.start)) else {
      return
    }
    diagnostics.append(.error(code, message, at: span, help: help))
  }

  /// How the next token is named in "found …".
  var foundDescription: String {
    if nextIsFenced(by: fence) { return "the end of the line" }
    return raw.kind.displayName
  }

  /// Where an "expected …" error points: at the next token if it is on the same line as the
  /// last one consumed, else just after the last token (where the missing text belongs).
  var errorSpan: Span {
    if atEndOfFile || nextIsFenced(by: fence) || (tokens[index].startsLine && previousEnd > 0) {
      return .point(previousEnd, in: source.id)
    }
    return tokens[index].span
  }

  /// Reports "expected `what`, found …" at the next token.
  /// `atToken` points at the token itself even when it starts a line: right for a
  /// misspelt clause word, wrong for text missing at the end of a line.
  mutating func unexpected(
    _ what: String, help: String? = nil, code: DiagnosticCode = .unexpectedToken,
    atToken: Bool = false
  ) {
    if raw.kind == .invalid {
      // The lexer already reported this text.
      panicking = true
      return
    }
    let span = atToken && !nextIsFenced(by: fence) && !atEndOfFile ? tokens[index].span : errorSpan
    error(code, "expected \(what), found \(foundDescription)", at: span, help: help)
  }

  /// Reports the missing closer of `opener`, naming where it was opened.
  mutating func unclosed(_ opener: Token, closer: Punctuation) {
    let line = source.line(of: opener.span.start)
    let openText = opener.kind.displayName
    error(
      .unclosedDelimiter,
      "`\(closer.rawValue)` expected to close \(openText) at line \(line)",
      at: errorSpan,
      labels: [Diagnostic.Label("\(openText) opened here", at: opener.span)])
  }

  // MARK: Nesting

  /// Enters one level of nesting; false (after reporting once) beyond the limit.
  /// Always pair with `leave()`.
  mutating func enter() -> Bool {
    depth += 1
    deepest = max(deepest, depth)
    if depth > Limits.maximumNestingDepth {
      error(
        .nestingTooDeep,
        "this is nested more than \(Limits.maximumNestingDepth) levels deep",
        at: errorSpan,
        help: "split the expression into named `let` definitions")
      return false
    }
    return true
  }

  mutating func leave() { depth -= 1 }

  // MARK: Doc comments

  /// The `##` lines between the previous declaration and `offset`, marked as attached.
  mutating func documentation(before offset: Int, after lowerBound: Int) -> [String] {
    var lines: [String] = []
    for (position, comment) in docComments.enumerated()
    where comment.span.start >= lowerBound && comment.span.start < offset {
      lines.append(comment.text)
      attachedDocComments.insert(position)
    }
    return lines
  }

  func danglingDocCommentWarnings() -> [Diagnostic] {
    docComments.enumerated().compactMap { position, comment in
      attachedDocComments.contains(position)
        ? nil
        : .warning(
          .danglingDocComment, "this doc comment does not document a declaration",
          at: comment.span,
          help:
            "`##` documents the declaration that follows it; use `#` for other comments")
    }
  }
}

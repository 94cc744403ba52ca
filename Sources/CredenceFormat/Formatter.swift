import CredenceSyntax

/// What formatting one file gave.
public enum FormatOutcome: Sendable, Equatable {
  /// The file in canonical layout (possibly the same text as before).
  case formatted(String)
  /// The file has syntax errors and must not be rewritten; these are its diagnostics.
  case rejected([Diagnostic])
  /// The formatted text did not parse back to the same tree, so it was not produced.
  /// This is a bug in the formatter; the message says where the trees differ.
  case failed(String)
}

/// Formats policy files into one canonical layout (issue 9).
///
/// The formatter works from the token stream, with comments as trivia, and takes the
/// structure from the syntax tree. Line breaks inside a clause are the author's; the
/// formatter decides indentation, spacing, alignment, blank lines and the spelling of
/// literals whose meaning is identical (`500SGD` → `500 SGD`). Every output is parsed back
/// and compared with the input's tree, comments included, before it is returned.
public enum Formatter {
  /// Formats one file.
  public static func format(_ source: SourceFile) -> FormatOutcome {
    let parsed = Parser.parse(source)
    guard parsed.isClean else { return .rejected(parsed.diagnostics) }
    let lexed = Lexer.lex(source)
    let notes = Annotator.annotate(parsed.syntax, source: source, tokens: lexed.tokens)
    let printer = Printer(
      source: source, tokens: lexed.tokens, notes: notes, syntax: parsed.syntax)
    let text = printer.render()
    let reparsed = Parser.parse(SourceFile(id: source.id, path: source.path, text: text))
    if let error = reparsed.diagnostics.first(where: \.isError) {
      let line = reparsed.source.line(of: error.span.start)
      return .failed("the formatted text does not parse (line \(line): \(error.message))")
    }
    if let difference = Formatter.difference(parsed.syntax, reparsed.syntax) {
      return .failed("the formatted text means something else: \(difference)")
    }
    return .formatted(text)
  }

  /// Formats Swift text (tests, the REPL).
  public static func format(_ text: String, path: String = "<input>") -> FormatOutcome {
    format(SourceFile(path: path, text: text))
  }

  /// Where two trees differ, spans and trailing whitespace in comments aside; nil if they
  /// are the same.
  public static func difference(_ before: FileSyntax, _ after: FileSyntax) -> String? {
    let before = normalised(before)
    let after = normalised(after)
    if before.declarations.count != after.declarations.count {
      return "\(before.declarations.count) declarations became \(after.declarations.count)"
    }
    for (index, pair) in zip(before.declarations, after.declarations).enumerated()
    where pair.0 != pair.1 {
      return "declaration \(index + 1) changed: \(pair.0.sExpression) became \(pair.1.sExpression)"
    }
    if before.comments.map(\.kind) != after.comments.map(\.kind)
      || before.comments.map(\.text) != after.comments.map(\.text)
    {
      return "the comments changed"
    }
    return nil
  }

  /// A tree with trailing whitespace removed from comments and doc comments, which the
  /// formatter trims, and with every file id the same.
  static func normalised(_ syntax: FileSyntax) -> FileSyntax {
    func trimmed(_ text: String) -> String {
      var text = Substring(text)
      while let last = text.last, last == " " || last == "\t" { text.removeLast() }
      return String(text)
    }
    var result = syntax
    result.file = FileID(0)
    result.comments = syntax.comments.map {
      Comment($0.kind, text: trimmed($0.text), span: $0.span)
    }
    result.declarations = syntax.declarations.map { declaration in
      var declaration = declaration
      declaration.documentation = declaration.documentation.map(trimmed)
      return declaration
    }
    return result
  }
}

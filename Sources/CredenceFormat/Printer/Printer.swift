import CredenceSyntax

/// Lays annotated tokens out in lines and columns; `Printer+Text` adds the comments and
/// blank lines and produces the text.
///
/// Line breaks are the author's, plus those the layout requires (every clause on its own
/// line); the printer never joins lines, so a comment that ended a line still ends the
/// line of the token it followed. Everything else is decided here: indentation, spacing,
/// alignment.
struct Printer {
  let source: SourceFile
  /// The tokens, ending with the end-of-file token.
  let tokens: [Token]
  let notes: Annotations
  let syntax: FileSyntax
  /// The output lines, each a list of token indices.
  private(set) var lines: [[Int]] = []
  /// The output line of each printed token; -1 for deleted tokens and the end of file.
  private(set) var lineOf: [Int]
  /// The first token of each declaration.
  let declarationStart: [Int]

  init(source: SourceFile, tokens: [Token], notes: Annotations, syntax: FileSyntax) {
    self.source = source
    self.tokens = tokens
    self.notes = notes
    self.syntax = syntax
    self.lineOf = Array(repeating: -1, count: tokens.count)
    var starts = Array(repeating: 0, count: syntax.declarations.count)
    for (token, declaration) in notes.declaration.enumerated().reversed() where declaration >= 0 {
      starts[declaration] = token
    }
    self.declarationStart = starts
    breakLines()
  }

  /// Whether token `index` is printed (not deleted, not the end of file).
  func isPrinted(_ index: Int) -> Bool {
    tokens[index].kind != .endOfFile && !notes.deleted[index]
  }

  private mutating func breakLines() {
    var current: [Int] = []
    for index in tokens.indices where isPrinted(index) {
      if current.isEmpty || tokens[index].startsLine || notes.forcedLineStart[index] {
        if !current.isEmpty { lines.append(current) }
        current = []
      }
      current.append(index)
      lineOf[index] = lines.count
    }
    if !current.isEmpty { lines.append(current) }
  }

  /// Whether `index` is the first token of its output line.
  func startsLine(_ index: Int) -> Bool {
    let line = lineOf[index]
    return line >= 0 && lines[line].first == index
  }

  /// Whether `index` is the last token of its output line.
  func endsLine(_ index: Int) -> Bool {
    let line = lineOf[index]
    return line >= 0 && lines[line].last == index
  }

  /// The printed width of a token.
  func width(_ index: Int) -> Int { notes.spelling[index].count }

  // MARK: Columns

  /// Every printed token's column and every line's indentation.
  struct Layout {
    var column: [Int]
    var indent: [Int]
  }

  /// Lays out every line, with `padding[i]` extra spaces before token `i`.
  func layout(padding: [Int]) -> Layout {
    var result = Layout(
      column: Array(repeating: 0, count: tokens.count),
      indent: Array(repeating: 0, count: lines.count))
    var open: [Int] = []
    for (line, members) in lines.enumerated() {
      var previous: Int?
      for index in members {
        if let previous {
          let space =
            Spelling.spaceBetween(
              tokens[previous].kind, tokens[index].kind, glued: notes.glueBefore[index])
            ? 1 : 0
          result.column[index] =
            result.column[previous] + width(previous) + space + padding[index]
        } else {
          result.indent[line] = indentation(of: index, open: open, layout: result)
          result.column[index] = result.indent[line]
        }
        switch tokens[index].kind {
        case .punctuation(.leftParen), .punctuation(.leftBracket), .punctuation(.leftBrace):
          open.append(index)
        case .punctuation(.rightParen), .punctuation(.rightBracket), .punctuation(.rightBrace):
          if !open.isEmpty { open.removeLast() }
        default:
          break
        }
        previous = index
      }
    }
    return result
  }

  /// The indentation of the line that `index` starts, given the brackets still open.
  func indentation(of index: Int, open: [Int], layout: Layout) -> Int {
    let rule = notes.rule[index]
    if case .absolute(let column)? = rule { return column }
    // Continuation lines are indented from the line their clause starts on; a clause word
    // that starts its own line measures from its declaration's line instead.
    var base = notes.clauseStart[index]
    if base >= index || lineOf[base] < 0 {
      let declaration = notes.declaration[index]
      base = declaration >= 0 ? declarationStart[declaration] : index
    }
    let clauseIndent = base < index && lineOf[base] >= 0 ? layout.indent[lineOf[base]] : 0
    var minimum = clauseIndent + 2
    var fallback = clauseIndent + 4
    var content: Int?
    if let bracket = open.last {
      let bracketLine = lineOf[bracket]
      let inside: Int
      if endsLine(bracket) {
        // `[` ending its line: the elements are indented 4 under the line, and the closing
        // bracket, on a line of its own, lines up with the line.
        let lineIndent = layout.indent[bracketLine]
        if Printer.closes(tokens[index].kind, tokens[bracket].kind) {
          let first = lines[bracketLine].first ?? bracket
          return lineIndent + (notes.startsBlockItem[first] ? 2 : 0)
        }
        inside = lineIndent + 4
      } else {
        // Otherwise they line up just inside the bracket.
        if Printer.closes(tokens[index].kind, tokens[bracket].kind) {
          return max(layout.column[bracket], minimum)
        }
        inside =
          layout.column[bracket] + (tokens[bracket].kind == .punctuation(.leftBrace) ? 2 : 1)
      }
      content = inside
      minimum = max(minimum, inside)
      fallback = minimum
    }
    switch rule {
    case nil, .absolute:
      return fallback
    case .structural(let base, let plus):
      let column = layout.indent[max(0, lineOf[base])] + plus
      return max(column, content ?? 0)
    case .align(let anchor):
      return layout.column[anchor] >= minimum ? layout.column[anchor] : fallback
    case .hang(let anchor, let width):
      let hung = layout.column[anchor] - width - 1
      if hung >= minimum { return hung }
      return layout.column[anchor] >= minimum ? layout.column[anchor] : fallback
    }
  }

  static func closes(_ closer: TokenKind, _ opener: TokenKind) -> Bool {
    switch (opener, closer) {
    case (.punctuation(let open), .punctuation(let close)): open.closing == close
    default: false
    }
  }
}

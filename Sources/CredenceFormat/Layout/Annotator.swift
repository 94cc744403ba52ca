import CredenceSyntax

/// Walks a file's syntax tree and records, token by token, what the printer needs:
/// which tokens start clauses, how continuation lines are indented, what aligns.
///
/// The walk is preorder and deeper constructs overwrite what enclosing ones said about
/// their tokens, so each token ends up described by the innermost construct holding it.
struct Annotator {
  let source: SourceFile
  let tokens: [Token]
  var notes: Annotations
  /// Token index by the byte offset a token starts at, and by the offset it ends at.
  let byStart: [Int: Int]
  let byEnd: [Int: Int]

  init(source: SourceFile, tokens: [Token]) {
    self.source = source
    self.tokens = tokens
    var notes = Annotations(tokenCount: tokens.count)
    var byStart: [Int: Int] = [:]
    var byEnd: [Int: Int] = [:]
    for (index, token) in tokens.enumerated() where token.kind != .endOfFile {
      byStart[token.span.start] = index
      byEnd[token.span.end] = index
      notes.spelling[index] = Spelling.canonical(token, written: source.text(of: token.span))
    }
    self.notes = notes
    self.byStart = byStart
    self.byEnd = byEnd
  }

  /// Annotates every declaration of `file`.
  static func annotate(_ file: FileSyntax, source: SourceFile, tokens: [Token]) -> Annotations {
    var annotator = Annotator(source: source, tokens: tokens)
    for (index, declaration) in file.declarations.enumerated() {
      annotator.declaration(declaration, index: index)
    }
    return annotator.notes
  }

  // MARK: Finding tokens

  /// The index of the token a span starts with.
  func first(_ span: Span) -> Int {
    if let index = byStart[span.start] { return index }
    // Not expected for spans the parser made; fall back to the first token at or after it.
    return tokens.firstIndex { $0.span.start >= span.start } ?? tokens.count - 1
  }

  /// The index of the token a span ends with.
  func last(_ span: Span) -> Int {
    if let index = byEnd[span.end] { return index }
    return tokens.lastIndex { $0.span.end <= span.end && $0.kind != .endOfFile } ?? 0
  }

  // MARK: Recording

  /// Makes `token` start a line, indented by `rule`.
  mutating func force(_ token: Int, _ rule: IndentRule) {
    notes.forcedLineStart[token] = true
    notes.rule[token] = rule
  }

  /// How `token` is indented if the author started a line with it.
  mutating func rule(_ token: Int, _ rule: IndentRule) {
    notes.rule[token] = rule
  }

  /// Marks `range` as one clause: continuation lines inside it are indented from the
  /// line of its first token.
  mutating func clause(_ range: ClosedRange<Int>) {
    for token in range { notes.clauseStart[token] = range.lowerBound }
  }

  /// `first...last` when the span is well formed, else a one-token range.
  func range(_ first: Int, _ last: Int) -> ClosedRange<Int> { first...max(first, last) }

  /// Prints `token` right after the token before it.
  mutating func glue(_ token: Int) {
    notes.glueBefore[token] = true
  }

  /// Respells the count word after a quantity (`credits`, `credentials`) to agree with it.
  mutating func unitWord(at token: Int, singular: String, isOne: Bool) {
    guard case .identifier(let word) = tokens[token].kind,
      word == singular || word == singular + "s"
    else { return }
    notes.spelling[token] = Spelling.unitWord(singular, isOne: isOne)
  }

  /// Whether a number is written exactly `1`.
  static func isOne(_ number: DecimalText) -> Bool {
    number.integerDigits == "1" && number.fractionDigits.isEmpty
  }

  /// Whether an expression is the number `1`.
  static func isOne(_ expr: Expr) -> Bool {
    if case .literal(.number(let number)) = expr.kind { return isOne(number) }
    return false
  }
}

/// Collects the alignment candidates of one list of siblings into a run.
struct RunBuilder {
  private(set) var runs: [[AlignmentCandidate]] = []
  private var current: [AlignmentCandidate] = []

  /// Adds a candidate; nil stands for a sibling that has nothing to align and does not
  /// end the run.
  mutating func add(_ candidate: AlignmentCandidate?) {
    if let candidate { current.append(candidate) }
  }

  /// Ends the current run.
  mutating func finish() {
    if current.count > 1 { runs.append(current) }
    current = []
  }
}

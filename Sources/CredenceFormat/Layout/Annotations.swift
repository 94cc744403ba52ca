import CredenceSyntax

/// How the first token of an output line finds its indentation.
///
/// Rules name earlier tokens ("anchors") whose output columns are already known when the
/// line is laid out, so one pass from the top of the file settles every column.
enum IndentRule: Hashable, Sendable {
  /// A fixed column: declarations start at 0.
  case absolute(Int)
  /// The indentation of the line holding `base`, plus `plus`: clauses (`+2` under their
  /// declaration), requirement-block items (`+2` under the group's opening line).
  case structural(base: Int, plus: Int)
  /// The column of `anchor`: `then` and `else` under `if`, `because` under its condition.
  case align(anchor: Int)
  /// A leading operator `width` characters wide that hangs left of its operand, so the
  /// operand lines up with the chain's first operand at `anchor`: `  + max(…)` under
  /// `    max(…)`.
  case hang(anchor: Int, width: Int)
}

/// What the syntax tree says about each token, for the printer.
///
/// Arrays are indexed by token; the end-of-file token has an entry too, so lookups one
/// past the last real token stay in bounds.
struct Annotations {
  /// The text printed for each token (literals and unit words in their canonical spelling).
  var spelling: [String]
  /// Tokens not printed at all: a trailing comma before a closing bracket on the same line.
  var deleted: [Bool]
  /// Tokens that start an output line whatever the input did: clauses, declarations.
  var forcedLineStart: [Bool]
  /// The first tokens of requirement-block items. Their lines sit at the block's column,
  /// where the layout rule ends an item, so a bracket that closes on a line of its own
  /// inside such an item is indented deeper.
  var startsBlockItem: [Bool]
  /// The indentation rule of a token that starts a line, when the tree says more than the
  /// generic continuation rule.
  var rule: [IndentRule?]
  /// The first token of the innermost clause, block item or declaration holding each
  /// token: continuation lines are indented relative to that token's line.
  var clauseStart: [Int]
  /// Tokens printed with no space before them (call parentheses, the operand of a unary
  /// minus); punctuation is handled by `Spacing` on its own.
  var glueBefore: [Bool]
  /// Runs of sibling constructs whose `because`, `counts`, `->` or `from` may line up; the
  /// printer aligns the members that sit alone on their lines.
  var alignmentRuns: [[AlignmentCandidate]]
  /// Examples tables: each row's `|` tokens, left to right. Columns line up when every
  /// row sits on one line.
  var tables: [[[Int]]]
  /// The declaration (index into `FileSyntax.declarations`) each token belongs to.
  var declaration: [Int]

  init(tokenCount: Int) {
    spelling = Array(repeating: "", count: tokenCount)
    deleted = Array(repeating: false, count: tokenCount)
    forcedLineStart = Array(repeating: false, count: tokenCount)
    startsBlockItem = Array(repeating: false, count: tokenCount)
    rule = Array(repeating: nil, count: tokenCount)
    clauseStart = Array(repeating: 0, count: tokenCount)
    glueBefore = Array(repeating: false, count: tokenCount)
    alignmentRuns = []
    tables = []
    declaration = Array(repeating: -1, count: tokenCount)
  }
}

/// One construct that may take part in column alignment.
struct AlignmentCandidate: Hashable, Sendable {
  /// The construct's first token (a clause word such as `require`, or a row's `|`).
  var first: Int
  /// The token to align (`because`, `counts`, `->`, `from`).
  var aligned: Int
  /// The construct's last token.
  var last: Int
}

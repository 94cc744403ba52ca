import CredenceSyntax

/// The canonical spelling of tokens, and which neighbours are printed without a space.
///
/// Only spellings with identical meaning are changed: `500SGD` and `500  SGD` become
/// `500 SGD`, `1 years` becomes `1 year`. Numbers, dates and strings keep the digits and
/// escapes the author wrote.
enum Spelling {
  /// The text printed for `token`, given its text in the source.
  static func canonical(_ token: Token, written: String) -> String {
    switch token.kind {
    case .literal(.money(_, let currency)):
      return "\(numberPart(of: written)) \(currency)"
    case .literal(.duration(let count, let unit)):
      return "\(numberPart(of: written)) \(unit.rawValue)\(count == 1 ? "" : "s")"
    default:
      return written
    }
  }

  /// The digits (with `_` and `.`) a money or duration literal starts with, as written.
  static func numberPart(of written: String) -> Substring {
    written.prefix { $0.isASCII && ($0.isNumber || $0 == "_" || $0 == ".") }
  }

  /// `credit` or `credits` (`credential` or `credentials`) to agree with a quantity:
  /// the singular only after the number 1 written as `1`.
  static func unitWord(_ singular: String, isOne: Bool) -> String {
    isOne ? singular : singular + "s"
  }

  /// Whether a space separates `previous` and `next` when they share a line (`glued` is
  /// the syntax tree's say: a call's `(`, the operand of a unary minus).
  static func spaceBetween(_ previous: TokenKind, _ next: TokenKind, glued: Bool) -> Bool {
    if glued { return false }
    switch next {
    case .punctuation(.comma), .punctuation(.rightParen), .punctuation(.rightBracket),
      .punctuation(.dot), .punctuation(.colon):
      return false
    case .punctuation(.rightBrace):
      return previous != .punctuation(.leftBrace)
    default:
      break
    }
    switch previous {
    case .punctuation(.leftParen), .punctuation(.leftBracket), .punctuation(.dot):
      return false
    default:
      return true
    }
  }
}

/// One token of the lexical grammar (grammar/credence.ebnf, part 1), with its span.
///
/// A file has about one token per six bytes, and the token array is much of the memory a
/// parse touches: the small fields come first and share a word (72 bytes a token; with
/// the line's indentation as an `Int` after the span, 96).
public struct Token: Hashable, Sendable {
  /// What the token is.
  public var kind: TokenKind {
    didSet { tag = TokenTag(kind) }
  }
  /// What kind of token it is, without its text (kept in step with `kind`).
  public private(set) var tag: TokenTag
  /// Whether it is the first token on its line; requirement blocks use the layout rule.
  public var startsLine: Bool
  /// `lineIndent` in 32 bits: source files are at most `Limits.maximumSourceFileBytes`,
  /// far below 2³¹ (larger values are clamped).
  private var storedLineIndent: Int32
  /// Where it is.
  public var span: Span

  /// The column (0-based, in bytes of leading whitespace) of the first token on this
  /// token's line: the indentation the layout rule compares.
  public var lineIndent: Int {
    get { Int(storedLineIndent) }
    set { storedLineIndent = Int32(clamping: newValue) }
  }

  /// A token of `kind` at `span`.
  public init(_ kind: TokenKind, span: Span, startsLine: Bool = false, lineIndent: Int = 0) {
    self.tag = TokenTag(kind)
    self.kind = kind
    self.span = span
    self.startsLine = startsLine
    self.storedLineIndent = Int32(clamping: lineIndent)
  }
}

/// The kinds of token.
public enum TokenKind: Hashable, Sendable {
  /// A name: `learner`, `credits`, `SGD`. Contextual words are identifiers.
  case identifier(String)
  /// A reserved word.
  case keyword(Keyword)
  /// A number, percentage, money amount, duration, date or string.
  case literal(Literal)
  /// An operator or delimiter.
  case punctuation(Punctuation)
  /// Text the lexer has already reported as an error; the parser accepts it quietly
  /// where a value may stand, so one mistake gives one diagnostic.
  case invalid
  /// The end of the file.
  case endOfFile

  /// How the token is named in messages: `` `where` ``, `a string`, `the end of the file`.
  public var displayName: String {
    switch self {
    case .identifier(let name): "`\(name)`"
    case .keyword(let keyword): "`\(keyword.rawValue)`"
    case .punctuation(let punctuation): "`\(punctuation.rawValue)`"
    case .literal(let literal): literal.kindName
    case .invalid: "an invalid token"
    case .endOfFile: "the end of the file"
    }
  }
}

/// A token's kind without its text or value: a plain value, so that the parser can ask
/// what the next token is without copying a `TokenKind` (which retains the token's text)
/// several times per token.
public enum TokenTag: Hashable, Sendable {
  case identifier
  case keyword(Keyword)
  case literal
  case punctuation(Punctuation)
  case invalid
  case endOfFile

  /// The tag of `kind`.
  public init(_ kind: borrowing TokenKind) {
    switch kind {
    case .identifier: self = .identifier
    case .keyword(let keyword): self = .keyword(keyword)
    case .literal: self = .literal
    case .punctuation(let punctuation): self = .punctuation(punctuation)
    case .invalid: self = .invalid
    case .endOfFile: self = .endOfFile
    }
  }
}

/// Reserved words: never usable as names (grammar production KEYWORD).
public enum Keyword: String, Hashable, Sendable, CaseIterable {
  case policy, scale, param, fact, `let`, stack, fund, equivalence, test
  case require, using, `where`, and, or, not, `if`, then, `else`
  case `true`, `false`, unknown, `in`, `is`, otherwise, distinct, by, because, when

  /// Whether the word starts a declaration, where the parser resynchronises after an error.
  public var startsDeclaration: Bool {
    switch self {
    case .policy, .scale, .param, .fact, .let, .stack, .fund, .equivalence, .test: true
    default: false
    }
  }
}

/// Operators and delimiters (grammar production PUNCTUATION).
public enum Punctuation: String, Hashable, Sendable, CaseIterable {
  case leftParen = "("
  case rightParen = ")"
  case leftBracket = "["
  case rightBracket = "]"
  case leftBrace = "{"
  case rightBrace = "}"
  case comma = ","
  case colon = ":"
  case dot = "."
  case bar = "|"
  case arrow = "->"
  case plus = "+"
  case minus = "-"
  case star = "*"
  case slash = "/"
  case equals = "="
  case equalEqual = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="

  /// The one-byte punctuation `byte` spells, if any (not `->`, `==`, `!=`, `<=`, `>=`).
  init?(singleByte byte: UInt8) {
    switch byte {
    case UInt8(ascii: "("): self = .leftParen
    case UInt8(ascii: ")"): self = .rightParen
    case UInt8(ascii: "["): self = .leftBracket
    case UInt8(ascii: "]"): self = .rightBracket
    case UInt8(ascii: "{"): self = .leftBrace
    case UInt8(ascii: "}"): self = .rightBrace
    case UInt8(ascii: ","): self = .comma
    case UInt8(ascii: ":"): self = .colon
    case UInt8(ascii: "."): self = .dot
    case UInt8(ascii: "|"): self = .bar
    case UInt8(ascii: "+"): self = .plus
    case UInt8(ascii: "-"): self = .minus
    case UInt8(ascii: "*"): self = .star
    case UInt8(ascii: "/"): self = .slash
    case UInt8(ascii: "="): self = .equals
    case UInt8(ascii: "<"): self = .less
    case UInt8(ascii: ">"): self = .greater
    default: return nil
    }
  }

  /// The closing partner of an opening bracket.
  public var closing: Punctuation? {
    switch self {
    case .leftParen: .rightParen
    case .leftBracket: .rightBracket
    case .leftBrace: .rightBrace
    default: nil
    }
  }
}

/// A comment kept beside the tokens for the formatter and the documentation generator.
public struct Comment: Hashable, Sendable {
  /// `#` line comment or `##` doc comment.
  public enum Kind: Hashable, Sendable {
    case line
    case doc
  }
  /// Which kind.
  public var kind: Kind
  /// The text after `#` or `##`, with the one space that usually follows removed.
  public var text: String
  /// The span of the whole comment, markers included.
  @IgnoredInEquality public var span: Span

  /// A comment of `kind` saying `text`.
  public init(_ kind: Kind, text: String, span: Span) {
    self.kind = kind
    self.text = text
    self.span = span
  }
}

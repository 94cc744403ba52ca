/// An expression node: what it is and where it was written.
///
/// grammar: `expression = where_expr ;` and everything below it. A tree from the parser
/// is never deeper than a small multiple of `Limits.maximumNestingDepth`, so passes may
/// recurse over it.
public struct Expr: Hashable, Sendable {
  /// The kinds of expression.
  public indirect enum Kind: Hashable, Sendable {
    /// A literal value.
    case literal(Literal)
    /// A name: a declaration, a parameter, a field in scope, `it`, `as_of`, `learner`.
    case name(Name)
    /// A call of a built-in or a `let` function: `round(x, 2)`.
    case call(Name, arguments: [Expr])
    /// A field: `learner.birth_date`.
    case member(Expr, Name)
    /// A param read on a date: `opening_credit as of 2026-01-01`.
    case asOf(Expr, date: Expr)
    /// `-x` or `not x`.
    case unary(UnaryOperator, Expr)
    /// `a + b`, `a and b`, `a in b`, …
    case binary(BinaryOperator, Expr, Expr)
    /// `collection where condition`: the element's fields are in scope, and `it`.
    case filter(Expr, where: Expr)
    /// `decision is eligible`, `decision is not in effect`.
    case status(Expr, DecisionStatus)
    /// `x is known`, `x is unknown`: never unknown itself.
    case presence(Expr, Presence)
    /// `[a, b, c]`.
    case list([Expr])
    /// `{ field: value, … }`.
    case record(RecordLiteral)
    /// `if c then a else b`.
    case conditional(Expr, then: Expr, else: Expr)
    /// `first match | c -> v | otherwise -> w`.
    case firstMatch(FirstMatchTable)
    /// `distinct collection by key`.
    case distinct(Expr, by: Expr)
    /// `(x)`, kept so the formatter can keep the author's parentheses.
    case parenthesized(Expr)
    /// Something that failed to parse; already reported. Passes should accept it quietly.
    case invalid
  }

  /// What the expression is.
  public var kind: Kind
  /// Where it was written.
  @IgnoredInEquality public var span: Span

  /// An expression of `kind` at `span`.
  public init(_ kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }

  /// The expression without any parentheses around it.
  public var withoutParentheses: Expr {
    var expr = self
    while case .parenthesized(let inner) = expr.kind { expr = inner }
    return expr
  }
}

/// Prefix operators.
public enum UnaryOperator: String, Hashable, Sendable {
  case negate = "-"
  case not = "not"
}

/// Infix operators, loosest binding first within the grammar's levels.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
  case or = "or"
  case and = "and"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case `in` = "in"
  case notIn = "not in"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"

  /// Whether the operator is a comparison (these do not chain).
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn: true
    default: false
    }
  }
}

/// The status of a decision, tested with `is`.
///
/// grammar: `status = "eligible" | "ineligible" | "achieved" | "not" , "achieved"
///   | "undetermined" | "not" , "in" , "effect" | "error" ;`
public enum DecisionStatus: String, Hashable, Sendable, CaseIterable {
  case eligible
  case ineligible
  case achieved
  case notAchieved = "not achieved"
  case undetermined
  case notInEffect = "not in effect"
  case error
}

/// What `is known` / `is unknown` asks.
public enum Presence: String, Hashable, Sendable {
  case known
  case unknown
}

/// `{ field: value, … }`.
///
/// grammar: `record = "{" , [ IDENT , ":" , expression , { "," , IDENT , ":" , expression } ,
///   [ "," ] ] , "}" ;`
public struct RecordLiteral: Hashable, Sendable {
  /// The fields in source order (duplicates are the checker's to report).
  public var fields: [RecordField]
  /// Braces included.
  @IgnoredInEquality public var span: Span

  /// A record of `fields`.
  public init(fields: [RecordField], span: Span) {
    self.fields = fields
    self.span = span
  }
}

/// One `field: value` of a record.
public struct RecordField: Hashable, Sendable {
  /// The field's name.
  public var name: Name
  /// Its value.
  public var value: Expr

  /// `name: value`.
  public init(name: Name, value: Expr) {
    self.name = name
    self.value = value
  }
}

/// A first-match decision table.
///
/// grammar: `[ "partial" ] , "first" , "match" , table_row , { table_row }`
public struct FirstMatchTable: Hashable, Sendable {
  /// Whether the author marked the table `partial` (it may fall through to unknown).
  public var isPartial: Bool
  /// The rows, tried in order.
  public var rows: [TableRow]

  /// A table of `rows`.
  public init(isPartial: Bool = false, rows: [TableRow]) {
    self.isPartial = isPartial
    self.rows = rows
  }
}

/// `| condition -> result` or `| otherwise -> result`.
///
/// grammar: `table_row = "|" , ( expression | "otherwise" ) , "->" , expression ;`
public struct TableRow: Hashable, Sendable {
  /// The condition; nil for `otherwise`.
  public var condition: Expr?
  /// The value when the row matches.
  public var result: Expr
  /// From `|` to the end of the result.
  @IgnoredInEquality public var span: Span

  /// A row `| condition -> result`.
  public init(condition: Expr?, result: Expr, span: Span) {
    self.condition = condition
    self.result = result
    self.span = span
  }

  /// Whether this is the `otherwise` row.
  public var isOtherwise: Bool { condition == nil }
}

/// A stacking rule: which credentials combine into a larger award.
///
/// grammar: `stack_decl = "stack" , IDENT , STRING , [ "using" , expression ] ,
///   { "require" , requirement } ;`
public struct StackDeclaration: Hashable, Sendable {
  /// The stack's name.
  public var name: Name
  /// The award's title.
  public var title: TextLiteral
  /// The pool of awards (`using …`); nil means all of the learner's awards.
  public var pool: Expr?
  /// The top-level requirements, all of which must be met.
  public var requirements: [Requirement]

  /// A stack `name "title" using pool require …`.
  public init(name: Name, title: TextLiteral, pool: Expr? = nil, requirements: [Requirement]) {
    self.name = name
    self.title = title
    self.pool = pool
    self.requirements = requirements
  }
}

/// One requirement of a stack, possibly a group of nested requirements.
///
/// grammar: `requirement = group_requirement
///   | ( count_requirement | condition_requirement ) , [ "because" , STRING ] ;`
public struct Requirement: Hashable, Sendable {
  /// The kinds of requirement.
  public enum Kind: Hashable, Sendable {
    /// `all of …`, `any of …`, `at least N of …`.
    case group(GroupRequirement)
    /// `at least N credentials|credits [where …]`.
    case count(CountRequirement)
    /// A Bool expression, or the name of another stack.
    case condition(Expr)
    /// A requirement that failed to parse; already reported.
    case invalid
  }

  /// What is required.
  public var kind: Kind
  /// The reason shown when the requirement is not met.
  public var because: TextLiteral?
  /// From the requirement's first token to its last (nested items included).
  @IgnoredInEquality public var span: Span

  /// A requirement of `kind`.
  public init(_ kind: Kind, because: TextLiteral? = nil, span: Span) {
    self.kind = kind
    self.because = because
    self.span = span
  }
}

/// How many of a group's items must hold.
public enum GroupQuantifier: Hashable, Sendable {
  /// `all of`.
  case all
  /// `any of`.
  case any
  /// `at least N of`.
  case atLeast(Quantity)
}

/// The number in `at least N …`: a literal or the name of a Number param or let.
///
/// grammar: `quantity = NUMBER | IDENT ;`
public enum Quantity: Hashable, Sendable {
  case number(NumberLiteral)
  case name(Name)

  /// Where the quantity was written.
  public var span: Span {
    switch self {
    case .number(let n): n.span
    case .name(let n): n.span
    }
  }
}

/// A group requirement: a quantifier over a list expression or a block of requirements.
///
/// grammar: `group_requirement = ( "all" , "of" | "any" , "of" | "at" , "least" , quantity ,
///   "of" ) , ( expression , [ "because" , STRING ] | [ "because" , STRING ] ,
///   requirement_block ) ;`
public struct GroupRequirement: Hashable, Sendable {
  /// The items of a group.
  public enum Items: Hashable, Sendable {
    /// On the same line: an expression, usually a list of credential codes.
    case list(Expr)
    /// On the following lines, indented deeper: nested requirements.
    case block([Requirement])
  }

  /// How many items must hold.
  public var quantifier: GroupQuantifier
  /// The items.
  public var items: Items

  /// A group `quantifier items`.
  public init(quantifier: GroupQuantifier, items: Items) {
    self.quantifier = quantifier
    self.items = items
  }
}

/// What a count requirement counts.
public enum CountUnit: Hashable, Sendable {
  /// Distinct credential codes (`credentials` or `credential`).
  case credentials
  /// Credits (`credits` or `credit`).
  case credits
}

/// `at least N credentials|credits [where condition]`.
///
/// grammar: `count_requirement = "at" , "least" , quantity ,
///   ( "credentials" | "credential" | "credits" | "credit" ) , [ "where" , expression ] ;`
public struct CountRequirement: Hashable, Sendable {
  /// The minimum.
  public var minimum: Quantity
  /// What is counted.
  public var unit: CountUnit
  /// A condition narrowing the stack's pool for this requirement.
  public var filter: Expr?

  /// `at least minimum unit where filter`.
  public init(minimum: Quantity, unit: CountUnit, filter: Expr? = nil) {
    self.minimum = minimum
    self.unit = unit
    self.filter = filter
  }
}

/// Degree-embedded equivalences: what credentials are worth toward a degree.
///
/// grammar: `equivalence_decl = "equivalence" , IDENT , STRING , [ "using" , expression ] ,
///   { equivalence_rule | cap_clause } ;`
public struct EquivalenceDeclaration: Hashable, Sendable {
  /// The equivalence's name.
  public var name: Name
  /// Its title.
  public var title: TextLiteral
  /// The pool of awards considered; nil means all of the learner's awards.
  public var pool: Expr?
  /// Rules and caps in source order.
  public var items: [EquivalenceItem]

  /// An equivalence `name "title" using pool items`.
  public init(name: Name, title: TextLiteral, pool: Expr? = nil, items: [EquivalenceItem]) {
    self.name = name
    self.title = title
    self.pool = pool
    self.items = items
  }

  /// The rules, in order.
  public var rules: [EquivalenceRule] {
    items.compactMap { if case .rule(let r) = $0 { r } else { nil } }
  }
  /// The caps, in order.
  public var caps: [CapClause] {
    items.compactMap { if case .cap(let c) = $0 { c } else { nil } }
  }
}

/// A rule or a cap, in the order written.
public enum EquivalenceItem: Hashable, Sendable {
  case rule(EquivalenceRule)
  case cap(CapClause)
}

/// `source counts as target for N credits`.
///
/// grammar: `equivalence_rule = rule_source , "counts" , "as" , rule_target , "for" ,
///   expression , ( "credits" | "credit" ) ;`
public struct EquivalenceRule: Hashable, Sendable {
  /// What is transferred.
  public var source: RuleSource
  /// What it counts as.
  public var target: RuleTarget
  /// How many credits are granted.
  public var credits: Expr
  /// The whole rule.
  @IgnoredInEquality public var span: Span

  /// A rule `source counts as target for credits credits`.
  public init(source: RuleSource, target: RuleTarget, credits: Expr, span: Span) {
    self.source = source
    self.target = target
    self.credits = credits
    self.span = span
  }
}

/// The left side of an equivalence rule.
///
/// grammar: `rule_source = STRING | "all" , "of" , expression | "each" , "where" , expression ;`
public enum RuleSource: Hashable, Sendable {
  /// One credential code.
  case code(TextLiteral)
  /// Every code in the list, together.
  case allOf(Expr)
  /// Every pool award meeting the condition, one by one.
  case each(where: Expr)
}

/// The right side of an equivalence rule.
///
/// grammar: `rule_target = ( STRING | "elective" ) , [ "in" , STRING ] ;`
public struct RuleTarget: Hashable, Sendable {
  /// A named module or an elective.
  public enum Kind: Hashable, Sendable {
    case module(TextLiteral)
    case elective
  }
  /// Module or elective.
  public var kind: Kind
  /// The category for category caps.
  public var category: TextLiteral?
  /// Where the target was written.
  @IgnoredInEquality public var span: Span

  /// A target of `kind` in `category`.
  public init(_ kind: Kind, category: TextLiteral? = nil, span: Span) {
    self.kind = kind
    self.category = category
    self.span = span
  }
}

/// `cap N credits [in "category"]`.
///
/// grammar: `cap_clause = "cap" , expression , ( "credits" | "credit" ) , [ "in" , STRING ] ;`
public struct CapClause: Hashable, Sendable {
  /// The most credits granted.
  public var limit: Expr
  /// The category capped; nil caps the total.
  public var category: TextLiteral?
  /// The whole clause.
  @IgnoredInEquality public var span: Span

  /// A cap of `limit` credits in `category`.
  public init(limit: Expr, category: TextLiteral? = nil, span: Span) {
    self.limit = limit
    self.category = category
    self.span = span
  }
}

/// A funding scheme: who is eligible, at what rate, for how much.
///
/// grammar: `fund_decl = "fund" , IDENT , STRING ,
///   [ "per" , "enrolment" , IDENT , [ "where" , expression ] ] , { fund_clause } ;`
public struct FundDeclaration: Hashable, Sendable {
  /// The scheme's name.
  public var name: Name
  /// The scheme's title.
  public var title: TextLiteral
  /// Present for `per enrolment e where …`: one decision per matching enrolment.
  public var perEnrolment: PerEnrolment?
  /// The clauses in source order.
  public var clauses: [FundClause]

  /// A fund `name "title" per enrolment … clauses`.
  public init(
    name: Name, title: TextLiteral, perEnrolment: PerEnrolment? = nil, clauses: [FundClause]
  ) {
    self.name = name
    self.title = title
    self.perEnrolment = perEnrolment
    self.clauses = clauses
  }

  /// Every condition of every `eligible when` clause, in order.
  public var eligibility: [Condition] {
    clauses.flatMap { clause -> [Condition] in
      if case .eligible(let conditions) = clause.kind { return conditions }
      return []
    }
  }
  /// The first `rate` expression, if any.
  public var rate: Expr? {
    clauses.lazy.compactMap { if case .rate(let e) = $0.kind { e } else { nil } }.first
  }
  /// The first `amount` expression, if any.
  public var amount: Expr? {
    clauses.lazy.compactMap { if case .amount(let e) = $0.kind { e } else { nil } }.first
  }
}

/// `per enrolment e [where condition]`.
public struct PerEnrolment: Hashable, Sendable {
  /// The name each enrolment is bound to.
  public var binder: Name
  /// Which enrolments get a decision.
  public var filter: Expr?

  /// `per enrolment binder where filter`.
  public init(binder: Name, filter: Expr? = nil) {
    self.binder = binder
    self.filter = filter
  }
}

/// One clause of a fund.
///
/// grammar: `fund_clause = "eligible" , "when" , condition , { "and" , condition }
///   | "rate" , expression | "amount" , expression ;`
public struct FundClause: Hashable, Sendable {
  /// The kinds of fund clause.
  public enum Kind: Hashable, Sendable {
    case eligible([Condition])
    case rate(Expr)
    case amount(Expr)
  }
  /// What the clause says.
  public var kind: Kind
  /// From the clause's word to its last token.
  @IgnoredInEquality public var span: Span

  /// A clause of `kind`.
  public init(_ kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A condition with the reason shown when it fails.
///
/// grammar: `condition = expression , [ "because" , STRING ] ;`
public struct Condition: Hashable, Sendable {
  /// The Bool expression.
  public var expression: Expr
  /// The explanation text.
  public var because: TextLiteral?

  /// `expression because "…"`.
  public init(_ expression: Expr, because: TextLiteral? = nil) {
    self.expression = expression
    self.because = because
  }
}

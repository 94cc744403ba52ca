import CredenceSyntax
import CredenceValues

/// A stack: which awards combine into a larger award.
///
/// The pool, requirement filters and conditions are evaluated in one frame of
/// `localCount` slots.
public struct CheckedStack: Hashable, Sendable {
  public var name: String
  public var title: String
  /// The awards the stack may use; nil means all of `learner.awards`. A `List(Award)`.
  public var pool: TypedExpr?
  /// The top-level requirements, all of which must hold.
  public var requirements: [CheckedRequirement]
  public var localCount: Int
  public var policy: PolicyID
  public var documentation: [String]
  @IgnoredInEquality public var span: Span
}

/// One requirement of a stack, with the reason shown when it is not met.
public struct CheckedRequirement: Hashable, Sendable {
  /// The kinds of requirement (see docs/language.md §12 for which claim awards).
  public indirect enum Kind: Hashable, Sendable {
    /// `all of` / `any of` / `at least K of` + an indented block: each item claims awards.
    case group(Quantifier, [CheckedRequirement])
    /// `all of [...]` / `any of [...]` / `at least K of [...]`: credential codes, each
    /// served by a pool award of that code (claims awards). `codes` is a `List(Text)`.
    case codes(Quantifier, codes: TypedExpr)
    /// `at least N credentials|credits [where c]`. Without `where` it is a total over every
    /// award the stack uses; with it, it claims the pool awards satisfying `c` (evaluated
    /// with the award in `filter.element`).
    case count(minimum: TypedExpr, unit: CountUnit, filter: PerElement?)
    /// Another stack, achieved with awards it keeps (claims awards).
    case nested(StackID)
    /// A condition on anything (`gpa >= 2.5`): a `Bool`.
    case condition(TypedExpr)
  }

  /// How many items of a group must hold.
  public enum Quantifier: Hashable, Sendable {
    case all
    case any
    /// At least this many (a `Number`: a literal, a param or a let).
    case atLeast(TypedExpr)
  }

  public var kind: Kind
  /// `because "…"`.
  public var because: String?
  @IgnoredInEquality public var span: Span
}

/// A fund: eligibility, rate and amount, per learner or per enrolment.
///
/// All clauses are evaluated in one frame of `localCount` slots. For a per-enrolment fund
/// the enrolment is in `perEnrolment.binder`; when the fund has a `rate`, its value is put
/// in `rateSlot` before any clause that reads `rate` (eligibility, amount) is evaluated.
public struct CheckedFund: Hashable, Sendable {
  /// `per enrolment e where …`.
  public struct PerEnrolment: Hashable, Sendable {
    /// The slot the enrolment is bound to.
    public var binder: LocalSlot
    /// Which enrolments are claims under this fund (a `Bool`); nil: all of them.
    public var filter: TypedExpr?
  }

  /// One condition with its reason.
  public struct Condition: Hashable, Sendable {
    /// A `Bool`.
    public var expression: TypedExpr
    /// `because "…"`.
    public var because: String?
  }

  public var name: String
  public var title: String
  /// nil: one decision per learner.
  public var perEnrolment: PerEnrolment?
  /// Every condition of every `eligible when`, in order (Kleene `and`).
  public var eligibility: [Condition]
  /// `rate …`: a `Percent`.
  public var rate: TypedExpr?
  /// Where the rate is stored for clauses that read it; nil when nothing reads it.
  public var rateSlot: LocalSlot?
  /// `amount …`: `Money`.
  public var amount: TypedExpr?
  /// The currency of the amount when it is known statically (the 0 of an ineligible
  /// decision is in it); nil when it comes from the records or there is no amount.
  public var currency: CurrencyCode?
  public var localCount: Int
  public var policy: PolicyID
  public var documentation: [String]
  @IgnoredInEquality public var span: Span
}

/// An equivalence: what awards are worth toward a programme.
///
/// Pool, rules and caps are evaluated in one frame of `localCount` slots.
public struct CheckedEquivalence: Hashable, Sendable {
  /// One `… counts as … for N credits` rule.
  public struct Rule: Hashable, Sendable {
    /// What the rule takes from the pool.
    public enum Source: Hashable, Sendable {
      /// One award of this credential.
      case code(String)
      /// One award of each code of the list (a `List(Text)`), together.
      case allOf(TypedExpr)
      /// Every pool award satisfying the condition (a `Bool` over `element`), one by one.
      case each(element: LocalSlot, condition: TypedExpr)
    }
    /// What the awards count as.
    public enum Target: Hashable, Sendable {
      case module(String)
      case elective
    }

    public var source: Source
    public var target: Target
    /// `in "category"`.
    public var category: String?
    /// The credits granted: a `Number`. For an `each` rule it is evaluated with the award
    /// in the source's `element` slot.
    public var credits: TypedExpr
    @IgnoredInEquality public var span: Span
  }

  /// `cap N credits [in "category"]`.
  public struct Cap: Hashable, Sendable {
    /// A `Number`.
    public var limit: TypedExpr
    /// nil caps the total (applied after the category caps).
    public var category: String?
    @IgnoredInEquality public var span: Span
  }

  public var name: String
  public var title: String
  /// The awards considered (a `List(Award)`); nil means all of `learner.awards`.
  public var pool: TypedExpr?
  public var rules: [Rule]
  public var caps: [Cap]
  public var localCount: Int
  public var policy: PolicyID
  public var documentation: [String]
  @IgnoredInEquality public var span: Span
}

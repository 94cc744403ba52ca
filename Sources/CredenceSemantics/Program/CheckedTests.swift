import CredenceSyntax
import CredenceValues

/// A policy's own test: fixtures building one learner, expectations, and example rows.
///
/// Fixture values and expectations are evaluated in one frame of `localCount` slots. For an
/// `examples` test the evaluator runs the test once per row, with each column's value of
/// that row in the column's slot.
public struct CheckedTest: Hashable, Sendable {
  /// One example column.
  public struct Column: Hashable, Sendable {
    public var name: String
    public var slot: LocalSlot
    public var type: ValueType
    @IgnoredInEquality public var span: Span
  }

  /// One example row: a value per column, in column order (evaluated without columns).
  public struct Example: Hashable, Sendable {
    public var values: [TypedExpr]
    @IgnoredInEquality public var span: Span
  }

  /// One `expect`: a `Bool` that must be true (false and unknown fail).
  public struct Expectation: Hashable, Sendable {
    public var condition: TypedExpr
    @IgnoredInEquality public var span: Span
  }

  /// One `expect path to …`: the best path a pathway search finds from the test's learner,
  /// over the credentials the test gives, is `codes` (`[]`: already achieved).
  public struct PathExpectation: Hashable, Sendable {
    /// A stack, or an equivalence (then ``credits`` is its goal).
    public var target: DecisionID
    /// A `Number`: the credits the equivalence must grant.
    public var credits: TypedExpr?
    /// One of ``CheckedTest/pathObjectives``.
    public var objective: String
    /// A `List(Text)`: the credential codes, in any order.
    public var codes: TypedExpr
    @IgnoredInEquality public var span: Span
  }

  /// The rankings `expect path … by` accepts, the default first (the pathway search's
  /// objectives, which a runtime test keeps equal).
  public static let pathObjectives = ["fewest", "cost", "hours", "credits"]

  /// What the test checks, in words.
  public var description: String
  /// `as of D`; nil: today.
  public var asOf: CredenceValues.CivilDate?
  /// The records the test builds, in source order.
  public var fixtures: [CheckedFixture]
  public var expectations: [Expectation]
  /// The `expect path …` clauses.
  public var pathExpectations: [PathExpectation]
  /// The example columns (empty without `examples`).
  public var columns: [Column]
  /// The example rows.
  public var examples: [Example]
  public var localCount: Int
  public var policy: PolicyID
  @IgnoredInEquality public var span: Span
}

/// A record a test builds. Fields left out are unknown.
public struct CheckedFixture: Hashable, Sendable {
  /// Which record.
  public enum Kind: Hashable, Sendable {
    case learner
    case credential
    case award
    case enrolment
    case ledgerEntry
    /// `given fact NAME = value`.
    case fact(FactID)
  }

  /// One field given.
  public struct Value: Hashable, Sendable {
    /// Which field.
    public var field: FixtureField
    /// Its value, of the field's type (for `fact`, the fact's type).
    public var value: TypedExpr
  }

  public var kind: Kind
  /// The fields given, in source order, each at most once. Short forms are normalised:
  /// `award "C" on D grade G` gives `credentialCode`, `awardedOn`, `grade`.
  public var values: [Value]
  @IgnoredInEquality public var span: Span
}

/// A field a fixture can give: the record's columns (as policies see them).
public enum FixtureField: Hashable, Sendable {
  case learner(LearnerField)
  case credential(CredentialField)
  case award(AwardField)
  case enrolment(EnrolmentField)
  case ledger(LedgerField)
  /// The value of a `given fact`.
  case fact
}

import CredenceValues

/// The static type of an expression.
///
/// Every `TypedExpr` carries one. A value of any type may also be unknown at run time;
/// `unknown` as a *type* is only the type of the literal `unknown` (and of an empty list's
/// elements), which fits wherever a value is expected.
public indirect enum ValueType: Hashable, Sendable {
  /// `true` / `false`.
  case bool
  /// An exact decimal.
  case number
  /// `90%`.
  case percent
  /// Money in one currency. `nil` means the currency comes from the records (a fee, a ledger
  /// amount, a balance) and is only known at run time; the checker inserts
  /// `assertCurrency` where such a value must have a particular currency.
  case money(CurrencyCode?)
  /// Text.
  case text
  /// A calendar date.
  case date
  /// A calendar duration (`5 years`).
  case duration
  /// A grade on a scale.
  case grade(ScaleID)
  /// A list whose elements all have one type.
  case list(ValueType)
  /// A record of the learner's data.
  case record(RecordKind)
  /// The result of a decision (`gc_cyber`, `mces("E1")`): it has a status and fields.
  case decision(DecisionID)
  /// The type of `unknown`: compatible with everything.
  case unknown

  /// The element type of a list.
  public var elementType: ValueType? {
    if case .list(let element) = self { element } else { nil }
  }

  /// Whether values of this type have an order (`<`, `min`, `max`).
  public var isOrdered: Bool {
    switch self {
    case .number, .percent, .money, .date, .duration, .grade, .unknown: true
    default: false
    }
  }

  /// Whether values of this type can be added up (`sum`).
  public var isSummable: Bool {
    switch self {
    case .number, .percent, .money, .duration, .unknown: true
    default: false
    }
  }

  /// Whether values of this type can be compared with `==` (records and decisions cannot:
  /// compare their ids or statuses instead).
  public var isEquatable: Bool {
    switch self {
    case .record, .decision: false
    case .list(let element): element.isEquatable
    default: true
    }
  }
}

/// The kinds of record the learner's data is made of (records.md, "How policies see the
/// records").
public enum RecordKind: String, Hashable, Sendable, CaseIterable {
  case learner = "Learner"
  case award = "Award"
  case credential = "Credential"
  case enrolment = "Enrolment"
  case ledgerEntry = "LedgerEntry"
}

import CredenceValues

/// An open-ended fact about a learner, as raw text; the policy that declares the fact
/// decides its type. A `nil` value is unknown.
public struct LearnerFact: Sendable, Hashable {
  public var name: String
  public var value: String?

  public init(name: String, value: String?) {
    self.name = name
    self.value = value
  }
}

/// A learner as policies see it: the learner's row with awards (revoked ones left out),
/// enrolments, ledger rows and facts.
///
/// The one model of a learner: what a record source delivers, what test fixtures and
/// what-if questions build, and what the evaluator reads. Every optional is *unknown* when
/// `nil` (fixtures leave fields out). The lists are in the order policies see them, earliest
/// first (``RecordOrder``): the initialiser puts them so, and ``sortRecords()`` does again
/// after they are changed.
public struct Learner: Sendable, Hashable {
  public var id: LearnerID
  public var name: String?
  public var birthDate: CivilDate?
  /// ISO 3166-1 alpha-2, e.g. `SG`.
  public var citizenship: String?
  /// `records.md`'s word for it (`citizen`, `permanent_resident`, `other`).
  public var residency: String?
  /// Valid (not revoked) awards, earliest award date first, then by id.
  public var awards: [Award]
  /// Earliest start first, then by id.
  public var enrolments: [Enrolment]
  /// Earliest posting first, then by id.
  public var ledger: [LedgerEntry]
  /// Stored facts as text (a store gives them by name).
  public var facts: [LearnerFact]

  public init(
    id: LearnerID, name: String? = nil, birthDate: CivilDate? = nil, citizenship: String? = nil,
    residency: String? = nil, awards: [Award] = [], enrolments: [Enrolment] = [],
    ledger: [LedgerEntry] = [], facts: [LearnerFact] = []
  ) {
    self.id = id
    self.name = name
    self.birthDate = birthDate
    self.citizenship = citizenship
    self.residency = residency
    self.awards = awards
    self.enrolments = enrolments
    self.ledger = ledger
    self.facts = facts
    sortRecords()
  }

  /// The raw text of the fact `name`, or `nil` when it is unknown (no row, or a NULL value).
  /// Of two rows with one name (possible only in a foreign store), the later counts.
  public func fact(_ name: String) -> String? {
    // A learner has a handful of facts: a search costs less than a dictionary per learner.
    for fact in facts.reversed() where fact.name == name { return fact.value }
    return nil
  }

  /// Puts the lists in the order policies see them (``RecordOrder``); lists already in order
  /// are left alone (not copied when shared).
  public mutating func sortRecords() {
    RecordOrder.sort(&awards, by: RecordOrder.before)
    RecordOrder.sort(&enrolments, by: RecordOrder.before)
    RecordOrder.sort(&ledger, by: RecordOrder.before)
  }
}

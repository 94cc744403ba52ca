import CredenceValues

/// A learner's residency status (`records.md`, `learners.residency`).
public enum Residency: String, Sendable, Hashable, CaseIterable {
  case citizen
  case permanentResident = "permanent_resident"
  case other
}

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
/// enrolments, ledger rows and facts. Every optional is *unknown* when `nil`.
public struct Learner: Sendable, Hashable {
  public var id: LearnerID
  public var name: String?
  public var birthDate: CivilDate?
  /// ISO 3166-1 alpha-2, e.g. `SG`.
  public var citizenship: String?
  public var residency: Residency?
  /// Valid (not revoked) awards, ordered by award id.
  public var awards: [Award]
  /// Ordered by enrolment id.
  public var enrolments: [Enrolment]
  /// Ordered by ledger id, which is posting order.
  public var ledger: [LedgerEntry]
  /// Ordered by fact name.
  public var facts: [LearnerFact]

  public init(
    id: LearnerID, name: String? = nil, birthDate: CivilDate? = nil, citizenship: String? = nil,
    residency: Residency? = nil, awards: [Award] = [], enrolments: [Enrolment] = [],
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
  }

  /// The raw text of the fact `name`, or `nil` when it is unknown (no row, or a NULL value).
  public func fact(_ name: String) -> String? {
    for fact in facts where fact.name == name { return fact.value }
    return nil
  }
}

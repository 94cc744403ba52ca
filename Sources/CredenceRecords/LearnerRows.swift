import CredenceValues

/// A learner as the evaluator reads it: the learner's row and its awards, enrolments,
/// ledger rows and facts, the lists in the order policies see them (``RecordOrder``; a
/// source sorts them while it still owns the arrays alone).
///
/// What a record source hands to batch evaluation (``RecordSource/forEachRowBatch(in:batchSize:_:)``):
/// the evaluator's view of a learner takes these arrays over without copying them, where a
/// ``Learner`` would be converted row by row and then freed.
public struct LearnerRows: Sendable, Hashable {
  public var id: String
  public var name: String?
  public var birthDate: CivilDate?
  public var citizenship: String?
  /// `records.md`'s word for it (`citizen`, `permanent_resident`, `other`).
  public var residency: String?
  public var awards: [AwardRow]
  public var enrolments: [EnrolmentRow]
  public var ledger: [LedgerRow]
  /// Stored facts as text, by name; a `nil` value is unknown.
  public var factTexts: [String: String?]

  public init(
    id: String, name: String? = nil, birthDate: CivilDate? = nil, citizenship: String? = nil,
    residency: String? = nil, awards: [AwardRow] = [], enrolments: [EnrolmentRow] = [],
    ledger: [LedgerRow] = [], factTexts: [String: String?] = [:]
  ) {
    self.id = id
    self.name = name
    self.birthDate = birthDate
    self.citizenship = citizenship
    self.residency = residency
    self.awards = awards
    self.enrolments = enrolments
    self.ledger = ledger
    self.factTexts = factTexts
  }
}

/// One element of a stream of ``LearnerRows``: the learner's rows, or the contract errors
/// that keep it from being evaluated (as in ``LearnerRecord``).
public enum LearnerRowsRecord: Sendable, Hashable {
  case valid(LearnerRows)
  /// The learner's rows break the contract; `errors` is never empty and is capped at
  /// ``LearnerRecord/maxErrorsPerLearner``.
  case invalid(id: LearnerID, errors: [RecordError])

  /// The rows of a learner record.
  public init(_ record: LearnerRecord) {
    switch record {
    case .valid(let learner): self = .valid(LearnerRows(learner))
    case .invalid(let id, let errors): self = .invalid(id: id, errors: errors)
    }
  }
}

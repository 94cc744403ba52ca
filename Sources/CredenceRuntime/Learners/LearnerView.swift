import CredenceRecords
import CredenceValues

/// The learner being evaluated, as the evaluator reads it: flat rows whose every field may be
/// unknown, lists in the order policies see them, and facts decoded with their declared types
/// on first use.
///
/// Built from a stored ``Learner`` (``init(_:)``) or from a test's fixtures, where any field
/// may be left out. Records inside are addressed by position (``RecordRef``), so a value that
/// points at an award is an integer, not a copy.
public struct LearnerView: Sendable {
  public var id: String
  public var name: String?
  public var birthDate: CivilDate?
  public var citizenship: String?
  public var residency: String?
  /// Valid awards, earliest first (then by id).
  public var awards: [AwardRow]
  /// Earliest start first (then by id).
  public var enrolments: [EnrolmentRow]
  /// Earliest posting first (then by id).
  public var ledger: [LedgerRow]
  /// Stored facts as text, by name; read with the declared type on first use.
  public var factTexts: [String: String?]
  /// Facts given with their values already typed (test fixtures), by fact index.
  public var typedFacts: [Int: Value]

  public init(
    id: String, name: String? = nil, birthDate: CivilDate? = nil, citizenship: String? = nil,
    residency: String? = nil, awards: [AwardRow] = [], enrolments: [EnrolmentRow] = [],
    ledger: [LedgerRow] = [], factTexts: [String: String?] = [:], typedFacts: [Int: Value] = [:]
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
    self.typedFacts = typedFacts
    sortRecords()
  }

  /// Puts the lists in the order policies see them (``RecordOrder``); lists already in
  /// order are left alone (not copied when shared).
  public mutating func sortRecords() {
    RecordOrder.sort(&awards, by: RecordOrder.before)
    RecordOrder.sort(&enrolments, by: RecordOrder.before)
    RecordOrder.sort(&ledger, by: RecordOrder.before)
  }
}

import CredenceRecords
import CredenceValues

/// What a ``LearnerStream`` builds a learner's decoded rows into: the records model
/// (``RecordsAssembly``: `Learner`, for one learner and `db stats --check`) or the rows the
/// evaluator reads (``RowsAssembly``: `LearnerRows`, for batch evaluation, with nothing
/// built only to be converted and freed). The stream checks the contract once for both.
protocol LearnerAssembly {
  associatedtype CredentialItem
  associatedtype AwardItem
  associatedtype EnrolmentItem
  associatedtype LedgerItem
  associatedtype Record

  /// The item for a valid catalogue entry; made once per entry per stream, so every award
  /// of a credential shares it.
  static func credential(_ credential: Credential) -> CredentialItem
  /// The catalogue entry's list fee (its currency applies to an enrolment fee without one).
  static func fee(of credential: CredentialItem) -> Money?

  static func award(
    id: String, credential: CredentialItem, awardedOn: CivilDate, expiresOn: CivilDate?,
    grade: String?, score: ExactDecimal?, source: String?
  ) -> AwardItem

  static func enrolment(
    id: String, credential: CredentialItem, startOn: CivilDate, endOn: CivilDate?, fee: Money?,
    status: EnrolmentStatus
  ) -> EnrolmentItem

  static func ledgerEntry(
    id: Int64, scheme: String, amount: Money, postedOn: CivilDate, expiresOn: CivilDate?,
    memo: String?
  ) -> LedgerItem

  /// Puts a learner's lists in the order its records keep them, while the stream still owns
  /// the arrays alone (sorting a shared array would copy it).
  static func order(
    _ awards: inout [AwardItem], _ enrolments: inout [EnrolmentItem], _ ledger: inout [LedgerItem])

  /// A learner whose rows are all valid.
  static func learner(
    id: String, name: String?, birthDate: CivilDate?, citizenship: String?,
    residency: Residency?, awards: [AwardItem], enrolments: [EnrolmentItem],
    ledger: [LedgerItem], facts: [LearnerFact]
  ) -> Record

  /// A learner whose rows break the contract.
  static func invalid(id: LearnerID, errors: [RecordError]) -> Record
}

/// Learners of the records model.
enum RecordsAssembly: LearnerAssembly {
  static func credential(_ credential: Credential) -> Credential { credential }

  static func fee(of credential: Credential) -> Money? { credential.fee }

  static func award(
    id: String, credential: Credential, awardedOn: CivilDate, expiresOn: CivilDate?,
    grade: String?, score: ExactDecimal?, source: String?
  ) -> Award {
    Award(
      id: id, credential: credential, awardedOn: awardedOn, expiresOn: expiresOn, grade: grade,
      score: score, source: source)
  }

  static func enrolment(
    id: String, credential: Credential, startOn: CivilDate, endOn: CivilDate?, fee: Money?,
    status: EnrolmentStatus
  ) -> Enrolment {
    Enrolment(
      id: id, credential: credential, startOn: startOn, endOn: endOn, fee: fee, status: status)
  }

  static func ledgerEntry(
    id: Int64, scheme: String, amount: Money, postedOn: CivilDate, expiresOn: CivilDate?,
    memo: String?
  ) -> LedgerEntry {
    LedgerEntry(
      id: id, scheme: scheme, amount: amount, postedOn: postedOn, expiresOn: expiresOn,
      memo: memo)
  }

  /// `Learner` keeps the stored order (by id).
  static func order(
    _ awards: inout [Award], _ enrolments: inout [Enrolment], _ ledger: inout [LedgerEntry]
  ) {}

  static func learner(
    id: String, name: String?, birthDate: CivilDate?, citizenship: String?,
    residency: Residency?, awards: [Award], enrolments: [Enrolment], ledger: [LedgerEntry],
    facts: [LearnerFact]
  ) -> LearnerRecord {
    .valid(
      Learner(
        id: LearnerID(id), name: name, birthDate: birthDate, citizenship: citizenship,
        residency: residency, awards: awards, enrolments: enrolments, ledger: ledger,
        facts: facts))
  }

  static func invalid(id: LearnerID, errors: [RecordError]) -> LearnerRecord {
    .invalid(id: id, errors: errors)
  }
}

/// Learners as the evaluator reads them: each catalogue entry converted once per stream,
/// enrolment fees already the effective fee, the lists sorted while the stream still owns
/// them alone (as ``LearnerRows/init(_:credentials:)`` gives them for a `Learner`).
enum RowsAssembly: LearnerAssembly {
  static func credential(_ credential: Credential) -> Credential { credential }

  static func fee(of credential: Credential) -> Money? { credential.fee }

  static func award(
    id: String, credential: Credential, awardedOn: CivilDate, expiresOn: CivilDate?,
    grade: String?, score: ExactDecimal?, source: String?
  ) -> AwardRow {
    AwardRow(
      id: id, credential: credential, awardedOn: awardedOn, expiresOn: expiresOn, grade: grade,
      score: score, source: source)
  }

  static func enrolment(
    id: String, credential: Credential, startOn: CivilDate, endOn: CivilDate?, fee: Money?,
    status: EnrolmentStatus
  ) -> EnrolmentRow {
    EnrolmentRow(
      id: id, credential: credential, startOn: startOn, endOn: endOn,
      fee: fee ?? credential.fee, status: status.rawValue)
  }

  static func ledgerEntry(
    id: Int64, scheme: String, amount: Money, postedOn: CivilDate, expiresOn: CivilDate?,
    memo: String?
  ) -> LedgerRow {
    LedgerRow(
      id: id, scheme: scheme, amount: amount, postedOn: postedOn, expiresOn: expiresOn,
      memo: memo)
  }

  /// The order policies see (``RecordOrder``).
  static func order(
    _ awards: inout [AwardRow], _ enrolments: inout [EnrolmentRow], _ ledger: inout [LedgerRow]
  ) {
    RecordOrder.sort(&awards, by: RecordOrder.before)
    RecordOrder.sort(&enrolments, by: RecordOrder.before)
    RecordOrder.sort(&ledger, by: RecordOrder.before)
  }

  static func learner(
    id: String, name: String?, birthDate: CivilDate?, citizenship: String?,
    residency: Residency?, awards: [AwardRow], enrolments: [EnrolmentRow], ledger: [LedgerRow],
    facts: [LearnerFact]
  ) -> LearnerRowsRecord {
    var factTexts: [String: String?] = [:]
    for fact in facts { factTexts[fact.name] = fact.value }
    return .valid(
      LearnerRows(
        id: id, name: name, birthDate: birthDate, citizenship: citizenship,
        residency: residency?.rawValue, awards: awards, enrolments: enrolments, ledger: ledger,
        factTexts: factTexts))
  }

  static func invalid(id: LearnerID, errors: [RecordError]) -> LearnerRowsRecord {
    .invalid(id: id, errors: errors)
  }
}

import CredenceRecords
import CredenceValues

extension LearnerView {
  /// The view of a stored learner.
  public init(_ learner: Learner) {
    var credentialCache: [String: CredentialRow] = [:]
    func row(_ credential: Credential) -> CredentialRow {
      if let cached = credentialCache[credential.code] { return cached }
      let row = CredentialRow(credential)
      credentialCache[credential.code] = row
      return row
    }
    var facts: [String: String?] = [:]
    for fact in learner.facts { facts[fact.name] = fact.value }
    self.init(
      id: learner.id.text, name: learner.name, birthDate: learner.birthDate,
      citizenship: learner.citizenship, residency: learner.residency?.rawValue,
      awards: learner.awards.map { award in
        AwardRow(
          id: award.id, credential: row(award.credential), awardedOn: award.awardedOn,
          expiresOn: award.expiresOn, grade: award.grade, score: award.score,
          source: award.source)
      },
      enrolments: learner.enrolments.map { enrolment in
        EnrolmentRow(
          id: enrolment.id, credential: row(enrolment.credential), startOn: enrolment.startOn,
          endOn: enrolment.endOn, fee: enrolment.effectiveFee, status: enrolment.status.rawValue)
      },
      ledger: learner.ledger.map { entry in
        LedgerRow(
          id: entry.id, scheme: entry.scheme, amount: entry.amount, postedOn: entry.postedOn,
          expiresOn: entry.expiresOn, memo: entry.memo)
      },
      factTexts: facts)
  }
}

extension CredentialRow {
  /// The row of a catalogue entry.
  public init(_ credential: Credential) {
    self.init(
      code: credential.code, title: credential.title, provider: credential.provider,
      type: credential.type.rawValue, credits: credential.credits,
      creditSystem: credential.creditSystem, level: credential.level.map { ExactDecimal($0) },
      field: credential.field, hours: credential.hours.map { ExactDecimal($0) },
      fee: credential.fee, tags: credential.tags)
  }
}

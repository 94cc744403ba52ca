import CredenceValues

extension LearnerRows {
  /// The rows of a learner of the records model.
  public init(_ learner: Learner) {
    self.init(learner, credentials: CredentialRowCache())
  }

  /// The rows of a learner of the records model, catalogue rows shared through `cache` (one
  /// per thread, kept across learners: most awards of a batch name a few hundred
  /// credentials).
  public init(_ learner: Learner, credentials cache: CredentialRowCache) {
    func row(_ credential: Credential) -> CredentialRow { cache.row(for: credential) }
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
    sortRecords()
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

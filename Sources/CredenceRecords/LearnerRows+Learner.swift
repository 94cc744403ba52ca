import CredenceValues

extension LearnerRows {
  /// The rows of a learner of the records model.
  public init(_ learner: Learner) {
    var facts: [String: String?] = [:]
    for fact in learner.facts { facts[fact.name] = fact.value }
    self.init(
      id: learner.id.text, name: learner.name, birthDate: learner.birthDate,
      citizenship: learner.citizenship, residency: learner.residency?.rawValue,
      awards: learner.awards.map { award in
        AwardRow(
          id: award.id, credential: award.credential, awardedOn: award.awardedOn,
          expiresOn: award.expiresOn, grade: award.grade, score: award.score,
          source: award.source)
      },
      enrolments: learner.enrolments.map { enrolment in
        EnrolmentRow(
          id: enrolment.id, credential: enrolment.credential, startOn: enrolment.startOn,
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

import CredenceRecords

extension LearnerView {
  /// The view of a stored learner.
  public init(_ learner: Learner) {
    self.init(LearnerRows(learner))
  }

  /// The view of a learner's rows: the arrays are taken over, not copied, and put in the
  /// order policies see them.
  public init(_ rows: LearnerRows) {
    self.init(
      id: rows.id, name: rows.name, birthDate: rows.birthDate, citizenship: rows.citizenship,
      residency: rows.residency, awards: rows.awards, enrolments: rows.enrolments,
      ledger: rows.ledger, factTexts: rows.factTexts)
  }
}

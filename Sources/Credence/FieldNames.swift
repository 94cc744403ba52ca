import CredenceSemantics

/// The fields a policy can read on each kind of record, by the names policies write
/// (`learner.birth_date`, `award.grade`): what an editor or the REPL completes after `.`.
public enum FieldNames {
  public static var learner: [String] { LearnerField.allCases.map(\.rawValue) }
  public static var award: [String] { AwardField.allCases.map(\.rawValue) }
  public static var credential: [String] { CredentialField.allCases.map(\.rawValue) }
  public static var enrolment: [String] { EnrolmentField.allCases.map(\.rawValue) }
  public static var ledger: [String] { LedgerField.allCases.map(\.rawValue) }
  /// What a decision reports (`decision.status`, `decision.credits`, …).
  public static var decision: [String] { DecisionField.allCases.map(\.rawValue) }
}

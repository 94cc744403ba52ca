/// One element of a learner stream: a learner, or the contract errors that keep one from
/// being evaluated.
///
/// A broken row does not stop a batch: the learners it touches arrive as `.invalid`, and
/// every other learner arrives as usual.
public enum LearnerRecord: Sendable, Hashable {
  case valid(Learner)
  /// The learner's rows break the contract; `errors` is never empty and is capped at
  /// ``maxErrorsPerLearner``.
  case invalid(id: LearnerID, errors: [RecordError])

  /// The learner's id, whichever the case.
  public var id: LearnerID {
    switch self {
    case .valid(let learner): learner.id
    case .invalid(let id, _): id
    }
  }

  /// The learner, when the records are valid.
  public var learner: Learner? {
    if case .valid(let learner) = self { return learner }
    return nil
  }

  /// How many errors one learner's result lists; more are summarised by the count alone.
  /// A learner with dozens of broken rows needs fixing at the source, not a longer list.
  public static let maxErrorsPerLearner = 20
}

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

/// A half-open range of learner ids, `lowerBound ..< upperBound` in byte order; a `nil`
/// bound is open.
public struct LearnerRange: Sendable, Hashable, CustomStringConvertible {
  public var lowerBound: LearnerID?
  public var upperBound: LearnerID?

  public init(from lowerBound: LearnerID? = nil, upTo upperBound: LearnerID? = nil) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }

  /// Every learner.
  public static let all = LearnerRange()

  public func contains(_ id: LearnerID) -> Bool {
    if let lowerBound, id < lowerBound { return false }
    if let upperBound, !(id < upperBound) { return false }
    return true
  }

  public var description: String {
    "[\(lowerBound?.text ?? "first") ..< \(upperBound?.text ?? "end"))"
  }

  /// Ranges that split `sortedIDs` (ascending, distinct) into `count` nearly equal parts,
  /// covering every id, first range open below, last open above.
  public static func partition(sortedIDs: [LearnerID], into count: Int) -> [LearnerRange] {
    let parts = max(1, min(count, sortedIDs.count))
    var bounds: [LearnerID] = []
    for part in 1..<parts { bounds.append(sortedIDs[part * sortedIDs.count / parts]) }
    return ranges(splitAt: bounds)
  }

  /// The ranges between consecutive `bounds` (ascending), open at both ends.
  public static func ranges(splitAt bounds: [LearnerID]) -> [LearnerRange] {
    var ranges: [LearnerRange] = []
    var lower: LearnerID? = nil
    for bound in bounds {
      ranges.append(LearnerRange(from: lower, upTo: bound))
      lower = bound
    }
    ranges.append(LearnerRange(from: lower, upTo: nil))
    return ranges
  }
}

import CredenceValues

/// The answer of a pathway search for one learner.
public struct PathwayPlan: Sendable, Hashable {
  public enum Status: Sendable, Hashable {
    /// The learner already meets the target: the empty path.
    case alreadyAchieved
    /// At least one path was found (``PathwayPlan/paths``).
    case found
    /// No path within the limits; ``PathwayPlan/reasons`` says why.
    case notFound
    /// The target is not in effect on the evaluation date.
    case notInEffect
    /// The target could not be decided for this learner (``PathwayPlan/reasons``).
    case error
  }

  /// A limit that stopped the search before it could prove its answer.
  public enum Limit: String, Sendable, Hashable {
    case searchNodes = "search nodes"
    case candidates = "candidates"
  }

  public var status: Status
  /// The paths, best first by the objective.
  public var paths: [Pathway]
  /// Whether the paths are proven best among all sets up to the size limit; false when
  /// ``limitReached`` stopped the search ("best found, not proven best").
  public var isProven: Bool { limitReached == nil }
  public var limitReached: Limit?
  /// Why no path was found, or why the target could not be decided.
  public var reasons: [String]
  /// When the target is undetermined for the learner as recorded: what decides it. The
  /// paths then achieve it for certain.
  public var undeterminedReasons: [String]
  /// The assumptions every path rests on.
  public var plannedDate: CivilDate
  public var assumedGrade: String?
  public var objective: PathwayObjective
  public var maximumSize: Int
  /// Candidate credentials whose catalogue entry has no fee: their cost is unknown.
  public var unknownFees: [String]
  /// Candidate credentials considered, and hypothetical learners evaluated.
  public var candidateCount: Int
  public var nodes: Int
}

/// One path: credentials that together complete the target, none of them superfluous.
public struct Pathway: Sendable, Hashable {
  public var steps: [PathwayStep]
  /// Empty when the path achieves the target for certain; otherwise what must turn out
  /// well (the path is *conditional*).
  public var conditions: [String]
  /// The path's net cost after funding, when every fee is known and in one currency.
  public var netCost: Money?
  /// The path's fees, one per currency, for the fees that are known.
  public var fees: [Money]
  /// Where courses of the path share one balance and the funding was cut to what it holds.
  public var balanceNotes: [String]
  /// The lowest grade on the new credentials that still achieves the target: nil when the
  /// target has no grade scale or was not asked; ``anyGrade`` when every grade works.
  public var lowestGrade: String?
  public var lowestGradeChecked: Bool
  /// Notional hours and credits of the path (nil when some are unknown).
  public var hours: ExactDecimal?
  public var credits: ExactDecimal?

  public var codes: [String] { steps.map(\.code) }
  public var isConditional: Bool { !conditions.isEmpty }
  /// What ``lowestGrade`` says when any grade of the scale works.
  public static let anyGrade = "any grade"
}

/// One credential of a path.
public struct PathwayStep: Sendable, Hashable {
  public var code: String
  public var title: String?
  /// The requirement this credential fills, in the policy's words.
  public var fills: String
  public var fee: Money?
  /// What each per-enrolment fund gives for an enrolment in it on the planned date.
  public var funding: [PathwayFunding]
  /// The fee less the funding counted, never below zero; nil when the fee is unknown.
  public var netCost: Money?
  public var hours: ExactDecimal?
  public var credits: ExactDecimal?
}

/// What one per-enrolment fund gives for a planned enrolment.
public struct PathwayFunding: Sendable, Hashable {
  public var fund: String
  public var title: String
  /// The amount counted (after any cut for a balance shared with another course of the
  /// path); nil when undetermined.
  public var amount: Money?
  /// Eligible or undetermined (ineligible funds are not listed).
  public var isUndetermined: Bool
  /// Why it is undetermined, or why it is not counted.
  public var note: String?
  /// Whether the amount counts toward the net cost (an alternative subsidy of the same fee
  /// does not).
  public var isCounted: Bool
}

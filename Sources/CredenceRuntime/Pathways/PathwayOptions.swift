import CredenceSemantics
import CredenceValues

/// What a pathway search aims at: a stack to achieve, or an equivalence that must grant at
/// least a number of credits.
public enum PathwayTarget: Sendable, Hashable {
  case stack(StackID)
  case equivalence(EquivalenceID, credits: ExactDecimal)

  /// The decision behind the target.
  public var decision: DecisionID {
    switch self {
    case .stack(let id): .stack(id)
    case .equivalence(let id, _): .equivalence(id)
    }
  }
}

/// How paths are ranked (`--by`); ties follow the order of ``PathwayRanking``.
public enum PathwayObjective: String, Sendable, Hashable, CaseIterable {
  /// Fewest credentials, then lowest net cost.
  case fewest
  /// Lowest net cost after funding, then fewest credentials.
  case cost
  /// Fewest notional learning hours, then fewest credentials.
  case hours
  /// Fewest credits, then fewest credentials.
  case credits
}

/// The named limits of a pathway search. Hitting one never gives a silent partial answer:
/// the plan says which limit stopped it and that the paths shown are the best found, not
/// proven best.
public enum PathwayLimits {
  /// Path size searched when none is given (`--max-size`): three credentials is the most an
  /// advisor plans ahead for one certificate.
  public static let defaultPathSize = 3
  /// The largest `--max-size`: the number of sets grows as candidates to this power.
  public static let maximumPathSize = 6
  /// Hypothetical learners evaluated per search (one per set of credentials tried): every
  /// pair of a pool of 316 candidates (C(316, 2) = 49,770), and about 0.7 s of evaluation on
  /// the 2-core benchmark machine (`Benchmarks/scripts/pathways.sh`). A search that needs
  /// more is one no path ends (a target left undetermined by a fact no award changes), or a
  /// path of three from hundreds of candidates; either way the plan says the limit stopped it.
  public static let defaultSearchNodes = 50_000
  /// Candidate credentials kept per search, in code order; a catalogue whose pool holds more
  /// is cut, and the plan says so.
  public static let maximumCandidates = 2_000
  /// Sets evaluated for the cheapest completion named in a *not achieved* stack's explanation
  /// (``StackCompletions``), per stack: every pair of 140 candidates, about a fifth of a
  /// second, so an explanation of a few stacks stays interactive; past it the explanation
  /// says the completion is the cheapest found, not proven cheapest.
  public static let completionSearchNodes = 10_000
  /// Paths listed when none is given (`--limit`).
  public static let defaultPathCount = 5
}

/// The options of a pathway search.
public struct PathwayOptions: Sendable, Hashable {
  public var objective: PathwayObjective
  /// How many paths to list (the best K).
  public var limit: Int
  /// The largest path searched.
  public var maximumSize: Int
  /// The day the new credentials are completed (and their enrolments start); the
  /// evaluation date when nil.
  public var plannedDate: CivilDate?
  /// The grade the new awards carry; the top grade of the target's scale when nil (and the
  /// plan then states the lowest grade that still works).
  public var grade: String?
  /// Hypothetical learners evaluated at most.
  public var searchNodes: Int
  /// Candidates kept at most.
  public var candidateLimit: Int
  /// Whether paths get their fees, funding and lowest grades (a cohort needs only sizes).
  public var describesPaths: Bool
  /// Stops the search, and each evaluation in it, when set (the REPL's Ctrl-C): a search
  /// at its node limit runs for most of a second.
  public var cancellation: EvaluationCancellation?

  public init(
    objective: PathwayObjective = .fewest, limit: Int = PathwayLimits.defaultPathCount,
    maximumSize: Int = PathwayLimits.defaultPathSize, plannedDate: CivilDate? = nil,
    grade: String? = nil, searchNodes: Int = PathwayLimits.defaultSearchNodes,
    candidateLimit: Int = PathwayLimits.maximumCandidates, describesPaths: Bool = true,
    cancellation: EvaluationCancellation? = nil
  ) {
    self.objective = objective
    self.limit = max(1, limit)
    self.maximumSize = min(max(0, maximumSize), PathwayLimits.maximumPathSize)
    self.plannedDate = plannedDate
    self.grade = grade
    self.searchNodes = max(1, searchNodes)
    self.candidateLimit = max(1, candidateLimit)
    self.describesPaths = describesPaths
    self.cancellation = cancellation
  }
}

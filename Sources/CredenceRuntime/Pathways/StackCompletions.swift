import CredenceRecords
import CredenceSemantics
import CredenceValues

/// The cheapest completion after funding of a stack a learner has not achieved: the best path
/// of one or two catalogue credentials by net cost, planned beside the decision for its
/// explanation ("1 more credential from CAP1, CAP2; cheapest after funding: CAP2, 120 SGD").
public struct StackCompletion: Sendable, Hashable {
  /// The path: its credentials, what each fills, fees, funding and net cost.
  public var path: Pathway
  /// The day the new credentials are assumed completed (the evaluation date).
  public var plannedDate: CivilDate
  /// The grade assumed on them (the top grade of the stack's scale), nil without a scale.
  public var grade: String?
  /// False when the search stopped at ``PathwayLimits/completionSearchNodes``: the cheapest
  /// found, not proven cheapest.
  public var isProven: Bool
}

/// Plans completions for the stacks of a learner's results that are *not achieved*, with a
/// planner of its own per stack: a machine and a node limit apart from the learner's, so a
/// decision and its step budget are never touched by the search beside it.
///
/// Not thread-safe (its planners hold machines): one per thread.
public final class StackCompletions {
  public let program: CompiledProgram
  public let asOf: CivilDate
  public let catalogue: [Credential]
  private var planners: [Int: PathwayPlanner] = [:]

  /// The search behind a completion: cheapest first, one path, at most two credentials, and
  /// its own node limit.
  public static let options = PathwayOptions(
    objective: .cost, limit: 1, maximumSize: 2,
    searchNodes: PathwayLimits.completionSearchNodes)

  public init(program: CompiledProgram, asOf: CivilDate, catalogue: [Credential]) {
    self.program = program
    self.asOf = asOf
    self.catalogue = catalogue
  }

  /// `results` with a completion on every stack result that is not achieved and has one
  /// within two credentials; other results are returned as they are.
  public func complete(
    _ results: [DecisionResult], for learner: Learner, given facts: GivenFacts = GivenFacts()
  ) -> [DecisionResult] {
    var results = results
    for index in results.indices
    where results[index].kind == .stack && results[index].status == .notAchieved {
      results[index].completion = completion(
        of: results[index].decision, for: learner, given: facts)
    }
    return results
  }

  /// The cheapest completion of the stack named `name`, nil when none has two credentials or
  /// fewer (or `name` is not a stack).
  public func completion(
    of name: String, for learner: Learner, given facts: GivenFacts = GivenFacts()
  ) -> StackCompletion? {
    guard case .stack(let id)? = program.decision(named: name) else { return nil }
    let planner =
      planners[id.index]
      ?? PathwayPlanner(
        program: program, asOf: asOf, target: .stack(id), catalogue: catalogue,
        options: Self.options)
    planners[id.index] = planner
    let plan = planner.plan(for: learner, given: facts)
    guard plan.status == .found, let path = plan.paths.first else { return nil }
    return StackCompletion(
      path: path, plannedDate: plan.plannedDate, grade: plan.assumedGrade,
      isProven: plan.isProven)
  }
}

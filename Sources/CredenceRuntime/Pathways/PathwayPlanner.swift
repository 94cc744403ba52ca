import CredenceRecords
import CredenceSemantics
import CredenceValues

/// Finds the best paths from a learner to a target: sets of catalogue credentials that,
/// added as hypothetical awards, achieve it, none of them superfluous (docs/pathways.md).
///
/// The search is exact: every set of candidates up to the size limit is either evaluated
/// or excluded by a proof (it contains a smaller path, or a lower bound on its cost already
/// ranks it below the K best). Each set is decided by the evaluator itself on a
/// hypothetical learner, so allocation, nested stacks, recency and unknowns hold as in
/// `eval`.
///
/// Not thread-safe (one machine): use one planner per thread; they share the program.
public final class PathwayPlanner {
  public let program: CompiledProgram
  public let asOf: CivilDate
  public let target: PathwayTarget
  public let options: PathwayOptions
  /// The catalogue, one entry per code, in code order.
  public let catalogue: [Credential]
  let machine: Machine
  /// The static screens an award must pass, at one place at least, to matter to the target
  /// (nil: some place reads every award). See ``AwardEntries``.
  let screens: [PathwayScreen]?
  /// The frame the screens are evaluated in.
  let screenFrame: Int
  /// The day new awards are dated and planned enrolments start.
  public let plannedDate: CivilDate
  /// The grade new awards carry.
  public let grade: String?
  /// The target's grade scale, lowest grade first (empty when it has none).
  let scaleGrades: [String]
  /// Catalogue positions whose award may pass a screen: read once for every learner of the
  /// planner (the screens are static, so the answer is the same for all).
  private var staticCandidates: [Int]?
  /// The facts a test (or the REPL's inline learner) gives the current learner typed.
  var givenFacts = GivenFacts()
  /// Per-enrolment funding of a credential, by catalogue position, for the current learner.
  var fundingCache: [Int: [FundClaim]] = [:]

  public init(
    program: CompiledProgram, asOf: CivilDate, target: PathwayTarget,
    catalogue: [Credential], options: PathwayOptions = PathwayOptions()
  ) {
    self.program = program
    self.asOf = asOf
    self.target = target
    self.options = options
    var byCode: [String: Credential] = [:]
    for row in catalogue where byCode[row.code] == nil { byCode[row.code] = row }
    self.catalogue = byCode.values.sorted { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
    var evaluation = EvaluationOptions()
    evaluation.cancellation = options.cancellation
    machine = Machine(program: program, asOf: asOf, options: evaluation)
    (screens, screenFrame) = PathwayScreen.screens(of: target, in: program)
    plannedDate = options.plannedDate ?? asOf
    let policy: Int =
      switch target {
      case .stack(let id): program.stacks[id.index].policy
      case .equivalence(let id, _): program.equivalences[id.index].policy
      }
    if let scale = program.checked.policies[policy].gradeScale {
      scaleGrades = program.checked[scale].scale.grades.map(\.name)
    } else {
      scaleGrades = []
    }
    grade = options.grade ?? scaleGrades.last
  }

  /// The best paths for `learner`, with the facts a test or the REPL gives it typed.
  public func plan(for learner: Learner, given facts: GivenFacts = GivenFacts()) -> PathwayPlan {
    fundingCache.removeAll(keepingCapacity: true)
    givenFacts = facts
    var plan = PathwayPlan(
      status: .notFound, paths: [], limitReached: nil, reasons: [], undeterminedReasons: [],
      plannedDate: plannedDate, assumedGrade: grade, objective: options.objective,
      maximumSize: options.maximumSize, unknownFees: [], candidateCount: 0, nodes: 1)
    machine.reset(for: learner, given: givenFacts)
    var acceptsConditional = true
    switch machine.pathwayReach(target) {
    case .achieved:
      plan.status = .alreadyAchieved
      return plan
    case .notInEffect:
      plan.status = .notInEffect
      return plan
    case .error(let reason):
      plan.status = .error
      plan.reasons = [reason]
      return plan
    case .conditional(let reasons):
      // Already reached if the unknowns turn out well: paths must reach it for certain.
      plan.undeterminedReasons = reasons
      acceptsConditional = false
    case .notReached:
      break
    }
    var candidates = candidates(for: learner)
    if candidates.count > options.candidateLimit {
      candidates.removeSubrange(options.candidateLimit...)
      plan.limitReached = .candidates
    }
    plan.candidateCount = candidates.count
    plan.unknownFees = candidates.filter { catalogue[$0].fee == nil }.map { catalogue[$0].code }
    var search = PathwaySearch(
      planner: self, learner: learner, candidates: candidates,
      acceptsConditional: acceptsConditional)
    search.run()
    plan.nodes += search.nodes
    if search.stoppedAtLimit { plan.limitReached = plan.limitReached ?? .searchNodes }
    let best = search.ranked().prefix(options.stopsAtSmallest ? Int.max : options.limit)
    plan.paths = best.map { found in
      options.describesPaths
        ? describe(found, learner: learner, acceptsConditional: acceptsConditional)
        : Pathway(
          steps: found.members.map {
            PathwayStep(
              code: catalogue[$0].code, title: catalogue[$0].title, fills: "", fee: nil,
              funding: [], netCost: nil, hours: nil, credits: nil)
          }, conditions: found.conditions, netCost: nil, fees: [], balanceNotes: [],
          lowestGrade: nil, lowestGradeChecked: false, hours: nil, credits: nil)
    }
    if plan.paths.isEmpty {
      plan.status = .notFound
      if options.describesPaths {
        plan.reasons = whyNotFound(learner, candidates, &plan.nodes)
      }
    } else {
      plan.status = .found
    }
    return plan
  }

  /// The catalogue positions worth trying: credentials whose award may pass a screen of the
  /// places the target reads awards (exact: see ``AwardEntries``). Credentials the learner holds stay candidates: a second award matters only when
  /// the first cannot be used (too old, grade too low), and a set where it does not matter
  /// is not minimal, so the search drops it.
  func candidates(for learner: Learner) -> [Int] { staticCandidateList() }

  private func staticCandidateList() -> [Int] {
    if let staticCandidates { return staticCandidates }
    var list: [Int] = []
    if let screens {
      for position in catalogue.indices {
        let blank = learnerAdding([position], to: Learner(id: ""), grade: grade)
        machine.reset(for: blank)
        let passes = screens.contains { screen in
          machine.pathwayPasses(award: 0, screen, frame: screenFrame)
        }
        if passes { list.append(position) }
      }
    } else {
      list = Array(catalogue.indices)
    }
    staticCandidates = list
    return list
  }

  /// `learner` with one hypothetical award of each catalogue position, on the planned date.
  func learnerAdding(_ positions: [Int], to learner: Learner, grade: String?) -> Learner {
    var copy = learner
    for (number, position) in positions.enumerated() {
      copy.awards.append(
        Award(
          id: Self.awardID(number), credential: catalogue[position], awardedOn: plannedDate,
          grade: grade, isHypothetical: true))
    }
    copy.sortRecords()
    return copy
  }

  /// Whether `learner` with the awards of `positions` reaches the target.
  func reach(_ positions: [Int], _ learner: Learner, grade: String? = nil) -> PathwayReach {
    machine.reset(
      for: learnerAdding(positions, to: learner, grade: grade ?? self.grade), given: givenFacts)
    return machine.pathwayReach(target)
  }

  /// The id of the `number`th award a path adds (hypothetical; reasons name it "the planned
  /// CODE award", ``Machine/describeAward(_:)``).
  static func awardID(_ number: Int) -> String { plannedAwardPrefix + "\(number + 1)" }
  static let plannedAwardPrefix = "planned-"
}

extension PathwayOptions {
  /// Cohort searches stop at the smallest size that has a path and keep every path of it.
  public var stopsAtSmallest: Bool { limit == Int.max }
}

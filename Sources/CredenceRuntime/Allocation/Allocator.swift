import CredenceValues

/// The allocation engine: decides whether a pool of distinct credentials satisfies a
/// requirement tree when each credential serves at most one requirement, and which
/// credential serves which.
///
/// - Exact: when an allocation satisfying the tree exists, it finds one (no greedy first
///   fit). Counting requirements are solved by bipartite matching; credit totals and the
///   choices of `any of` / `at least k of` by branch and bound, within
///   ``AllocationOptions/searchNodeLimit`` nodes per phase (the answer is *undetermined*
///   when a phase runs out, never a guess).
/// - Three-valued: unknown credits, conditions and nested stacks make the answer
///   *undetermined* exactly when it depends on them.
/// - Explained: every requirement reports the credentials it uses, and an unmet one what it
///   still needs; for a *no*, the allocation is the closest one (docs/decisions.md).
/// - Deterministic: the same input gives the same result; items are ordered by code.
public enum Allocator {
  /// Allocates `pool` to `requirement`.
  public static func allocate(
    _ requirement: Requirement, pool: [AllocationItem], options: AllocationOptions = .init()
  ) -> Allocation {
    let problem: Problem
    switch Problem.build(requirement, pool: pool) {
    case .built(let built): problem = built
    case .beyondLimits(let reason): return beyondLimits(reason)
    }
    let facts = TreeFacts(problem)
    let search = Search(problem: problem, nodeLimit: options.searchNodeLimit)
    return problem.leavesShareItems
      ? search.allocateShared(facts: facts, options: options)
      : search.allocateDisjoint(facts: facts)
  }

  /// Decides only whether `pool` satisfies `requirement`, without the allocation and its
  /// explanation: the same answer as ``allocate(_:pool:options:)``, for batches that need
  /// nothing else (no closest allocation is searched, no result tree is built).
  public static func decide(
    _ requirement: Requirement, pool: [AllocationItem],
    searchNodeLimit: Int = AllocationLimits.defaultSearchNodes
  ) -> AllocationStatus {
    let problem: Problem
    switch Problem.build(requirement, pool: pool) {
    case .built(let built): problem = built
    case .beyondLimits(let reason): return .undetermined(reason)
    }
    guard problem.leavesShareItems else { return problem.verdictWithoutCompetition }
    let search = Search(problem: problem, nodeLimit: searchNodeLimit)
    return search.verdict(facts: TreeFacts(problem)).status
  }

  /// The answer for an input beyond a named limit: undetermined, with no allocation.
  private static func beyondLimits(_ reason: UndeterminedReason) -> Allocation {
    Allocation(
      status: .undetermined(reason),
      root: RequirementOutcome(
        status: .unknown, counted: true, codes: [], awardIDs: [], unknownCreditCodes: [],
        shortfall: nil, children: []),
      usedCodes: [], closestIsExact: false, searchNodes: 0)
  }
}

extension Problem {
  /// Whether some item could serve two claims (or totals depend on which nested stacks are
  /// chosen). When not, leaves never compete and the tree is decided leaf by leaf, without a
  /// search: the common case.
  var leavesShareItems: Bool {
    // A total counts what the chosen nested stacks keep, so the choice matters.
    if leaves.contains(where: { $0.kind == .total })
      && leaves.contains(where: { $0.kind == .nested })
    {
      return true
    }
    var taken = [Bool](repeating: false, count: itemCount)
    for leaf in leaves where leaf.consumes {
      for item in leaf.items {
        if taken[item] { return true }
        taken[item] = true
      }
    }
    return false
  }
}

extension Problem {
  /// The answer when leaves do not compete: each leaf holds or not on its own, and the groups
  /// combine that by Kleene's logic.
  var verdictWithoutCompetition: AllocationStatus {
    var truth = [Truth](repeating: .true, count: nodes.count)
    for node in stride(from: nodes.count - 1, through: 0, by: -1) {
      let entry = nodes[node]
      if entry.leaf >= 0 {
        let leaf = leaves[entry.leaf]
        truth[node] =
          leaf.holdsAlone(.pessimistic) ? .true : leaf.holdsAlone(.optimistic) ? .unknown : .false
      } else {
        var trueCount = 0
        var unknownCount = 0
        for child in entry.children {
          if truth[child] == .true {
            trueCount += 1
          } else if truth[child] == .unknown {
            unknownCount += 1
          }
        }
        truth[node] = .atLeast(entry.need, trueCount: trueCount, unknownCount: unknownCount)
      }
    }
    switch truth[0] {
    case .true: return .achieved
    case .unknown: return .undetermined(.unknownValues)
    case .false: return .notAchieved
    }
  }
}

extension Search {
  /// Leaves do not compete: each takes all it may, the cheapest choices decide the groups.
  func allocateDisjoint(facts: TreeFacts) -> Allocation {
    let rootCost = facts.cost[0]
    let status: AllocationStatus =
      rootCost.unmet > 0
      ? .notAchieved : rootCost.unknown > 0 ? .undetermined(.unknownValues) : .achieved
    var assignment = [Int](repeating: -1, count: problem.itemCount)
    for (index, leaf) in problem.leaves.enumerated() where leaf.consumes {
      for item in leaf.items { assignment[item] = index }
    }
    let counted = countedNodes(.empty, facts: facts, freeReading: .pessimistic)
    return makeAllocation(status, assignment, counted: counted, closestIsExact: true)
  }

  /// Leaves compete for items: search under the pessimistic reading, then (if unknown values
  /// could change the answer) the optimistic one, then for the closest allocation on a *no*.
  func allocateShared(facts: TreeFacts, options: AllocationOptions) -> Allocation {
    let (status, witness) = verdict(facts: facts)
    if let witness {
      var assignment = witness.assignment
      for leaf in witness.mask.members { trim(leaf, &assignment) }
      let counted = countedNodes(witness.mask, facts: facts, freeReading: witness.reading)
      return makeAllocation(status, assignment, counted: counted, closestIsExact: true)
    }
    if options.reportsClosest, let closest = findClosest(facts: facts) {
      let counted = countedNodes(closest.selection, facts: facts, freeReading: .pessimistic)
      return makeAllocation(
        status, closest.assignment, counted: counted, closestIsExact: closest.exact)
    }
    // No closest allocation (not asked for, or no budget): the cheapest selection, filled
    // leaf by leaf from what is free.
    let counted = countedNodes(.empty, facts: facts, freeReading: .pessimistic)
    var assignment = [Int](repeating: -1, count: problem.itemCount)
    for (index, leaf) in problem.leaves.enumerated() where counted[leaf.node] {
      fill(index, &assignment)
    }
    return makeAllocation(status, assignment, counted: counted, closestIsExact: false)
  }

  /// The status when leaves compete, and a satisfying allocation (under the reading that
  /// found it) when there is one.
  func verdict(
    facts: TreeFacts
  ) -> (status: AllocationStatus, witness: (assignment: [Int], mask: LeafMask, reading: Reading)?) {
    var status: AllocationStatus
    var witness: (assignment: [Int], mask: LeafMask, reading: Reading)?
    switch findSatisfying(.pessimistic, facts: facts) {
    case .found(let mask):
      status = .achieved
      witness = assignment(for: mask, .pessimistic)
    case .none where !problem.hasUnknowns:
      status = .notAchieved
    case .limit where !problem.hasUnknowns:
      status = .undetermined(.searchLimit)
    case let pessimistic:
      let cutShort: Bool = if case .limit = pessimistic { true } else { false }
      switch findSatisfying(.optimistic, facts: facts) {
      case .found(let mask):
        status = .undetermined(cutShort ? .searchLimit : .unknownValues)
        witness = assignment(for: mask, .optimistic)
      case .none:
        status = .notAchieved
      case .limit:
        status = .undetermined(.searchLimit)
      }
    }
    return (status, witness)
  }

  /// The witness allocation for a feasible leaf set.
  private func assignment(
    for mask: LeafMask, _ reading: Reading
  ) -> (assignment: [Int], mask: LeafMask, reading: Reading)? {
    // The set was found feasible moments ago, so solving it again cannot fail; the check
    // keeps a changed invariant from turning into a crash. It gets its own budget.
    startPhase()
    guard case .feasible = solve(mask, reading) else { return nil }
    return (witness(), mask, reading)
  }
}

import CredenceValues

/// The closest allocation found: the assignment, the leaves of the chosen selection, and
/// whether the search for it finished within the budget.
struct Closest {
  var assignment: [Int]
  var selection: LeafMask
  var cost: Cost
  var exact: Bool
}

extension Search {
  /// Finds the allocation that comes closest to satisfying the tree (see ``Cost``).
  ///
  /// Every minimal selection of leaves is a way to satisfy the tree; for each, the most of its
  /// leaves that can hold together (exactly, by branch and bound over subsets with memoised
  /// feasibility) get a witness allocation, trimmed, and the other leaves get what is left
  /// (``distribute(_:_:)``). The selection whose outcome costs least wins; ties go to the first
  /// found, and selections are tried cheapest first, so the result is deterministic.
  /// Feasibility is judged under the optimistic reading, so a leaf that may hold depending on
  /// unknown values counts as "may hold" rather than missing.
  func findClosest(facts: TreeFacts) -> Closest? {
    startPhase()
    var best: Closest?
    var complete = true
    enumerateSelections(
      [.satisfy(0)], .empty, phantom: 0, facts: facts, best: &best, complete: &complete)
    if var found = best {
      found.exact = complete
      return found
    }
    return nil
  }

  /// Walks the minimal selections depth first, one child at a time; `complete` turns false
  /// when the budget ends the walk.
  private func enumerateSelections(
    _ pendingWork: [PendingWork], _ chosenLeaves: LeafMask, phantom: Int, facts: TreeFacts,
    best: inout Closest?, complete: inout Bool
  ) {
    var pending = pendingWork
    var chosen = chosenLeaves
    var phantom = phantom
    let p = Reading.pessimistic.rawValue
    let o = Reading.optimistic.rawValue
    // Leaves that cannot hold even alone are unmet in any allocation: a lower bound.
    var surelyUnmet = phantom + chosen.members.count { !facts.viable[o][problem.leaves[$0].node] }
    func beaten() -> Bool {
      if let best, surelyUnmet > best.cost.unmet { return true }
      return false
    }
    while let work = pending.popLast() {
      let node = work.node
      let entry = problem.nodes[node]
      if work.isChoice {
        let options = facts.closestOptions[node]
        let left = options.count - work.next
        if work.remaining <= 0 { continue }
        if left <= work.remaining {
          // A group asking for more children than it has: the missing ones are unmet.
          phantom += work.remaining - left
          surelyUnmet += work.remaining - left
          if beaten() { return }
          for child in options[work.next...].reversed() { pending.append(.satisfy(child)) }
          continue
        }
        guard tick() else {
          complete = false
          return
        }
        var taking = pending
        taking.append(.choose(node, from: work.next + 1, needing: work.remaining - 1))
        taking.append(.satisfy(options[work.next]))
        enumerateSelections(
          taking, chosen, phantom: phantom, facts: facts, best: &best, complete: &complete)
        if !complete { return }
        pending.append(.choose(node, from: work.next + 1, needing: work.remaining))
        continue
      }
      if entry.leaf >= 0 {
        if facts.free[p][node] { continue }
        chosen.insert(entry.leaf)
        if !facts.viable[o][node] { surelyUnmet += 1 }
        if beaten() { return }
        continue
      }
      let need = entry.need - facts.freeCount[p][node]
      if need > 0 { pending.append(.choose(node, from: 0, needing: need)) }
    }
    guard let candidate = evaluate(chosen, phantom: phantom, facts: facts) else {
      complete = false
      return
    }
    if best == nil || candidate.cost < (best?.cost ?? candidate.cost) { best = candidate }
  }

  /// The closest allocation for one selection, or `nil` if the budget ran out: of the
  /// largest sets of its leaves that can hold together, the one whose leftovers leave the
  /// rest least short.
  private func evaluate(_ selection: LeafMask, phantom: Int, facts: TreeFacts) -> Closest? {
    let members = selection.members
    let o = Reading.optimistic.rawValue
    let candidates = members.filter {
      problem.leaves[$0].consumes && facts.viable[o][problem.leaves[$0].node]
    }
    guard let largest = largestFeasibleSubsets(candidates) else { return nil }
    var best: Closest?
    for satisfied in largest {
      var assignment = [Int](repeating: -1, count: problem.itemCount)
      if satisfied != .empty {
        guard case .feasible = solve(satisfied, .optimistic) else { return nil }
        assignment = witness()
        for leaf in satisfied.members { trim(leaf, &assignment) }
      }
      let unmet = members.filter { problem.leaves[$0].consumes && !satisfied.contains($0) }
      guard distribute(unmet, &assignment) else { return nil }
      var cost = cost(of: members, assignment)
      cost.unmet += phantom
      if best == nil || cost < (best?.cost ?? cost) {
        best = Closest(assignment: assignment, selection: selection, cost: cost, exact: true)
      }
    }
    return best
  }

  /// Every largest subset of `leaves` that can hold together, in include-first order, or
  /// `nil` if the budget ran out. Branch and bound: a branch that cannot reach the largest
  /// size found so far is cut.
  private func largestFeasibleSubsets(_ leaves: [Int]) -> [LeafMask]? {
    var found: [LeafMask] = []
    var bestSize = -1
    var outOfBudget = false
    func walk(_ index: Int, _ current: LeafMask, _ size: Int) {
      if outOfBudget || size + (leaves.count - index) < bestSize { return }
      // Memoised checks cost no node of their own; the walk does, so ties cannot explode.
      guard tick() else {
        outOfBudget = true
        return
      }
      if index == leaves.count {
        if size > bestSize {
          bestSize = size
          found.removeAll()
        }
        found.append(current)
        return
      }
      var with = current
      with.insert(leaves[index])
      switch feasibility(of: with, .optimistic) {
      case .feasible: walk(index + 1, with, size + 1)
      case .infeasible: break
      case .limit:
        outOfBudget = true
        return
      }
      walk(index + 1, current, size)
    }
    walk(0, .empty, 0)
    return outOfBudget ? nil : found
  }
}

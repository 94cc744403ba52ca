import CredenceValues

/// The outcome of looking for a set of leaves that satisfies the tree and can hold together.
enum SelectionResult {
  case found(LeafMask)
  case none
  case limit
}

/// A unit of pending work in a walk over the tree's choices: a node to satisfy, or a choice
/// in progress (the group `node` still needs `remaining` of its options from `next` on).
struct PendingWork {
  var node: Int
  var next: Int
  var remaining: Int

  /// A node to satisfy.
  static func satisfy(_ node: Int) -> PendingWork {
    PendingWork(node: node, next: -1, remaining: 0)
  }

  /// A choice in progress.
  static func choose(_ node: Int, from next: Int, needing remaining: Int) -> PendingWork {
    PendingWork(node: node, next: next, remaining: remaining)
  }

  var isChoice: Bool { next >= 0 }
}

extension Search {
  /// Looks for a choice of leaves (every child of `all of`, `k` children of `at least k of`)
  /// that satisfies the tree and whose leaves can all hold at once under `reading`.
  ///
  /// Depth first over the choices, one child at a time (take it or leave it, cheapest
  /// children first). Children that need nothing are always taken (that never hurts),
  /// children that cannot hold even alone are never tried, and before each choice the leaves
  /// chosen so far are checked for feasibility, so a conflict prunes every extension of it.
  /// Feasibility of a leaf set is memoised, since different paths reach the same sets.
  func findSatisfying(_ reading: Reading, facts: TreeFacts) -> SelectionResult {
    startPhase()
    return explore([.satisfy(0)], .empty, reading, facts)
  }

  private func explore(
    _ pendingWork: [PendingWork], _ chosenLeaves: LeafMask, _ reading: Reading,
    _ facts: TreeFacts
  ) -> SelectionResult {
    var pending = pendingWork
    var chosen = chosenLeaves
    let r = reading.rawValue
    while let work = pending.popLast() {
      let node = work.node
      let entry = problem.nodes[node]
      if work.isChoice {
        let options = facts.options[r][node]
        let left = options.count - work.next
        if work.remaining <= 0 { continue }
        if left < work.remaining { return .none }
        if left == work.remaining {
          for child in options[work.next...].reversed() { pending.append(.satisfy(child)) }
          continue
        }
        guard tick() else { return .limit }
        switch feasibility(of: chosen, reading) {
        case .infeasible: return .none
        case .limit: return .limit
        case .feasible: break
        }
        // Take the next option (and finish it before choosing further)...
        var taking = pending
        taking.append(.choose(node, from: work.next + 1, needing: work.remaining - 1))
        taking.append(.satisfy(options[work.next]))
        switch explore(taking, chosen, reading, facts) {
        case .found(let mask): return .found(mask)
        case .limit: return .limit
        case .none: break
        }
        // ...or leave it.
        pending.append(.choose(node, from: work.next + 1, needing: work.remaining))
        continue
      }
      if entry.leaf >= 0 {
        if facts.free[r][node] { continue }
        guard facts.viable[r][node] else { return .none }
        chosen.insert(entry.leaf)
        continue
      }
      let need = entry.need - facts.freeCount[r][node]
      if need > 0 { pending.append(.choose(node, from: 0, needing: need)) }
    }
    switch feasibility(of: chosen, reading) {
    case .feasible: return .found(chosen)
    case .infeasible: return .none
    case .limit: return .limit
    }
  }
}

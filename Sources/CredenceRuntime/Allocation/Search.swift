import CredenceValues

/// What a search step found out.
enum Feasibility {
  case feasible
  case infeasible
  /// The node budget ran out first.
  case limit
}

/// The mutable state of one allocation: the node budget, memoised feasibility of leaf sets,
/// and scratch arrays reused by every check so the inner loops do not allocate.
///
/// One `Search` lives for one call of ``Allocator/allocate(_:pool:options:)`` and never
/// escapes it.
final class Search {
  let problem: Problem
  let nodeLimit: Int
  /// Nodes left in the current phase.
  private(set) var budget: Int
  /// Nodes spent over all phases.
  private(set) var spent = 0

  /// Feasibility of leaf sets already checked, per reading.
  var memo: [[LeafMask: Feasibility]] = [[:], [:]]

  // Scratch, indexed by item: the leaf an item is fixed to (nested or credit search), the
  // leaf the matching gives it to, and visit stamps for the matching's searches.
  var owner: [Int]
  var matchOwner: [Int]
  var itemStamp: [Int]
  var parentLeaf: [Int]
  /// Indexed by leaf.
  var leafStamp: [Int]
  var viaItem: [Int]
  var stamp = 0
  var queue: [Int] = []

  init(problem: Problem, nodeLimit: Int) {
    self.problem = problem
    self.nodeLimit = max(0, nodeLimit)
    self.budget = self.nodeLimit
    let items = problem.itemCount
    let leaves = problem.leaves.count
    owner = [Int](repeating: -1, count: items)
    matchOwner = [Int](repeating: -1, count: items)
    itemStamp = [Int](repeating: 0, count: items)
    parentLeaf = [Int](repeating: -1, count: items)
    leafStamp = [Int](repeating: 0, count: leaves)
    viaItem = [Int](repeating: -1, count: leaves)
    queue.reserveCapacity(leaves)
  }

  /// Spends one node; `false` once the phase's budget is gone.
  @inline(__always) func tick() -> Bool {
    guard budget > 0 else { return false }
    budget -= 1
    spent += 1
    return true
  }

  /// Starts a search phase with a fresh budget of ``nodeLimit`` nodes.
  func startPhase() {
    budget = nodeLimit
  }

  /// The credits of `item` under `reading`.
  @inline(__always) func credit(_ item: Int, _ reading: Reading) -> Int64 {
    reading == .pessimistic ? problem.pessimisticCredits[item] : problem.optimisticCredits[item]
  }
}

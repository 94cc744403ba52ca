import CredenceValues

/// How far a leaf or subtree is from holding, lexicographically: unmet leaves, then leaves
/// that depend on unknown values, then missing credentials, then missing credits.
///
/// This is the measure of "closest" (see docs/decisions.md). Lexicographic order is
/// compatible with addition, so the cheapest way to satisfy `k` children is the `k` cheapest.
struct Cost: Comparable {
  var unmet = 0
  var unknown = 0
  var credentials = 0
  var credits: Int64 = 0

  static let zero = Cost()

  static func + (left: Cost, right: Cost) -> Cost {
    Cost(
      unmet: left.unmet + right.unmet, unknown: left.unknown + right.unknown,
      credentials: left.credentials + right.credentials, credits: left.credits + right.credits)
  }

  static func < (left: Cost, right: Cost) -> Bool {
    (left.unmet, left.unknown, left.credentials, left.credits)
      < (right.unmet, right.unknown, right.credentials, right.credits)
  }
}

/// Facts about each node that do not depend on how items are shared: whether it could hold
/// and whether it needs nothing (per reading), its cost if no leaf competed for items, and its
/// children in order of that cost.
struct TreeFacts {
  /// `viable[reading][node]`: the subtree could hold if no leaf competed for items.
  var viable: [[Bool]]
  /// `free[reading][node]`: the subtree holds without taking any item.
  var free: [[Bool]]
  /// The subtree's cost if no leaf competed for items.
  var cost: [Cost]
  /// Each group's children, cheapest first (ties in input order).
  var orderedChildren: [[Int]]
  /// Each leaf's status if it had all its items to itself.
  var leafStatus: [Truth]
  /// `freeCount[reading][group]`: how many children need nothing under the reading.
  var freeCount: [[Int]]
  /// `options[reading][group]`: the other children that could hold, cheapest first; the
  /// search for a satisfying allocation chooses among them.
  var options: [[[Int]]]
  /// The children that need something under the pessimistic reading, cheapest first; the
  /// search for the closest allocation chooses among them.
  var closestOptions: [[Int]]

  init(_ problem: Problem) {
    let count = problem.nodes.count
    viable = [[Bool]](repeating: [Bool](repeating: false, count: count), count: 2)
    free = viable
    cost = [Cost](repeating: .zero, count: count)
    orderedChildren = [[Int]](repeating: [], count: count)
    leafStatus = problem.leaves.map { Self.statusAlone($0) }
    freeCount = [[Int]](repeating: [Int](repeating: 0, count: count), count: 2)
    options = [[[Int]]](repeating: [[Int]](repeating: [], count: count), count: 2)
    closestOptions = [[Int]](repeating: [], count: count)
    // Pre-order puts children after their parent, so one backward pass sees children first.
    for node in stride(from: count - 1, through: 0, by: -1) {
      let entry = problem.nodes[node]
      if entry.leaf >= 0 {
        let leaf = problem.leaves[entry.leaf]
        for reading in [Reading.pessimistic, .optimistic] {
          viable[reading.rawValue][node] = leaf.holdsAlone(reading)
          free[reading.rawValue][node] = leaf.isFree(reading)
        }
        cost[node] = Self.costAlone(leaf, status: leafStatus[entry.leaf])
        continue
      }
      for reading in [Reading.pessimistic, .optimistic] {
        let r = reading.rawValue
        viable[r][node] = entry.children.count { viable[r][$0] } >= entry.need
        free[r][node] = entry.children.count { free[r][$0] } >= entry.need
      }
      let ordered = entry.children.enumerated().sorted { left, right in
        cost[left.element] != cost[right.element]
          ? cost[left.element] < cost[right.element] : left.offset < right.offset
      }.map(\.element)
      orderedChildren[node] = ordered
      var total = Cost.zero
      for child in ordered.prefix(entry.need) { total = total + cost[child] }
      if entry.need > ordered.count { total.unmet += entry.need - ordered.count }
      cost[node] = total
      for reading in [Reading.pessimistic, .optimistic] {
        let r = reading.rawValue
        freeCount[r][node] = ordered.count { free[r][$0] }
        options[r][node] = ordered.filter { !free[r][$0] && viable[r][$0] }
      }
      closestOptions[node] = ordered.filter { !free[Reading.pessimistic.rawValue][$0] }
    }
  }

  private static func statusAlone(_ leaf: Leaf) -> Truth {
    if leaf.holdsAlone(.pessimistic) { return .true }
    return leaf.holdsAlone(.optimistic) ? .unknown : .false
  }

  private static func costAlone(_ leaf: Leaf, status: Truth) -> Cost {
    switch status {
    case .true: return .zero
    case .unknown: return Cost(unknown: 1)
    case .false:
      guard leaf.kind == .pick || leaf.kind == .total else { return Cost(unmet: 1) }
      return Cost(
        unmet: 1, credentials: max(0, leaf.minCount - leaf.items.count),
        credits: max(0, leaf.minCredits - leaf.totalCredits[Reading.optimistic.rawValue]))
    }
  }
}

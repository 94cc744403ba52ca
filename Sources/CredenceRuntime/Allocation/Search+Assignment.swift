import CredenceValues

/// Operations on an assignment (the leaf each item serves, or -1), shared by the search for
/// the closest allocation and the report.
extension Search {
  /// How many items `leaf` holds in `assignment`, and their credits under each reading.
  func holding(_ leaf: Int, _ assignment: [Int]) -> (count: Int, credits: (Int64, Int64)) {
    var count = 0
    var pessimistic: Int64 = 0
    var optimistic: Int64 = 0
    for item in problem.leaves[leaf].items where assignment[item] == leaf {
      count += 1
      pessimistic += credit(item, .pessimistic)
      optimistic += credit(item, .optimistic)
    }
    return (count, (pessimistic, optimistic))
  }

  /// Whether `leaf` holds under `assignment`: `true` whatever the unknowns are, `unknown` if
  /// only for some of their values, `false` if for none.
  func status(ofLeaf leaf: Int, _ assignment: [Int]) -> Truth {
    let entry = problem.leaves[leaf]
    switch entry.kind {
    case .condition:
      return entry.truth
    case .nested:
      return entry.items.allSatisfy({ assignment[$0] == leaf }) ? entry.truth : .false
    case .pick:
      let held = holding(leaf, assignment)
      guard held.count >= entry.minCount else { return .false }
      if held.credits.0 >= entry.minCredits { return .true }
      return held.credits.1 >= entry.minCredits ? .unknown : .false
    }
  }

  /// Gives back the items `leaf` does not need, last code first, when it holds whatever the
  /// unknowns are: it then uses an irredundant set (each item needed) and the rest stay free.
  /// A leaf that holds only for some unknown values keeps everything that could count.
  func trim(_ leaf: Int, _ assignment: inout [Int]) {
    let entry = problem.leaves[leaf]
    guard entry.kind == .pick, status(ofLeaf: leaf, assignment) == .true else { return }
    var held = holding(leaf, assignment)
    var total = held.credits.0
    for item in entry.items.reversed() where assignment[item] == leaf {
      let value = credit(item, .pessimistic)
      if held.count - 1 >= entry.minCount && total - value >= entry.minCredits {
        assignment[item] = -1
        held.count -= 1
        total -= value
      }
    }
  }

  /// Tops `leaf` up from the items nobody holds (largest credits first when it sums credits,
  /// else in code order) until it holds or they run out, then trims it. A nested stack takes
  /// its items if they are all free.
  func fill(_ leaf: Int, _ assignment: inout [Int]) {
    let entry = problem.leaves[leaf]
    switch entry.kind {
    case .condition:
      return
    case .nested:
      if entry.items.allSatisfy({ assignment[$0] == -1 }) {
        for item in entry.items { assignment[item] = leaf }
      }
      return
    case .pick:
      break
    }
    var held = holding(leaf, assignment)
    var total = held.credits.1
    var free = entry.items.filter { assignment[$0] == -1 }
    if entry.sumsCredits {
      free.sort { left, right in
        let (a, b) = (credit(left, .optimistic), credit(right, .optimistic))
        return a != b ? a > b : left < right
      }
    }
    for item in free {
      if held.count >= entry.minCount && total >= entry.minCredits { break }
      assignment[item] = leaf
      held.count += 1
      total += credit(item, .optimistic)
    }
    trim(leaf, &assignment)
  }

  /// Gives unmet leaves what is left: as many credentials as a maximum matching can (which
  /// minimises the credentials still missing), then credits largest first, leaf by leaf.
  func distribute(_ unmet: [Int], _ assignment: inout [Int]) -> Bool {
    let picks = unmet.filter { problem.leaves[$0].kind == .pick }
    let demands = picks.map { leaf in
      (leaf: leaf, count: max(0, problem.leaves[leaf].minCount - holding(leaf, assignment).count))
    }
    for index in owner.indices { owner[index] = assignment[index] }
    guard match(demands, stopAtFirstShortfall: false) != nil else { return false }
    for index in assignment.indices where assignment[index] == -1 && matchOwner[index] >= 0 {
      assignment[index] = matchOwner[index]
    }
    for leaf in picks where problem.leaves[leaf].sumsCredits { fill(leaf, &assignment) }
    return true
  }

  /// How far the leaves of a selection are from holding under `assignment`.
  func cost(of leaves: [Int], _ assignment: [Int]) -> Cost {
    var total = Cost.zero
    for leaf in leaves {
      switch status(ofLeaf: leaf, assignment) {
      case .true: break
      case .unknown: total.unknown += 1
      case .false:
        total.unmet += 1
        let entry = problem.leaves[leaf]
        if entry.kind == .pick {
          let held = holding(leaf, assignment)
          total.credentials += max(0, entry.minCount - held.count)
          total.credits += max(0, entry.minCredits - held.credits.1)
        }
      }
    }
    return total
  }

  /// Which nodes are counted: the root; every child of a counted group whose subtree has a
  /// leaf in `mask`; and, while a counted group has fewer than it needs, its further children
  /// (those needing nothing under `freeReading` first, then cheapest first).
  func countedNodes(_ mask: LeafMask, facts: TreeFacts, freeReading: Reading) -> [Bool] {
    let nodes = problem.nodes
    var hits = [Bool](repeating: false, count: nodes.count)
    for node in stride(from: nodes.count - 1, through: 0, by: -1) {
      let entry = nodes[node]
      hits[node] =
        entry.leaf >= 0 ? mask.contains(entry.leaf) : entry.children.contains { hits[$0] }
    }
    var counted = [Bool](repeating: false, count: nodes.count)
    counted[0] = true
    for node in nodes.indices where counted[node] && nodes[node].leaf < 0 {
      let entry = nodes[node]
      var taken = 0
      for child in entry.children where hits[child] {
        counted[child] = true
        taken += 1
      }
      let order =
        facts.orderedChildren[node].filter { facts.free[freeReading.rawValue][$0] }
        + facts.orderedChildren[node].filter { !facts.free[freeReading.rawValue][$0] }
      for child in order where taken < entry.need && !counted[child] {
        counted[child] = true
        taken += 1
      }
    }
    return counted
  }
}

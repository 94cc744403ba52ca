import CredenceValues

/// Operations on an assignment (the leaf each item serves, or -1), shared by the search for
/// the closest allocation and the report.
/// In an assignment, the owner of an item the stack uses only for its totals.
let usedForTotals = -2

extension Search {
  /// What `leaf` holds in `assignment`: how many items and their credits, under each reading
  /// (the pessimistic one counts only the items it certainly may take).
  func holding(_ leaf: Int, _ assignment: [Int]) -> Held {
    let entry = problem.leaves[leaf]
    var held = Held()
    var sure = 0
    let certain = entry.certainItems
    for item in entry.items where assignment[item] == leaf {
      held.count.optimistic += 1
      held.credits.optimistic += credit(item, .optimistic)
      while sure < certain.count && certain[sure] < item { sure += 1 }
      if sure < certain.count && certain[sure] == item {
        held.count.pessimistic += 1
        held.credits.pessimistic += credit(item, .pessimistic)
      }
    }
    return held
  }

  /// Whether `leaf` holds under `assignment`: `true` whatever the unknowns are, `unknown` if
  /// only for some of their values, `false` if for none. A total counts every item the stack
  /// uses (claimed by counted leaves or used for totals), so it needs `counted`.
  func status(ofLeaf leaf: Int, _ assignment: [Int], counted: [Bool]? = nil) -> Truth {
    let entry = problem.leaves[leaf]
    switch entry.kind {
    case .condition:
      return entry.truth
    case .nested:
      return entry.items.allSatisfy({ assignment[$0] == leaf }) ? entry.truth : .false
    case .pick:
      return holding(leaf, assignment).truth(entry)
    case .total:
      return usage(assignment, counted: counted).truth(entry)
    }
  }

  /// What the stack uses in `assignment`: items of counted leaves and items used for totals.
  /// Without `counted`, every leaf's items count.
  func usage(_ assignment: [Int], counted: [Bool]?) -> Held {
    var held = Held()
    for item in assignment.indices where assignment[item] != -1 {
      let owner = assignment[item]
      if owner >= 0, let counted, !counted[problem.leaves[owner].node] { continue }
      held.count.optimistic += 1
      held.credits.optimistic += credit(item, .optimistic)
      if problem.certainlyInPool[item] {
        held.count.pessimistic += 1
        held.credits.pessimistic += credit(item, .pessimistic)
      }
    }
    return held
  }

  /// Gives back the items `leaf` does not need, last in preference order first, when it holds
  /// whatever the unknowns are: it then uses an irredundant set (each item needed) and the
  /// rest stay free. A leaf that holds only for some unknown values keeps everything that
  /// could count.
  func trim(_ leaf: Int, _ assignment: inout [Int]) {
    let entry = problem.leaves[leaf]
    guard entry.kind == .pick, status(ofLeaf: leaf, assignment) == .true else { return }
    var held = holding(leaf, assignment)
    let certain = Set(entry.certainItems)
    for item in entry.items.reversed() where assignment[item] == leaf {
      guard certain.contains(item) else {
        // Not certainly eligible: it does not count under the pessimistic reading anyway.
        assignment[item] = -1
        continue
      }
      let value = credit(item, .pessimistic)
      if held.count.pessimistic - 1 >= entry.minCount
        && held.credits.pessimistic - value >= entry.minCredits
      {
        assignment[item] = -1
        held.count.pessimistic -= 1
        held.credits.pessimistic -= value
      }
    }
  }

  /// Tops `leaf` up from the items nobody holds until it holds or they run out (certain
  /// items first; largest credits first when it sums credits, else in preference order),
  /// then trims it. A nested stack takes its items if they are all free.
  func fill(_ leaf: Int, _ assignment: inout [Int]) {
    let entry = problem.leaves[leaf]
    switch entry.kind {
    case .condition, .total:
      return
    case .nested:
      if entry.items.allSatisfy({ assignment[$0] == -1 }) {
        for item in entry.items { assignment[item] = leaf }
      }
      return
    case .pick:
      break
    }
    let certain = Set(entry.certainItems)
    var free = entry.items.filter { assignment[$0] == -1 }
    free.sort { left, right in
      precedes(left, right, certain.contains(left), certain.contains(right), entry.sumsCredits)
    }
    var held = holding(leaf, assignment)
    for item in free {
      if held.truth(entry) == .true { break }
      if !certain.contains(item) && held.truth(entry) == .unknown { break }
      assignment[item] = leaf
      held.count.optimistic += 1
      held.credits.optimistic += credit(item, .optimistic)
      if certain.contains(item) {
        held.count.pessimistic += 1
        held.credits.pessimistic += credit(item, .pessimistic)
      }
    }
    trim(leaf, &assignment)
  }

  /// Adds pool items the stack does not use yet until every counted total holds (certain
  /// items first; largest credits first when a total sums credits, else in preference order),
  /// marking them ``usedForTotals``.
  func addItemsForTotals(_ assignment: inout [Int], counted: [Bool]) {
    let totals = problem.leaves.indices.filter {
      problem.leaves[$0].kind == .total && counted[problem.leaves[$0].node]
    }
    guard !totals.isEmpty else { return }
    let sumsCredits = totals.contains { problem.leaves[$0].sumsCredits }
    var free = problem.codes.indices.filter { assignment[$0] == -1 }
    free.sort { left, right in
      precedes(
        left, right, problem.certainlyInPool[left], problem.certainlyInPool[right], sumsCredits)
    }
    var used = usage(assignment, counted: counted)
    func worst() -> Truth {
      totals.map { used.truth(problem.leaves[$0]) }.min { rank($0) < rank($1) } ?? .true
    }
    for item in free {
      let now = worst()
      if now == .true || (now == .unknown && !problem.certainlyInPool[item]) { break }
      assignment[item] = usedForTotals
      used.count.optimistic += 1
      used.credits.optimistic += credit(item, .optimistic)
      if problem.certainlyInPool[item] {
        used.count.pessimistic += 1
        used.credits.pessimistic += credit(item, .pessimistic)
      }
    }
  }

  /// The order in which free items are added to a leaf or a total: items that certainly
  /// count first; then, when credits matter, known credits first and larger first; then
  /// preference order.
  private func precedes(
    _ left: Int, _ right: Int, _ leftCertain: Bool, _ rightCertain: Bool, _ byCredits: Bool
  ) -> Bool {
    if leftCertain != rightCertain { return leftCertain }
    if byCredits {
      let (leftKnown, rightKnown) = (problem.creditKnown[left], problem.creditKnown[right])
      if leftKnown != rightKnown { return leftKnown }
      let (x, y) = (credit(left, .optimistic), credit(right, .optimistic))
      if x != y { return x > y }
    }
    return left < right
  }

  /// Gives unmet leaves what is left: as many credentials as a maximum matching can (which
  /// minimises the credentials still missing), then credits largest first, leaf by leaf.
  func distribute(_ unmet: [Int], _ assignment: inout [Int]) -> Bool {
    let picks = unmet.filter { problem.leaves[$0].kind == .pick }
    let demands = picks.map { leaf in
      (
        leaf: leaf,
        count: max(0, problem.leaves[leaf].minCount - holding(leaf, assignment).count.optimistic)
      )
    }
    for index in owner.indices { owner[index] = assignment[index] }
    guard match(demands, .optimistic, stopAtFirstShortfall: false) != nil else { return false }
    for index in assignment.indices where assignment[index] == -1 && matchOwner[index] >= 0 {
      assignment[index] = matchOwner[index]
    }
    for leaf in picks where problem.leaves[leaf].sumsCredits { fill(leaf, &assignment) }
    return true
  }

  /// How far the leaves of a selection are from holding under `assignment` (a total by what
  /// the selection could use).
  func cost(of leaves: [Int], _ assignment: [Int]) -> Cost {
    var selection = LeafMask.empty
    for leaf in leaves { selection.insert(leaf) }
    var total = Cost.zero
    for leaf in leaves {
      let entry = problem.leaves[leaf]
      let status: Truth
      if entry.kind == .total {
        status =
          totalHolds(leaf, within: selection, .pessimistic)
          ? .true : totalHolds(leaf, within: selection, .optimistic) ? .unknown : .false
      } else {
        status = self.status(ofLeaf: leaf, assignment)
      }
      switch status {
      case .true: break
      case .unknown: total.unknown += 1
      case .false:
        total.unmet += 1
        if entry.kind == .pick {
          let held = holding(leaf, assignment)
          total.credentials += max(0, entry.minCount - held.count.optimistic)
          total.credits += max(0, entry.minCredits - held.credits.optimistic)
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

/// Items held and their credits, under each reading.
struct Held {
  var count: (pessimistic: Int, optimistic: Int) = (0, 0)
  var credits: (pessimistic: Int64, optimistic: Int64) = (0, 0)

  /// Whether this much meets `leaf`'s count and credits: under both readings, only under the
  /// optimistic one, or under neither.
  func truth(_ leaf: Leaf) -> Truth {
    if count.pessimistic >= leaf.minCount && credits.pessimistic >= leaf.minCredits {
      return .true
    }
    if count.optimistic >= leaf.minCount && credits.optimistic >= leaf.minCredits {
      return .unknown
    }
    return .false
  }
}

/// Orders truth values false < unknown < true.
func rank(_ truth: Truth) -> Int {
  switch truth {
  case .false: 0
  case .unknown: 1
  case .true: 2
  }
}

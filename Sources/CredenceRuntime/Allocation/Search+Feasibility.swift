import CredenceValues

extension Search {
  /// Whether every leaf in `mask` can hold at the same time, each item serving at most one
  /// leaf, under `reading`. Memoised per reading; conditions in the mask are ignored (the
  /// selection decides about them).
  func feasibility(of mask: LeafMask, _ reading: Reading) -> Feasibility {
    if let known = memo[reading.rawValue][mask] { return known }
    let result = solve(mask, reading)
    // A result cut short by the budget is not a fact about the mask: don't remember it.
    if case .limit = result { return result }
    memo[reading.rawValue][mask] = result
    return result
  }

  /// Decides `mask` from scratch; when feasible, ``witness()`` then reads the assignment.
  func solve(_ mask: LeafMask, _ reading: Reading) -> Feasibility {
    for index in owner.indices { owner[index] = -1 }
    var countLeaves: [Int] = []
    var creditLeaves: [Int] = []
    for leafIndex in mask.members {
      let leaf = problem.leaves[leafIndex]
      switch leaf.kind {
      case .condition:
        continue
      case .total:
        guard totalHolds(leafIndex, within: mask, reading) else { return .infeasible }
      case .nested:
        guard leaf.holdsAlone(reading) else { return .infeasible }
        // Two nested stacks that kept the same award cannot both count here.
        for item in leaf.items {
          guard owner[item] == -1 else { return .infeasible }
          owner[item] = leafIndex
        }
      case .pick:
        guard leaf.holdsAlone(reading) else { return .infeasible }
        if leaf.sumsCredits {
          creditLeaves.append(leafIndex)
        } else if leaf.minCount > 0 {
          countLeaves.append(leafIndex)
        }
      }
    }
    // Counting alone is a matching; with credits it is a necessary condition first.
    let counts = (countLeaves + creditLeaves).map { (leaf: $0, count: problem.leaves[$0].minCount) }
    guard let shortfall = match(counts, reading, stopAtFirstShortfall: true) else {
      return .limit
    }
    if shortfall > 0 { return .infeasible }
    if creditLeaves.isEmpty { return .feasible }
    return creditSearch(creditLeaves, countLeaves: countLeaves, reading)
  }

  /// Whether a total holds when the leaves in `mask` are the chosen ones: it may count every
  /// item but those kept by nested stacks that are not chosen.
  func totalHolds(_ leaf: Int, within mask: LeafMask, _ reading: Reading) -> Bool {
    let entry = problem.leaves[leaf]
    let outside = problem.leaves.indices.filter {
      problem.leaves[$0].kind == .nested && !mask.contains($0)
    }
    if outside.isEmpty { return entry.holdsAlone(reading) }
    var excluded = [Bool](repeating: false, count: problem.itemCount)
    for nested in outside { for item in problem.leaves[nested].items { excluded[item] = true } }
    for nested in mask.members where problem.leaves[nested].kind == .nested {
      for item in problem.leaves[nested].items { excluded[item] = false }
    }
    var count = 0
    var total: Int64 = 0
    for item in entry.items(reading) where !excluded[item] {
      count += 1
      total += credit(item, reading)
    }
    return count >= entry.minCount && total >= entry.minCredits
  }

  /// The assignment the last feasible ``solve(_:_:)`` found: the leaf per item, or -1.
  func witness() -> [Int] {
    var result = owner
    for index in result.indices where result[index] == -1 { result[index] = matchOwner[index] }
    return result
  }

  /// Exact search for leaves that sum credits, by depth-first branching over the items they
  /// may take, largest first.
  ///
  /// Each item goes to one credit leaf still short of its total, or to none (then the final
  /// matching may give it to a counting leaf). Pruned when a leaf cannot reach its total with
  /// the items left, or all leaves together cannot; an item only one leaf here can use always
  /// goes to it. When nothing but credit totals matter (up to four leaves), failed states
  /// (position, remaining deficits) are remembered, which makes the search pseudo-polynomial.
  /// Iterative, so a long pool cannot exhaust the stack.
  private func creditSearch(
    _ creditLeaves: [Int], countLeaves: [Int], _ reading: Reading
  ) -> Feasibility {
    let leaves = problem.leaves
    let slotCount = creditLeaves.count
    var slotOf = [Int](repeating: -1, count: leaves.count)
    for (slot, leaf) in creditLeaves.enumerated() { slotOf[leaf] = slot }

    // How many leaves here may take each item; an item only one may take is private to it.
    var uses = [Int](repeating: 0, count: problem.itemCount)
    var creditUses = [Int](repeating: 0, count: problem.itemCount)
    for leaf in countLeaves { for item in leaves[leaf].items(reading) { uses[item] += 1 } }
    for leaf in creditLeaves {
      for item in leaves[leaf].items(reading) {
        uses[item] += 1
        creditUses[item] += 1
      }
    }
    var relevant: [Int] = []
    for item in 0..<problem.itemCount where creditUses[item] > 0 && credit(item, reading) > 0 {
      relevant.append(item)
    }
    relevant.sort { left, right in
      let (a, b) = (credit(left, reading), credit(right, reading))
      return a != b ? a > b : left < right
    }
    let itemCount = relevant.count
    var positionOf = [Int](repeating: -1, count: problem.itemCount)
    for (position, item) in relevant.enumerated() { positionOf[item] = position }

    // The credit leaves each relevant item may go to, flattened.
    var slotsStart = [Int](repeating: 0, count: itemCount + 1)
    var counts = [Int](repeating: 0, count: itemCount)
    for leaf in creditLeaves {
      for item in leaves[leaf].items(reading) where positionOf[item] >= 0 {
        counts[positionOf[item]] += 1
      }
    }
    for position in 0..<itemCount {
      slotsStart[position + 1] = slotsStart[position] + counts[position]
    }
    var slots = [Int](repeating: 0, count: slotsStart[itemCount])
    var fill = slotsStart
    for (slot, leaf) in creditLeaves.enumerated() {
      for item in leaves[leaf].items(reading) where positionOf[item] >= 0 {
        let position = positionOf[item]
        slots[fill[position]] = slot
        fill[position] += 1
      }
    }

    // Leaves with the same items and thresholds are interchangeable: when two of them stand
    // at the same total and count, an item is offered to the first only (symmetry breaking).
    var twinClass = [Int](repeating: 0, count: slotCount)
    for slot in 0..<slotCount {
      let leaf = leaves[creditLeaves[slot]]
      twinClass[slot] =
        (0..<slot).first { other in
          let twin = leaves[creditLeaves[other]]
          return twin.minCredits == leaf.minCredits && twin.minCount == leaf.minCount
            && twin.items(reading) == leaf.items(reading)
        } ?? slot
    }

    var target = [Int64](repeating: 0, count: slotCount)
    var sum = [Int64](repeating: 0, count: slotCount)
    var taken = [Int](repeating: 0, count: slotCount)
    var potential = [Int64](repeating: 0, count: slotCount)
    var remaining = [Int](repeating: 0, count: slotCount)
    for (slot, leaf) in creditLeaves.enumerated() { target[slot] = leaves[leaf].minCredits }
    var suffix = [Int64](repeating: 0, count: itemCount + 1)
    for position in stride(from: itemCount - 1, through: 0, by: -1) {
      let value = credit(relevant[position], reading)
      suffix[position] = suffix[position + 1] + value
      for index in slotsStart[position]..<slotsStart[position + 1] {
        potential[slots[index]] += value
        remaining[slots[index]] += 1
      }
    }
    var met = 0

    let memoizable =
      slotCount <= 4 && countLeaves.isEmpty && creditLeaves.allSatisfy { leaves[$0].minCount <= 1 }
    var failed = Set<CreditState>()
    func state(_ position: Int) -> CreditState {
      var deficits: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)
      withUnsafeMutableBytes(of: &deficits) { raw in
        let buffer = raw.bindMemory(to: Int64.self)
        for slot in 0..<slotCount { buffer[slot] = max(0, target[slot] - sum[slot]) }
      }
      return CreditState(position: position, deficits: deficits)
    }

    var optionsStart = [Int](repeating: 0, count: itemCount + 1)
    var optionsNext = [Int](repeating: 0, count: itemCount + 1)
    var optionsEnd = [Int](repeating: 0, count: itemCount + 1)
    var triedNone = [Bool](repeating: false, count: itemCount + 1)
    var chosen = [Int](repeating: -1, count: itemCount + 1)
    var options: [Int] = []
    options.reserveCapacity(itemCount * min(slotCount, 4))

    var level = 0
    var entering = true
    while true {
      if entering {
        entering = false
        guard tick() else { return .limit }
        var failedHere = false
        if met == slotCount {
          var demands: [(leaf: Int, count: Int)] = countLeaves.map {
            (leaf: $0, count: leaves[$0].minCount)
          }
          for (slot, leaf) in creditLeaves.enumerated() where leaves[leaf].minCount > taken[slot] {
            demands.append((leaf: leaf, count: leaves[leaf].minCount - taken[slot]))
          }
          guard let shortfall = match(demands, reading, stopAtFirstShortfall: true) else {
            return .limit
          }
          if shortfall == 0 { return .feasible }
          failedHere = true
        } else if level == itemCount {
          failedHere = true
        } else {
          // Bounds: each leaf short of its total must reach it with the items still to come
          // (in credits, and in number: the largest remaining item is an upper bound on each),
          // and so must all of them together.
          let largest = credit(relevant[level], reading)
          var totalDeficit: Int64 = 0
          var totalItemsNeeded = 0
          for slot in 0..<slotCount where sum[slot] < target[slot] {
            let deficit = target[slot] - sum[slot]
            let itemsNeeded = Int((deficit + largest - 1) / largest)
            if potential[slot] < deficit || remaining[slot] < itemsNeeded {
              failedHere = true
              break
            }
            totalDeficit += deficit
            totalItemsNeeded += itemsNeeded
          }
          if !failedHere
            && (totalDeficit > suffix[level] || totalItemsNeeded > itemCount - level)
          {
            failedHere = true
          }
          if !failedHere && memoizable && failed.contains(state(level)) { failedHere = true }
        }
        if failedHere {
          if level == 0 { return .infeasible }
          level -= 1
          continue
        }
        // Open the level: the item leaves the pool of what is still to come, and the leaves
        // still short that may take it become the options, tightest first.
        let value = credit(relevant[level], reading)
        let start = options.count
        for index in slotsStart[level]..<slotsStart[level + 1] {
          let slot = slots[index]
          potential[slot] -= value
          remaining[slot] -= 1
          guard sum[slot] < target[slot] else { continue }
          let isTwinOfOption = options[start...].contains { other in
            twinClass[other] == twinClass[slot] && sum[other] == sum[slot]
              && taken[other] == taken[slot]
          }
          if !isTwinOfOption { options.append(slot) }
        }
        // Insertion sort by slack (what the leaf could still reach beyond its total).
        if options.count - start > 1 {
          for index in (start + 1)..<options.count {
            let slot = options[index]
            let slack = sum[slot] + potential[slot] - target[slot]
            var cursor = index
            while cursor > start {
              let other = options[cursor - 1]
              let otherSlack = sum[other] + potential[other] - target[other]
              if otherSlack < slack || (otherSlack == slack && other < slot) { break }
              options[cursor] = other
              cursor -= 1
            }
            options[cursor] = slot
          }
        }
        optionsStart[level] = start
        optionsNext[level] = start
        optionsEnd[level] = options.count
        triedNone[level] = false
        chosen[level] = -1
      }

      // Advance at `level`: undo its last choice, then take the next one.
      let item = relevant[level]
      let value = credit(item, reading)
      let previous = chosen[level]
      if previous >= 0 {
        if sum[previous] >= target[previous] && sum[previous] - value < target[previous] {
          met -= 1
        }
        sum[previous] -= value
        taken[previous] -= 1
        owner[item] = -1
        chosen[level] = -1
      }
      if optionsNext[level] < optionsEnd[level] {
        let slot = options[optionsNext[level]]
        optionsNext[level] += 1
        if sum[slot] < target[slot] && sum[slot] + value >= target[slot] { met += 1 }
        sum[slot] += value
        taken[slot] += 1
        owner[item] = creditLeaves[slot]
        chosen[level] = slot
        level += 1
        entering = true
        continue
      }
      let hadOptions = optionsEnd[level] > optionsStart[level]
      if !triedNone[level] && !(uses[item] == 1 && hadOptions) {
        triedNone[level] = true
        level += 1
        entering = true
        continue
      }
      // Every choice at this level failed: close it and go back.
      for index in slotsStart[level]..<slotsStart[level + 1] {
        potential[slots[index]] += value
        remaining[slots[index]] += 1
      }
      options.removeSubrange(optionsStart[level]...)
      if memoizable { failed.insert(state(level)) }
      if level == 0 { return .infeasible }
      level -= 1
    }
  }
}

/// A failed state of the credit search when only totals matter: the position in the item
/// order and each leaf's remaining deficit.
private struct CreditState: Hashable {
  var position: Int
  var deficits: (Int64, Int64, Int64, Int64)

  static func == (left: CreditState, right: CreditState) -> Bool {
    left.position == right.position && left.deficits.0 == right.deficits.0
      && left.deficits.1 == right.deficits.1 && left.deficits.2 == right.deficits.2
      && left.deficits.3 == right.deficits.3
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(position)
    hasher.combine(deficits.0)
    hasher.combine(deficits.1)
    hasher.combine(deficits.2)
    hasher.combine(deficits.3)
  }
}

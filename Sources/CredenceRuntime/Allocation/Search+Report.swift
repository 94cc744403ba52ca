import CredenceValues

extension Search {
  /// Turns an assignment into the public result: trims counted leaves, lets nested stacks
  /// keep their items, adds what the totals need, shows what uncounted leaves could take from
  /// the rest, and computes every requirement's status and shortfall.
  func makeAllocation(
    _ verdict: AllocationStatus, _ assignment: [Int], counted: [Bool], closestIsExact: Bool
  ) -> Allocation {
    var assignment = assignment
    let leaves = problem.leaves
    // Uncounted claims hold nothing until the stack has taken what it uses.
    for item in assignment.indices where assignment[item] >= 0 {
      let leaf = leaves[assignment[item]]
      if !counted[leaf.node] && leaf.kind == .pick { assignment[item] = -1 }
    }
    for (index, leaf) in leaves.enumerated() where counted[leaf.node] { trim(index, &assignment) }
    for (index, leaf) in leaves.enumerated() where leaf.kind == .nested {
      fill(index, &assignment)
    }
    addItemsForTotals(&assignment, counted: counted)
    for (index, leaf) in leaves.enumerated() where !counted[leaf.node] {
      fill(index, &assignment)
    }
    let leafStatus = leaves.indices.map { status(ofLeaf: $0, assignment, counted: counted) }

    var nodeStatus = [Truth](repeating: .true, count: problem.nodes.count)
    for node in stride(from: problem.nodes.count - 1, through: 0, by: -1) {
      let entry = problem.nodes[node]
      if entry.leaf >= 0 {
        nodeStatus[node] = leafStatus[entry.leaf]
      } else {
        let trueCount = entry.children.count { nodeStatus[$0] == .true }
        let unknownCount = entry.children.count { nodeStatus[$0] == .unknown }
        nodeStatus[node] = .atLeast(entry.need, trueCount: trueCount, unknownCount: unknownCount)
      }
    }
    // An allocation that satisfies the tree whatever the unknowns are proves it achieved
    // (this can only upgrade an answer the node limit left undetermined).
    let result: AllocationStatus = nodeStatus[0] == .true ? .achieved : verdict

    let used = assignment.indices.filter { isUsed($0, assignment, counted: counted) }
    let root = outcome(0, assignment, counted: counted, nodeStatus: nodeStatus, used: used)
    return Allocation(
      status: result, root: root, usedCodes: problem.sortedCodes(used),
      closestIsExact: closestIsExact, searchNodes: spent)
  }

  /// Whether the stack uses `item`: a counted leaf holds it, or a total needed it.
  private func isUsed(_ item: Int, _ assignment: [Int], counted: [Bool]) -> Bool {
    let owner = assignment[item]
    return owner == usedForTotals || (owner >= 0 && counted[problem.leaves[owner].node])
  }

  private func outcome(
    _ node: Int, _ assignment: [Int], counted: [Bool], nodeStatus: [Truth], used: [Int]
  ) -> RequirementOutcome {
    let entry = problem.nodes[node]
    var result = RequirementOutcome(
      status: nodeStatus[node], counted: counted[node], codes: [], awardIDs: [],
      unknownCreditCodes: [], shortfall: nil, children: [])
    guard entry.leaf >= 0 else {
      result.children = entry.children.map {
        outcome($0, assignment, counted: counted, nodeStatus: nodeStatus, used: used)
      }
      return result
    }
    let leafIndex = entry.leaf
    let leaf = problem.leaves[leafIndex]
    // A total reports everything the stack uses; other leaves what they hold.
    let items =
      leaf.kind == .total ? used : leaf.items.filter { assignment[$0] == leafIndex }
    for item in items.sorted(by: { problem.codes[$0] < problem.codes[$1] }) {
      result.codes.append(problem.codes[item])
      result.awardIDs.append(contentsOf: problem.awardIDs[item])
      if leaf.sumsCredits && !problem.creditKnown[item] {
        result.unknownCreditCodes.append(problem.codes[item])
      }
    }
    if nodeStatus[node] == .false {
      switch leaf.kind {
      case .pick:
        result.shortfall = shortfall(leafIndex, holding(leafIndex, assignment), assignment)
      case .total:
        result.shortfall = shortfall(
          leafIndex, usage(assignment, counted: counted), assignment, used: used)
      case .nested, .condition:
        break
      }
    }
    return result
  }

  /// What an unmet leaf still needs, and where it could come from: for a pick, the codes that
  /// could count there; for a total, the pool's credentials the stack does not use.
  private func shortfall(
    _ leafIndex: Int, _ held: Held, _ assignment: [Int], used: [Int] = []
  ) -> Shortfall {
    let leaf = problem.leaves[leafIndex]
    let missingCredits = max(0, leaf.minCredits - held.credits.optimistic)
    var candidates: [String] = []
    var usedElsewhere: [String] = []
    func consider(_ code: String, _ item: Int?) {
      guard let item else {
        candidates.append(code)
        return
      }
      guard assignment[item] != leafIndex else { return }
      candidates.append(code)
      if assignment[item] != -1 || problem.heldByNested[item] { usedElsewhere.append(code) }
    }
    switch leaf.kind {
    case .total:
      let usedSet = Set(used)
      for item in problem.byCode where !usedSet.contains(item) {
        consider(problem.codes[item], item)
      }
    case .pick, .nested, .condition:
      if let listed = leaf.listedCodes {
        for code in listed { consider(code, problem.index(of: code)) }
      } else {
        for item in leaf.eligible.sorted(by: { problem.codes[$0] < problem.codes[$1] }) {
          consider(problem.codes[item], item)
        }
      }
    }
    return Shortfall(
      credentials: max(0, leaf.minCount - held.count.optimistic),
      credits: ExactDecimal(fixedPoint: missingCredits, scale: problem.scale) ?? .zero,
      candidates: candidates, usedElsewhere: usedElsewhere)
  }
}

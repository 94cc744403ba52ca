import CredenceValues

extension Search {
  /// Turns an assignment into the public result: trims counted leaves, shows what uncounted
  /// leaves could take from the rest, computes every requirement's status and shortfall.
  func makeAllocation(
    _ verdict: AllocationStatus, _ assignment: [Int], counted: [Bool], closestIsExact: Bool
  ) -> Allocation {
    var assignment = assignment
    let leaves = problem.leaves
    for (index, leaf) in leaves.enumerated() where counted[leaf.node] { trim(index, &assignment) }
    for (index, leaf) in leaves.enumerated() where !counted[leaf.node] || leaf.kind == .nested {
      fill(index, &assignment)
    }
    let leafStatus = leaves.indices.map { status(ofLeaf: $0, assignment) }

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

    var used: [String] = []
    for item in assignment.indices where assignment[item] >= 0 {
      if counted[leaves[assignment[item]].node] { used.append(problem.codes[item]) }
    }
    let root = outcome(0, assignment, counted: counted, nodeStatus: nodeStatus)
    return Allocation(
      status: result, root: root, usedCodes: used, closestIsExact: closestIsExact,
      searchNodes: spent)
  }

  private func outcome(
    _ node: Int, _ assignment: [Int], counted: [Bool], nodeStatus: [Truth]
  ) -> RequirementOutcome {
    let entry = problem.nodes[node]
    var result = RequirementOutcome(
      status: nodeStatus[node], counted: counted[node], codes: [], awardIDs: [],
      unknownCreditCodes: [], shortfall: nil, children: [])
    guard entry.leaf >= 0 else {
      result.children = entry.children.map {
        outcome($0, assignment, counted: counted, nodeStatus: nodeStatus)
      }
      return result
    }
    let leafIndex = entry.leaf
    let leaf = problem.leaves[leafIndex]
    for item in leaf.items where assignment[item] == leafIndex {
      result.codes.append(problem.codes[item])
      result.awardIDs.append(contentsOf: problem.awardIDs[item])
      if leaf.sumsCredits && !problem.creditKnown[item] {
        result.unknownCreditCodes.append(problem.codes[item])
      }
    }
    if leaf.kind == .pick && nodeStatus[node] == .false {
      result.shortfall = shortfall(leafIndex, assignment)
    }
    return result
  }

  /// What an unmet pick leaf still needs, and where it could come from.
  private func shortfall(_ leafIndex: Int, _ assignment: [Int]) -> Shortfall {
    let leaf = problem.leaves[leafIndex]
    let held = holding(leafIndex, assignment)
    let missingCredits = max(0, leaf.minCredits - held.credits.1)
    var candidates: [String] = []
    var usedElsewhere: [String] = []
    func consider(_ code: String, _ item: Int?) {
      if let item {
        guard assignment[item] != leafIndex else { return }
        candidates.append(code)
        if assignment[item] >= 0 || problem.heldByNested[item] { usedElsewhere.append(code) }
      } else {
        candidates.append(code)
      }
    }
    if let listed = leaf.listedCodes {
      for code in listed { consider(code, problem.index(of: code)) }
    } else {
      for item in leaf.eligible { consider(problem.codes[item], item) }
    }
    return Shortfall(
      credentials: max(0, leaf.minCount - held.count),
      credits: ExactDecimal(fixedPoint: missingCredits, scale: problem.scale) ?? .zero,
      candidates: candidates, usedElsewhere: usedElsewhere)
  }
}

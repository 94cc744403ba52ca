import CredenceValues

/// A built problem, or the limit the input goes beyond.
enum BuildResult {
  case built(Problem)
  case beyondLimits(UndeterminedReason)
}

extension Problem {
  /// Builds the search's form of a requirement tree over a pool, or says which limit the
  /// input goes beyond.
  static func build(_ requirement: Requirement, pool: [AllocationItem]) -> BuildResult {
    let merged = mergedByCode(pool)
    guard merged.count <= AllocationLimits.maximumPoolSize else {
      return .beyondLimits(.poolTooLarge)
    }
    var builder = TreeBuilder()
    guard builder.add(requirement) != nil else { return .beyondLimits(.tooManyRequirements) }

    // One fixed-point scale for every credit value and threshold: the most decimals any uses.
    let credit = merged.map { item in item.credits.map { $0.isNegative ? .zero : $0 } }
    var scale = 0
    for case let value? in credit where value.scale > scale {
      scale = max(scale, value.normalized.scale)
    }
    for case let threshold? in builder.thresholds where threshold.scale > scale {
      scale = max(scale, threshold.normalized.scale)
    }
    func fixed(_ value: ExactDecimal) -> Int64? {
      guard let result = value.fixedPoint(scale: scale),
        result <= AllocationLimits.maximumScaledCredits
      else { return nil }
      return result
    }
    var scaled = [Int64](repeating: -1, count: merged.count)  // -1: unknown
    for (index, value) in credit.enumerated() {
      guard let value else { continue }
      guard let fixedValue = fixed(value) else { return .beyondLimits(.creditsOutOfRange) }
      scaled[index] = fixedValue
    }

    // Preference order (see `Problem`): credits first only when a credit total rewards them.
    var creditTotal = false
    for (raw, threshold) in zip(builder.rawLeaves, builder.thresholds) where raw.kind == .total {
      if let threshold, threshold.signum > 0 { creditTotal = true }
    }
    var ranked = false
    for item in merged where item.rank != merged[0].rank { ranked = true }
    var order = Array(merged.indices)
    if creditTotal || ranked {
      order.sort { left, right in
        // Unknown credits (-1) sort after every known value.
        if creditTotal && scaled[left] != scaled[right] { return scaled[left] > scaled[right] }
        if merged[left].rank != merged[right].rank { return merged[left].rank < merged[right].rank }
        return left < right  // merged is in code order
      }
    }
    var byCode = [Int](repeating: 0, count: merged.count)
    for (index, original) in order.enumerated() { byCode[original] = index }
    var pessimistic = [Int64](repeating: 0, count: merged.count)
    var creditKnown = [Bool](repeating: false, count: merged.count)
    var codes: [String] = []
    var awardIDs: [[String]] = []
    var certainlyInPool: [Bool] = []
    codes.reserveCapacity(merged.count)
    awardIDs.reserveCapacity(merged.count)
    certainlyInPool.reserveCapacity(merged.count)
    for (index, original) in order.enumerated() {
      let item = merged[original]
      codes.append(item.code)
      awardIDs.append(item.awardIDs)
      certainlyInPool.append(item.inPool == .true)
      if scaled[original] >= 0 {
        pessimistic[index] = scaled[original]
        creditKnown[index] = true
      }
    }
    let problem = Problem(
      codes: codes, byCode: byCode, awardIDs: awardIDs, creditKnown: creditKnown,
      pessimisticCredits: pessimistic, scale: scale, certainlyInPool: certainlyInPool,
      nodes: builder.nodes)

    var leaves: [Leaf] = []
    leaves.reserveCapacity(builder.rawLeaves.count)
    for (raw, threshold) in zip(builder.rawLeaves, builder.thresholds) {
      var minCredits: Int64 = 0
      if let threshold, threshold.signum > 0 {
        guard let scaled = fixed(threshold) else { return .beyondLimits(.creditsOutOfRange) }
        minCredits = scaled
      }
      let certain = sortedUnique(raw.codes.compactMap { problem.index(of: $0) })
      var possible = certain
      if !raw.uncertainCodes.isEmpty {
        possible = sortedUnique(certain + raw.uncertainCodes.compactMap { problem.index(of: $0) })
      }
      var sure = certain.filter { problem.certainlyInPool[$0] }
      switch raw.kind {
      case .total:
        possible = Array(problem.codes.indices)
        sure = possible.filter { problem.certainlyInPool[$0] }
      case .nested:
        sure = possible  // kept whatever the pool says
      case .pick, .condition:
        break
      }
      leaves.append(
        Leaf(
          kind: raw.kind, node: raw.node, items: possible, certainItems: sure,
          minCount: max(0, raw.count), minCredits: minCredits, truth: raw.truth,
          listedCodes: raw.listedCodes))
    }

    // A nested stack keeps its items: no claim may take them.
    for leaf in leaves where leaf.kind == .nested {
      for item in leaf.items { problem.heldByNested[item] = true }
    }
    for index in leaves.indices where leaves[index].kind == .pick {
      leaves[index].items.removeAll { problem.heldByNested[$0] }
      leaves[index].certainItems.removeAll { problem.heldByNested[$0] }
    }

    // Under the optimistic reading an unknown credit value covers any threshold on its own.
    let standIn = max(1, leaves.map(\.minCredits).max() ?? 1)
    var optimistic = pessimistic
    for index in optimistic.indices where !creditKnown[index] { optimistic[index] = standIn }
    problem.optimisticCredits = optimistic

    var hasUnknowns = false
    for index in leaves.indices {
      let leaf = leaves[index]
      switch leaf.kind {
      case .pick, .total:
        leaves[index].totalCredits = [
          leaf.certainItems.reduce(0) { $0 + pessimistic[$1] },
          leaf.items.reduce(0) { $0 + optimistic[$1] },
        ]
        if leaf.certainItems.count < leaf.items.count
          || (leaf.sumsCredits && leaf.items.contains { !creditKnown[$0] })
        {
          hasUnknowns = true
        }
      case .nested, .condition:
        if leaf.truth == .unknown { hasUnknowns = true }
      }
    }
    problem.leaves = leaves
    problem.hasUnknowns = hasUnknowns
    return .built(problem)
  }

  /// `values` sorted, without repeats.
  private static func sortedUnique(_ values: [Int]) -> [Int] {
    var result = values
    result.sort()
    var write = 0
    for value in result where write == 0 || result[write - 1] != value {
      result[write] = value
      write += 1
    }
    result.removeLast(result.count - write)
    return result
  }

  /// The pool in code order with one item per code: awards joined, credits from the first
  /// item that knows them, in the pool if any of them is, the lowest rank. Items certainly
  /// outside the pool are dropped.
  private static func mergedByCode(_ pool: [AllocationItem]) -> [AllocationItem] {
    // The evaluator usually passes distinct codes in order: nothing to do.
    var ordered = true
    for index in pool.indices {
      if pool[index].inPool == .false || (index > 0 && !(pool[index - 1].code < pool[index].code)) {
        ordered = false
        break
      }
    }
    if ordered { return pool }
    let sorted = pool.enumerated().filter { $0.element.inPool != .false }.sorted { left, right in
      left.element.code != right.element.code
        ? left.element.code < right.element.code : left.offset < right.offset
    }
    var merged: [AllocationItem] = []
    merged.reserveCapacity(sorted.count)
    for (_, item) in sorted {
      guard let last = merged.last, last.code == item.code else {
        merged.append(item)
        continue
      }
      let index = merged.count - 1
      merged[index].awardIDs.append(contentsOf: item.awardIDs)
      if last.credits == nil { merged[index].credits = item.credits }
      merged[index].inPool = last.inPool || item.inPool
      merged[index].rank = min(last.rank, item.rank)
    }
    return merged
  }
}

/// A leaf before its codes are resolved and its credits scaled.
private struct RawLeaf {
  var kind: Leaf.Kind
  var node: Int
  var codes: [String]
  var uncertainCodes: [String] = []
  var count: Int
  var truth: Truth = .true
  var listedCodes: [String]? = nil
}

/// Flattens a requirement tree in pre-order, refusing trees beyond the size limit (which also
/// bounds the recursion depth).
private struct TreeBuilder {
  var nodes: [Node] = []
  var rawLeaves: [RawLeaf] = []
  var thresholds: [ExactDecimal?] = []

  /// Adds `requirement` and its descendants; returns its node index, or `nil` past the limit.
  mutating func add(_ requirement: Requirement) -> Int? {
    guard nodes.count < AllocationLimits.maximumRequirements else { return nil }
    let index = nodes.count
    nodes.append(Node(leaf: -1, need: 0, children: []))
    switch requirement {
    case .allOf(let children):
      return group(index, need: children.count, children)
    case .anyOf(let children):
      return group(index, need: 1, children)
    case .atLeast(let k, let children):
      return group(index, need: max(0, k), children)
    case .codes(let k, let codes):
      var listed = codes.sorted()
      var write = 0
      for code in listed where write == 0 || listed[write - 1] != code {
        listed[write] = code
        write += 1
      }
      listed.removeLast(listed.count - write)
      return leaf(
        index, RawLeaf(kind: .pick, node: index, codes: listed, count: k, listedCodes: listed))
    case .credentials(let n, let eligible):
      return leaf(
        index,
        RawLeaf(
          kind: .pick, node: index, codes: eligible.certain, uncertainCodes: eligible.uncertain,
          count: n))
    case .credits(let amount, let eligible):
      return leaf(
        index,
        RawLeaf(
          kind: .pick, node: index, codes: eligible.certain, uncertainCodes: eligible.uncertain,
          count: 0), threshold: amount)
    case .selection(let n, let amount, let eligible):
      return leaf(
        index,
        RawLeaf(
          kind: .pick, node: index, codes: eligible.certain, uncertainCodes: eligible.uncertain,
          count: n), threshold: amount)
    case .nestedStack(let achieved, let codes):
      return leaf(
        index, RawLeaf(kind: .nested, node: index, codes: codes, count: 0, truth: achieved))
    case .totalCredentials(let n):
      return leaf(index, RawLeaf(kind: .total, node: index, codes: [], count: n))
    case .totalCredits(let amount):
      return leaf(
        index, RawLeaf(kind: .total, node: index, codes: [], count: 0), threshold: amount)
    case .condition(let truth):
      return leaf(
        index, RawLeaf(kind: .condition, node: index, codes: [], count: 0, truth: truth))
    }
  }

  private mutating func group(_ index: Int, need: Int, _ children: [Requirement]) -> Int? {
    var childIndices: [Int] = []
    childIndices.reserveCapacity(children.count)
    for child in children {
      guard let childIndex = add(child) else { return nil }
      childIndices.append(childIndex)
    }
    nodes[index] = Node(leaf: -1, need: need, children: childIndices)
    return index
  }

  private mutating func leaf(
    _ index: Int, _ raw: RawLeaf, threshold: ExactDecimal? = nil
  ) -> Int? {
    nodes[index] = Node(leaf: rawLeaves.count, need: 0, children: [])
    rawLeaves.append(raw)
    thresholds.append(threshold)
    return index
  }
}

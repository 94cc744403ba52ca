import CredenceValues

extension Allocator {
  /// The allocation of `pool` to `all of requirements` for a tree whose claims cannot compete,
  /// decided without building a search problem: a single `at least n credentials where …`
  /// count, or totals alone (`at least n credentials`, `at least X credits`; see
  /// `Allocator+Totals.swift`). Nil for any other tree, and for a pool the search must judge
  /// (repeated codes, beyond ``AllocationLimits/maximumPoolSize``, a credit value or threshold
  /// beyond the range the search adds up exactly).
  ///
  /// The result is the one ``allocate(_:pool:options:)`` gives for `.allOf(requirements)`,
  /// statuses, used credentials, award ids and shortfalls alike (docs/decisions.md, "Stacks
  /// whose claims cannot compete"; `DirectAllocationTests` compares both on generated pools):
  /// the same preference order (earliest rank, then code), certain items before uncertain
  /// ones. A stack of one such requirement, or of totals alone, is the common case, and for it
  /// the search's set-up (and the allocation memo's shape key) cost more than the answer.
  public static func allocateDirectly(
    _ requirements: [Requirement], pool: [AllocationItem]
  ) -> Allocation? {
    if let totals = allocateTotals(requirements, pool: pool) { return totals }
    guard requirements.count == 1 else { return nil }
    switch requirements[0] {
    case .credentials(let count, let among):
      guard let direct = DirectPool(pool) else { return nil }
      return direct.count(count, among: among)
    default:
      return nil
    }
  }
}

/// A pool as the direct path reads it: the items in the pool (certainly or possibly) in code
/// order, and the scale of the search's fixed-point credits.
struct DirectPool {
  /// Items in code order.
  var items: [AllocationItem]
  /// Decimals of the search's fixed-point credits (a zero shortfall of credits carries it).
  var scale: Int

  /// Nil when the search must decide the pool: repeated codes (it merges them), more items
  /// than it takes, or credits it cannot add up exactly. `minimumScale` is the most decimals
  /// of the tree's credit thresholds, which take part in the scale as in the search.
  init?(_ pool: [AllocationItem], minimumScale: Int = 0) {
    var items =
      pool.contains { $0.inPool == .false } ? pool.filter { $0.inPool != .false } : pool
    guard items.count <= AllocationLimits.maximumPoolSize else { return nil }
    var sorted = true
    for index in items.indices.dropFirst() where !(items[index - 1].code < items[index].code) {
      sorted = false
      break
    }
    if !sorted {
      items.sort { $0.code < $1.code }
      for index in items.indices.dropFirst() where items[index - 1].code == items[index].code {
        return nil
      }
    }
    // The scale and range check of `Problem.build`, which refuses credits it cannot hold.
    var scale = minimumScale
    for item in items {
      guard let value = item.credits else { continue }
      let credit = value.isNegative ? .zero : value
      if credit.scale > scale { scale = max(scale, credit.normalized.scale) }
    }
    for item in items {
      guard let value = item.credits else { continue }
      let credit = value.isNegative ? .zero : value
      guard let fixed = credit.fixedPoint(scale: scale),
        fixed <= AllocationLimits.maximumScaledCredits
      else { return nil }
    }
    self.items = items
    self.scale = scale
  }

  /// Positions in ``items``, earliest rank first, then by code: the order in which the search
  /// prefers otherwise equal items.
  private var preference: [Int] {
    var preference = Array(items.indices)
    if items.contains(where: { $0.rank != items[0].rank }) {
      preference.sort { left, right in
        items[left].rank != items[right].rank ? items[left].rank < items[right].rank : left < right
      }
    }
    return preference
  }

  /// `at least count credentials where …` among `among`: the first `count` items certainly
  /// eligible and in the pool when there are that many; otherwise every item that may count.
  func count(_ count: Int, among: EligibleCodes) -> Allocation {
    // 1: may count (optimistic reading); 2: certainly eligible.
    var eligibility = [UInt8](repeating: 0, count: items.count)
    for code in among.certain {
      if let position = position(of: code) { eligibility[position] = 3 }
    }
    for code in among.uncertain {
      if let position = position(of: code) { eligibility[position] |= 1 }
    }
    var sure = 0
    var possible = 0
    for position in items.indices where eligibility[position] != 0 {
      possible += 1
      if eligibility[position] == 3 && items[position].inPool == .true { sure += 1 }
    }
    var used = [Bool](repeating: false, count: items.count)
    let status: Truth
    if sure >= count {
      status = .true
      var taken = 0
      for position in preference where taken < count {
        guard eligibility[position] == 3 && items[position].inPool == .true else { continue }
        used[position] = true
        taken += 1
      }
      return allocation(status, used, minimum: count, held: taken)
    }
    status = possible >= count ? .unknown : .false
    for position in items.indices where eligibility[position] != 0 { used[position] = true }
    return allocation(status, used, minimum: count, held: possible)
  }

  /// The position of `code` in ``items``, by binary search.
  private func position(of code: String) -> Int? {
    var low = 0
    var high = items.count
    while low < high {
      let mid = (low + high) / 2
      if items[mid].code < code { low = mid + 1 } else { high = mid }
    }
    return low < items.count && items[low].code == code ? low : nil
  }

  /// The report of a one-leaf tree: the leaf holds `used` (`held` items), and when it fails it
  /// has taken every item it could, so its shortfall names no further candidates.
  private func allocation(_ status: Truth, _ used: [Bool], minimum: Int, held: Int)
    -> Allocation
  {
    var codes: [String] = []
    var awardIDs: [String] = []
    codes.reserveCapacity(held)
    for position in items.indices where used[position] {
      codes.append(items[position].code)
      awardIDs.append(contentsOf: items[position].awardIDs)
    }
    let shortfall: Shortfall? =
      status == .false
      ? Shortfall(
        credentials: max(0, max(0, minimum) - held),
        credits: ExactDecimal(fixedPoint: 0, scale: scale) ?? .zero, candidates: [],
        usedElsewhere: [])
      : nil
    let leaf = RequirementOutcome(
      status: status, counted: true, codes: codes, awardIDs: awardIDs, unknownCreditCodes: [],
      shortfall: shortfall, children: [])
    let root = RequirementOutcome(
      status: status, counted: true, codes: [], awardIDs: [], unknownCreditCodes: [],
      shortfall: nil, children: [leaf])
    let result: AllocationStatus =
      switch status {
      case .true: .achieved
      case .unknown: .undetermined(.unknownValues)
      case .false: .notAchieved
      }
    return Allocation(
      status: result, root: root, usedCodes: codes, closestIsExact: true, searchNodes: 0)
  }
}

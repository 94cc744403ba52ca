import CredenceValues

extension Allocator {
  /// The allocation of `pool` to `all of requirements` when every requirement is a total
  /// (`at least n credentials`, `at least X credits` at the top of a stack), decided without
  /// building a search problem; nil for any other tree and for pools the search must judge
  /// (see ``DirectPool``), or a threshold beyond the range it adds up exactly.
  ///
  /// Totals claim nothing, so nothing competes: each total holds, may hold or fails on the
  /// whole pool, and the stack uses pool credentials one by one until every total holds
  /// (certain ones first; with a credit total, known and larger credits first; then the
  /// earliest award, then code). That is the search's own path for leaves that do not compete
  /// (`allocateDisjoint`, then `addItemsForTotals`), and `DirectAllocationTests` compares both
  /// on generated pools and trees. Scratch lives on the stack: one call per learner, and its
  /// arrays would cost more than the answer.
  static func allocateTotals(_ requirements: [Requirement], pool: [AllocationItem])
    -> Allocation?
  {
    // The search refuses trees beyond the limit (the root is one more node).
    guard !requirements.isEmpty, requirements.count < AllocationLimits.maximumRequirements
    else { return nil }
    var thresholdScale = 0
    for requirement in requirements {
      switch requirement {
      case .totalCredentials: continue
      case .totalCredits(let amount): thresholdScale = max(thresholdScale, amount.normalized.scale)
      default: return nil
      }
    }
    guard let direct = DirectPool(pool, minimumScale: thresholdScale) else { return nil }
    return withUnsafeTemporaryAllocation(of: Total.self, capacity: requirements.count) {
      totals -> Allocation? in
      for (index, requirement) in requirements.enumerated() {
        var total = Total()
        switch requirement {
        case .totalCredentials(let count):
          total.count = max(0, count)
        case .totalCredits(let amount):
          guard amount.signum > 0 else { break }
          guard let fixed = amount.fixedPoint(scale: direct.scale),
            fixed <= AllocationLimits.maximumScaledCredits
          else { return nil }
          total.credits = fixed
        default:
          return nil
        }
        totals.initializeElement(at: index, to: total)
      }
      return direct.totals(UnsafeBufferPointer(totals))
    }
  }
}

/// What one total asks for: distinct credentials, and fixed-point credits (0 when none).
struct Total {
  var count = 0
  var credits: Int64 = 0
}

extension DirectPool {
  /// The allocation of the pool to totals that all must hold.
  func totals(_ totals: UnsafeBufferPointer<Total>) -> Allocation {
    var sumsCredits = false
    var standIn: Int64 = 1
    for total in totals where total.credits > 0 {
      sumsCredits = true
      standIn = max(standIn, total.credits)
    }
    return withUnsafeTemporaryAllocation(of: Slot.self, capacity: items.count) { slots in
      // Fixed-point credits, -1 when unknown (the init checked that they fit); an unknown
      // value covers any total under the optimistic reading.
      for position in items.indices {
        var credit: Int64 = -1
        if let value = items[position].credits {
          credit = (value.isNegative ? .zero : value).fixedPoint(scale: scale) ?? 0
        }
        slots.initializeElement(
          at: position,
          to: Slot(credit: credit, certain: items[position].inPool == .true, used: false))
      }
      return withUnsafeTemporaryAllocation(of: Int.self, capacity: items.count) { order in
        report(totals, slots, order, sumsCredits: sumsCredits, standIn: standIn)
      }
    }
  }

  /// One item's credits and membership, and whether the stack uses it.
  private struct Slot {
    var credit: Int64
    var certain: Bool
    var used: Bool

    func pessimistic() -> Int64 { max(0, credit) }
    func optimistic(_ standIn: Int64) -> Int64 { credit < 0 ? standIn : credit }
  }

  private func report(
    _ totals: UnsafeBufferPointer<Total>, _ slots: UnsafeMutableBufferPointer<Slot>,
    _ order: UnsafeMutableBufferPointer<Int>, sumsCredits: Bool, standIn: Int64
  ) -> Allocation {
    // Each total on the whole pool decides the status (the search's tree facts).
    var whole = Held()
    for slot in slots {
      whole.count.optimistic += 1
      whole.credits.optimistic += slot.optimistic(standIn)
      if slot.certain {
        whole.count.pessimistic += 1
        whole.credits.pessimistic += slot.pessimistic()
      }
    }
    var verdict = AllocationStatus.achieved
    for total in totals {
      switch whole.truth(total) {
      case .true: continue
      case .unknown: if verdict == .achieved { verdict = .undetermined(.unknownValues) }
      case .false: verdict = .notAchieved
      }
    }

    // The order in which the stack adds credentials for its totals (an insertion sort: pools
    // are small).
    func precedes(_ left: Int, _ right: Int) -> Bool {
      let (a, b) = (slots[left], slots[right])
      if a.certain != b.certain { return a.certain }
      if sumsCredits {
        if (a.credit >= 0) != (b.credit >= 0) { return a.credit >= 0 }
        if a.credit != b.credit { return a.credit > b.credit }
      }
      if items[left].rank != items[right].rank { return items[left].rank < items[right].rank }
      return left < right  // items are in code order
    }
    for position in items.indices {
      var cursor = position
      while cursor > 0 && precedes(position, order[cursor - 1]) {
        order[cursor] = order[cursor - 1]
        cursor -= 1
      }
      order[cursor] = position
    }
    var held = Held()
    var usedCount = 0
    for position in order {
      var worst = Truth.true
      for total in totals where rank(held.truth(total)) < rank(worst) {
        worst = held.truth(total)
      }
      let slot = slots[position]
      if worst == .true || (worst == .unknown && !slot.certain) { break }
      slots[position].used = true
      usedCount += 1
      held.count.optimistic += 1
      held.credits.optimistic += slot.optimistic(standIn)
      if slot.certain {
        held.count.pessimistic += 1
        held.credits.pessimistic += slot.pessimistic()
      }
    }

    // Every total lists what the stack uses, in code order (unknown credits matter only to
    // credit totals).
    var codes: [String] = []
    var awardIDs: [String] = []
    var unknownCreditCodes: [String] = []
    codes.reserveCapacity(usedCount)
    for position in items.indices where slots[position].used {
      codes.append(items[position].code)
      awardIDs.append(contentsOf: items[position].awardIDs)
      if sumsCredits && slots[position].credit < 0 {
        unknownCreditCodes.append(items[position].code)
      }
    }
    // A failed total's candidates: the pool's credentials the stack does not use.
    func unused() -> [String] {
      items.indices.filter { !slots[$0].used }.map { items[$0].code }
    }
    var children: [RequirementOutcome] = []
    children.reserveCapacity(totals.count)
    var trueCount = 0
    var unknownCount = 0
    for total in totals {
      let status = held.truth(total)
      if status == .true { trueCount += 1 } else if status == .unknown { unknownCount += 1 }
      let shortfall: Shortfall? =
        status == .false
        ? Shortfall(
          credentials: max(0, total.count - held.count.optimistic),
          credits: ExactDecimal(
            fixedPoint: max(0, total.credits - held.credits.optimistic), scale: scale) ?? .zero,
          candidates: unused(), usedElsewhere: [])
        : nil
      children.append(
        RequirementOutcome(
          status: status, counted: true, codes: codes, awardIDs: awardIDs,
          unknownCreditCodes: total.credits > 0 ? unknownCreditCodes : [],
          shortfall: shortfall, children: []))
    }
    let rootStatus = Truth.atLeast(totals.count, trueCount: trueCount, unknownCount: unknownCount)
    let root = RequirementOutcome(
      status: rootStatus, counted: true, codes: [], awardIDs: [], unknownCreditCodes: [],
      shortfall: nil, children: children)
    return Allocation(
      status: rootStatus == .true ? .achieved : verdict, root: root, usedCodes: codes,
      closestIsExact: true, searchNodes: 0)
  }
}

extension Held {
  /// Whether this much meets a total: under both readings, only the optimistic one, or neither.
  fileprivate func truth(_ total: Total) -> Truth {
    if count.pessimistic >= total.count && credits.pessimistic >= total.credits { return .true }
    if count.optimistic >= total.count && credits.optimistic >= total.credits { return .unknown }
    return .false
  }
}

import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// What an explanation of a stack decision needs.
struct StackDetail: Sendable {
  /// The allocation reported: the one that achieves the stack, or the closest one.
  var allocation: Allocation
  /// Why the stack is undetermined, when it is.
  var undetermined: UndeterminedReason?
  /// Pool awards whose membership in the pool is unknown.
  var uncertainAwards: [Int]
  /// Awards whose `where` condition is unknown, by requirement.
  var uncertainEligibility: [ObjectIdentifier: [Int]]
  /// The codes the stack uses, earliest award first.
  var usedCodes: [String]
  /// The awards behind each code the stack may use (pool awards, certain first; the awards a
  /// nested stack keeps) and each code's credits.
  var codes: StackCodes
}

/// One distinct credential of a stack's pool.
private struct PoolItem {
  var code: String
  var credits: ExactDecimal?
  /// The awards, those certainly in the pool first (one array: most items have one award).
  var awards: [Int] = []
  var certainCount = 0
  /// The earliest award's day: the allocation prefers earlier awards.
  var rank: Int
  var isCertain: Bool { certainCount > 0 }

  /// Adds an award of the credential, certainly in the pool or not.
  mutating func add(_ award: Int, uncertain: Bool) {
    if uncertain {
      awards.append(award)
    } else {
      awards.insert(award, at: certainCount)
      certainCount += 1
    }
  }
}

/// What the requirements need from the learner, gathered before allocating.
private struct StackInputs {
  /// Pool items in first-award order.
  var items: [PoolItem] = []
  /// Positions in ``items`` by code, kept only once there are more than
  /// ``linearSearchLimit`` items (below that a linear search costs less than hashing).
  var itemIndex: [String: Int] = [:]
  static let linearSearchLimit = 16

  /// The position of the item for `code` in ``items``.
  func position(of code: String) -> Int? {
    if items.count > Self.linearSearchLimit { return itemIndex[code] }
    return items.firstIndex { $0.code == code }
  }

  /// Adds an item (its code not in ``items`` yet).
  mutating func add(_ item: PoolItem) -> Int {
    items.append(item)
    if items.count > Self.linearSearchLimit {
      if itemIndex.isEmpty {
        for (position, kept) in items.enumerated() { itemIndex[kept.code] = position }
      } else {
        itemIndex[item.code] = items.count - 1
      }
    }
    return items.count - 1
  }
  var nestedItems: [String: (credits: ExactDecimal?, awards: [Int])] = [:]
  var nestedOutcomes: [Int: DecisionOutcome] = [:]
  var uncertainEligibility: [ObjectIdentifier: [Int]] = [:]
  var uncertainAwards: [Int] = []
}

extension Machine {
  /// The stack `index` (memoised).
  func stackOutcome(_ index: Int) -> DecisionOutcome {
    if let memo = stackMemo[index] { return memo }
    let outcome = decideStack(index)
    stackMemo[index] = outcome
    return outcome
  }

  /// The outcome of any per-learner decision.
  func outcome(of decision: DecisionID) -> DecisionOutcome {
    switch decision {
    case .stack(let id): stackOutcome(id.index)
    case .fund(let id): fundOutcome(id.index)
    case .equivalence(let id): equivalenceOutcome(id.index)
    }
  }

  private func decideStack(_ index: Int) -> DecisionOutcome {
    let stack = program.stacks[index]
    guard program.policies[stack.policy].isInEffect(on: asOf) else { return .bare(.notInEffect) }
    do {
      try step(at: stack.span)
      return try inFrame(stack.localCount) { m throws(EvaluationFailure) in
        try m.decideStackInFrame(stack, index)
      }
    } catch {
      return DecisionOutcome(status: .error, failure: error)
    }
  }

  private func decideStackInFrame(_ stack: CompiledStack, _ index: Int) throws(EvaluationFailure)
    -> DecisionOutcome
  {
    var inputs = StackInputs()
    // The pool: awards, some perhaps only possibly in it.
    var pool: [(award: Int, uncertain: Bool)] = []
    if let poolCode = stack.pool {
      guard case .list(let list) = try poolCode.code(self) else {
        return DecisionOutcome(status: .undetermined)
      }
      pool.reserveCapacity(list.count)
      for (position, element) in list.elements.enumerated() {
        guard case .record(.award(let award)) = element else { continue }
        pool.append((Int(award), list.isUncertain(position)))
      }
    } else {
      pool = learner.awards.indices.map { ($0, false) }
    }
    try step(pool.count, at: stack.span)
    // One buffer each, sized once: most pools are small and growing them cost more than this.
    inputs.items.reserveCapacity(pool.count)
    for (award, uncertain) in pool {
      let code = learner.awards[award].credential.code
      let position =
        inputs.position(of: code)
        ?? inputs.add(
          PoolItem(
            code: code, credits: learner.awards[award].credential.credits,
            rank: Int(learner.awards[award].awardedOn?.dayNumber ?? Int32.max)))
      inputs.items[position].add(award, uncertain: uncertain)
      if uncertain { inputs.uncertainAwards.append(award) }
    }
    // Nested stacks first: their awards join the pool, kept by them.
    try collectNested(stack.requirements, &inputs)

    var top: [Requirement] = []
    top.reserveCapacity(stack.requirements.count)
    for requirement in stack.requirements {
      top.append(try buildRequirement(requirement, pool, atTop: true, &inputs))
    }

    var items: [AllocationItem] = []
    items.reserveCapacity(inputs.items.count + inputs.nestedItems.count)
    let nests = !inputs.nestedItems.isEmpty
    for item in inputs.items where !nests || inputs.nestedItems[item.code] == nil {
      items.append(
        AllocationItem(
          code: item.code, credits: item.credits,
          awardIDs: item.awards.map { learner.awards[$0].id },
          inPool: item.isCertain ? .true : .unknown, rank: item.rank))
    }
    for (code, nested) in inputs.nestedItems.sorted(by: { $0.key < $1.key }) {
      let rank = nested.awards.compactMap { learner.awards[$0].awardedOn?.dayNumber }.min()
      items.append(
        AllocationItem(
          code: code, credits: nested.credits,
          awardIDs: nested.awards.map { learner.awards[$0].id }, inPool: .true,
          rank: Int(rank ?? Int32.max)))
    }

    let allocation = allocate(stack: index, top, items)
    let status: DecisionStatus
    var undetermined: UndeterminedReason?
    switch allocation.status {
    case .achieved: status = .achieved
    case .notAchieved: status = .notAchieved
    case .undetermined(let reason):
      status = .undetermined
      undetermined = reason
    }

    var codes = StackCodes()
    codes.reserveCapacity(inputs.items.count + inputs.nestedItems.count)
    for item in inputs.items {
      codes.append(.init(code: item.code, credits: item.credits, awards: item.awards))
    }
    for (code, nested) in inputs.nestedItems {
      codes.set(.init(code: code, credits: nested.credits, awards: nested.awards))
    }
    // Earliest award first, as the records are listed.
    // The stack uses few codes: finding each one's rank by a linear search costs less than
    // a dictionary of every item's.
    func rankOf(_ code: String) -> Int { items.first { $0.code == code }?.rank ?? .max }
    let used = allocation.usedCodes.sorted { left, right in
      let (a, b) = (rankOf(left), rankOf(right))
      return a != b ? a < b : left < right
    }
    var usedAwards: [Value] = []
    usedAwards.reserveCapacity(used.count)
    var totalCredits: ExactDecimal? = .zero
    for code in used {
      if let award = codes.awards(of: code)?.first {
        usedAwards.append(.record(.award(Int32(award))))
      }
      if let value = codes.credits(of: code), let sum = totalCredits {
        totalCredits = try? sum + (value.isNegative ? .zero : value)
      } else {
        totalCredits = nil
      }
    }
    let detail = StackDetail(
      allocation: allocation, undetermined: undetermined, uncertainAwards: inputs.uncertainAwards,
      uncertainEligibility: inputs.uncertainEligibility, usedCodes: used,
      codes: codes)
    let missing =
      status == .achieved
      ? [] : missingTexts(stack.requirements, allocation.root.children, detail)
    return DecisionOutcome(
      status: status, credits: totalCredits.map(Value.number) ?? .unknown,
      used: .list(ValueList(usedAwards)), missing: .list(ValueList(missing.map(Value.text))),
      detail: .stack(detail))
  }

  /// The allocation of `items` to the requirements, through ``allocationMemo``.
  private func allocate(stack: Int, _ top: [Requirement], _ items: [AllocationItem])
    -> Allocation
  {
    // A tree whose claims cannot compete needs neither a search nor the memo.
    if let direct = Allocator.allocateDirectly(top, pool: items) { return direct }
    let options = AllocationOptions(
      searchNodeLimit: self.options.allocationSearchNodes, reportsClosest: true)
    guard self.options.memoisesAllocations else {
      return Allocator.allocate(.allOf(top), pool: items, options: options)
    }
    return allocationMemo.allocation(
      stack: stack, nodeLimit: options.searchNodeLimit, top, items
    ) { requirement, pool in
      Allocator.allocate(requirement, pool: pool, options: options)
    }
  }

  /// Decides every nested stack of the tree and records the awards each keeps.
  private func collectNested(_ requirements: [CompiledRequirement], _ inputs: inout StackInputs)
    throws(EvaluationFailure)
  {
    for requirement in requirements {
      switch requirement.kind {
      case .group(_, let children):
        try collectNested(children, &inputs)
      case .nested(let index):
        let outcome = stackOutcome(index)
        if outcome.status == .error {
          throw outcome.failure
            ?? EvaluationFailure(
              "a stack this one builds on could not be decided", at: requirement.span)
        }
        inputs.nestedOutcomes[index] = outcome
        guard case .stack(let detail) = outcome.detail else { continue }
        for code in detail.usedCodes {
          inputs.nestedItems[code] = (
            detail.codes.credits(of: code), detail.codes.awards(of: code) ?? []
          )
        }
      default:
        continue
      }
    }
  }

  /// The requirement as the allocation sees it.
  private func buildRequirement(
    _ requirement: CompiledRequirement, _ pool: [(award: Int, uncertain: Bool)], atTop: Bool,
    _ inputs: inout StackInputs
  ) throws(EvaluationFailure) -> Requirement {
    switch requirement.kind {
    case .group(let quantifier, let children):
      var built: [Requirement] = []
      for child in children {
        built.append(try buildRequirement(child, pool, atTop: false, &inputs))
      }
      switch quantifier {
      case .all: return .allOf(built)
      case .any: return .anyOf(built)
      case .atLeast(let count):
        guard let k = try wholeCount(count) else { return .condition(.unknown) }
        return .atLeast(k, of: built)
      }
    case .codes(let quantifier, let list):
      guard case .list(let codes) = try list.code(self), !codes.hasUncertain else {
        return .condition(.unknown)
      }
      let texts = codes.elements.compactMap { if case .text(let t) = $0 { t } else { nil } }
      guard texts.count == codes.count else { return .condition(.unknown) }
      switch quantifier {
      case .all: return .allOfCodes(texts)
      case .any: return .anyOfCodes(texts)
      case .atLeast(let count):
        guard let k = try wholeCount(count) else { return .condition(.unknown) }
        return .codes(atLeast: k, of: texts)
      }
    case .count(let minimum, let unit, let filter):
      guard case .number(let need) = try minimum.code(self) else { return .condition(.unknown) }
      guard let filter else {
        if atTop {
          // A total over everything the stack uses (docs/decisions.md, "Stack totals").
          return unit == .credits ? .totalCredits(need) : .totalCredentials(Self.ceilingCount(need))
        }
        // Inside a block a count claims, from the whole pool (its codes in first-award order).
        let all = EligibleCodes(inputs.items.map(\.code))
        return unit == .credits
          ? .credits(need, among: all) : .credentials(Self.ceilingCount(need), among: all)
      }
      var certain: [String] = []
      var possible: [String] = []
      var unsure: [Int] = []
      for (award, _) in pool {
        setLocal(filter.slot, .record(.award(Int32(award))))
        let truth = try filter.condition.code(self).truth
        let code = learner.awards[award].credential.code
        switch truth {
        case .true: if !certain.contains(code) { certain.append(code) }
        case .unknown:
          unsure.append(award)
          if !possible.contains(code) { possible.append(code) }
        case .false: continue
        }
      }
      possible.removeAll { certain.contains($0) }
      if !unsure.isEmpty { inputs.uncertainEligibility[ObjectIdentifier(requirement)] = unsure }
      let eligible = EligibleCodes(certain, uncertain: possible)
      switch unit {
      case .credentials: return .credentials(Self.ceilingCount(need), among: eligible)
      case .credits: return .credits(need, among: eligible)
      }
    case .nested(let index):
      guard let outcome = inputs.nestedOutcomes[index] else { return .condition(.unknown) }
      let achieved: Truth =
        switch outcome.status {
        case .achieved: .true
        case .undetermined: .unknown
        default: .false
        }
      var kept: [String] = []
      if case .stack(let detail) = outcome.detail { kept = detail.usedCodes }
      return .nestedStack(achieved: achieved, items: kept)
    case .condition(let condition):
      return .condition(try condition.code(self).truth)
    }
  }

  /// A count from a Number: whole and not negative, or nil when unknown.
  private func wholeCount(_ expr: CompiledExpr) throws(EvaluationFailure) -> Int? {
    guard case .number(let value) = try expr.code(self) else { return nil }
    return Self.ceilingCount(value)
  }

  /// The least whole count that is at least `value` (0 for negatives), capped far above any
  /// realistic requirement.
  static func ceilingCount(_ value: ExactDecimal) -> Int {
    guard !value.isNegative else { return 0 }
    guard let rounded = try? value.rounded(scale: 0, rule: .ceiling), let count = rounded.intValue
    else { return Int(Int32.max) }
    return min(count, Int(Int32.max))
  }
}

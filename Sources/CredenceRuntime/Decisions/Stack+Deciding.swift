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
  /// Totals (`at least N credits` without `where`): need and have, by requirement.
  var totals: [ObjectIdentifier: TotalInfo]
  /// Awards whose `where` condition is unknown, by requirement.
  var uncertainEligibility: [ObjectIdentifier: [Int]]
  /// The codes used, in order: allocated first, then those added to reach the totals.
  var usedCodes: [String]
  /// The awards behind each code the stack may use (pool awards, certain first; the awards a
  /// nested stack keeps).
  var awardsByCode: [String: [Int]]
  /// Each code's credits.
  var credits: [String: ExactDecimal?]
  /// Codes added to the allocation to reach the totals.
  var filled: [String]
}

/// A total's need and what the certain pool holds.
struct TotalInfo: Sendable {
  var unit: CountUnit
  var need: ExactDecimal
  /// Distinct credentials or known credits available for certain.
  var have: ExactDecimal
  var truth: Truth
}

/// One distinct credential of a stack's pool.
private struct PoolItem {
  var code: String
  var credits: ExactDecimal?
  var certainAwards: [Int] = []
  var uncertainAwards: [Int] = []
  var isCertain: Bool { !certainAwards.isEmpty }
}

/// The two readings of a stack's input: only what is certain, and everything possible.
private struct StackInputs {
  var items: [String: PoolItem] = [:]
  /// Codes in first-award order.
  var order: [String] = []
  var nestedItems: [String: (credits: ExactDecimal?, awards: [Int])] = [:]
  var nestedOutcomes: [Int: DecisionOutcome] = [:]
  var totals: [ObjectIdentifier: TotalInfo] = [:]
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
        try m.decideStackInFrame(stack)
      }
    } catch {
      return DecisionOutcome(status: .error, failure: error)
    }
  }

  private func decideStackInFrame(_ stack: CompiledStack) throws(EvaluationFailure)
    -> DecisionOutcome
  {
    var inputs = StackInputs()
    // The pool: awards, some perhaps only possibly in it.
    var pool: [(award: Int, uncertain: Bool)] = []
    if let poolCode = stack.pool {
      guard case .list(let list) = try poolCode.code(self) else {
        return DecisionOutcome(status: .undetermined)
      }
      for (position, element) in list.elements.enumerated() {
        guard case .record(.award(let award)) = element else { continue }
        pool.append((Int(award), list.isUncertain(position)))
      }
    } else {
      pool = learner.awards.indices.map { ($0, false) }
    }
    for (award, uncertain) in pool {
      let credential = learner.awards[award].credential
      if inputs.items[credential.code] == nil {
        inputs.items[credential.code] = PoolItem(code: credential.code, credits: credential.credits)
        inputs.order.append(credential.code)
      }
      if uncertain {
        inputs.items[credential.code]?.uncertainAwards.append(award)
        inputs.uncertainAwards.append(award)
      } else {
        inputs.items[credential.code]?.certainAwards.append(award)
      }
    }
    // Nested stacks first: totals count the awards they keep.
    try collectNested(stack.requirements, &inputs)

    var certainTop: [Requirement] = []
    var possibleTop: [Requirement] = []
    for requirement in stack.requirements {
      let (certain, possible) = try buildRequirement(requirement, pool, &inputs)
      certainTop.append(certain)
      possibleTop.append(possible)
    }

    func allocationPool(includeUncertain: Bool) -> [AllocationItem] {
      var result: [AllocationItem] = []
      for code in inputs.order {
        guard let item = inputs.items[code], inputs.nestedItems[code] == nil,
          includeUncertain || item.isCertain
        else { continue }
        let awards = item.certainAwards + (includeUncertain ? item.uncertainAwards : [])
        result.append(
          AllocationItem(
            code: code, credits: item.credits, awardIDs: awards.map { learner.awards[$0].id }))
      }
      for (code, nested) in inputs.nestedItems.sorted(by: { $0.key < $1.key }) {
        result.append(
          AllocationItem(
            code: code, credits: nested.credits,
            awardIDs: nested.awards.map { learner.awards[$0].id }))
      }
      return result
    }

    let allocationOptions = AllocationOptions(
      searchNodeLimit: options.allocationSearchNodes, reportsClosest: true)
    let certainPool = allocationPool(includeUncertain: false)
    let certain = Allocator.allocate(.allOf(certainTop), pool: certainPool, options: allocationOptions)
    var status: DecisionStatus
    var undetermined: UndeterminedReason?
    switch certain.status {
    case .achieved:
      status = .achieved
    case .notAchieved, .undetermined:
      let possiblePool = allocationPool(includeUncertain: true)
      if possibleTop == certainTop && possiblePool == certainPool {
        if case .undetermined(let reason) = certain.status {
          status = .undetermined
          undetermined = reason
        } else {
          status = .notAchieved
        }
      } else {
        let possible = Allocator.allocate(
          .allOf(possibleTop), pool: possiblePool, options: allocationOptions)
        switch possible.status {
        case .notAchieved:
          status = .notAchieved
        case .undetermined(.searchLimit):
          status = .undetermined
          undetermined = .searchLimit
        case .undetermined(let reason):
          status = .undetermined
          if case .undetermined(let first) = certain.status { undetermined = first } else {
            undetermined = reason
          }
        case .achieved:
          status = .undetermined
          if case .undetermined(let first) = certain.status { undetermined = first } else {
            undetermined = .unknownValues
          }
        }
      }
    }

    // What the stack uses: the allocation's codes, then more to reach the totals.
    var awardsByCode: [String: [Int]] = [:]
    var credits: [String: ExactDecimal?] = [:]
    for (code, item) in inputs.items {
      awardsByCode[code] = item.certainAwards + item.uncertainAwards
      credits[code] = item.credits
    }
    for (code, nested) in inputs.nestedItems {
      awardsByCode[code] = nested.awards
      credits[code] = nested.credits
    }
    var used = certain.usedCodes
    var filled: [String] = []
    fillTotals(stack.requirements, inputs, &used, &filled)

    var usedAwards: [Value] = []
    var totalCredits: ExactDecimal? = .zero
    for code in used {
      if let award = awardsByCode[code]?.first { usedAwards.append(.record(.award(Int32(award)))) }
      if let value = credits[code] ?? nil, let sum = totalCredits {
        totalCredits = try? sum + (value.isNegative ? .zero : value)
      } else {
        totalCredits = nil
      }
    }
    let detail = StackDetail(
      allocation: certain, undetermined: undetermined, uncertainAwards: inputs.uncertainAwards,
      totals: inputs.totals, uncertainEligibility: inputs.uncertainEligibility, usedCodes: used,
      awardsByCode: awardsByCode, credits: credits, filled: filled)
    let missing =
      status == .achieved
      ? [] : missingTexts(stack.requirements, certain.root.children, detail, inputs.nestedOutcomes)
    return DecisionOutcome(
      status: status, credits: totalCredits.map(Value.number) ?? .unknown,
      used: .list(ValueList(usedAwards)), missing: .list(ValueList(missing.map(Value.text))),
      detail: .stack(detail))
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
            ?? EvaluationFailure("a stack this one builds on could not be decided", at: requirement.span)
        }
        inputs.nestedOutcomes[index] = outcome
        guard case .stack(let detail) = outcome.detail else { continue }
        for code in detail.usedCodes {
          inputs.nestedItems[code] = (detail.credits[code] ?? nil, detail.awardsByCode[code] ?? [])
        }
      default:
        continue
      }
    }
  }

  /// The requirement as the allocation sees it, under the certain and the possible reading.
  private func buildRequirement(
    _ requirement: CompiledRequirement, _ pool: [(award: Int, uncertain: Bool)],
    _ inputs: inout StackInputs
  ) throws(EvaluationFailure) -> (Requirement, Requirement) {
    let unknown: (Requirement, Requirement) = (.condition(.unknown), .condition(.unknown))
    switch requirement.kind {
    case .group(let quantifier, let children):
      var certain: [Requirement] = []
      var possible: [Requirement] = []
      for child in children {
        let (c, p) = try buildRequirement(child, pool, &inputs)
        certain.append(c)
        possible.append(p)
      }
      switch quantifier {
      case .all: return (.allOf(certain), .allOf(possible))
      case .any: return (.anyOf(certain), .anyOf(possible))
      case .atLeast(let count):
        guard let k = try wholeCount(count) else { return unknown }
        return (.atLeast(k, of: certain), .atLeast(k, of: possible))
      }
    case .codes(let quantifier, let list):
      guard case .list(let codes) = try list.code(self), !codes.hasUncertain else { return unknown }
      let texts = codes.elements.compactMap { if case .text(let t) = $0 { t } else { nil } }
      guard texts.count == codes.count else { return unknown }
      let leaf: Requirement
      switch quantifier {
      case .all: leaf = .allOfCodes(texts)
      case .any: leaf = .anyOfCodes(texts)
      case .atLeast(let count):
        guard let k = try wholeCount(count) else { return unknown }
        leaf = .codes(atLeast: k, of: texts)
      }
      return (leaf, leaf)
    case .count(let minimum, let unit, let filter):
      guard case .number(let need) = try minimum.code(self) else { return unknown }
      guard let filter else {
        return total(requirement, unit: unit, need: need, &inputs)
      }
      var certainCodes: [String] = []
      var possibleCodes: [String] = []
      var unsure: [Int] = []
      for (award, uncertain) in pool {
        setLocal(filter.slot, .record(.award(Int32(award))))
        let truth = try filter.condition.code(self).truth
        let code = learner.awards[award].credential.code
        if truth == .false { continue }
        if truth == .true && !uncertain {
          certainCodes.append(code)
        } else if truth == .unknown {
          unsure.append(award)
        }
        possibleCodes.append(code)
      }
      if !unsure.isEmpty { inputs.uncertainEligibility[ObjectIdentifier(requirement)] = unsure }
      switch unit {
      case .credentials:
        let n = Self.ceilingCount(need)
        return (.credentials(n, among: certainCodes), .credentials(n, among: possibleCodes))
      case .credits:
        return (.credits(need, among: certainCodes), .credits(need, among: possibleCodes))
      }
    case .nested(let index):
      guard let outcome = inputs.nestedOutcomes[index] else { return unknown }
      let achieved: Truth =
        switch outcome.status {
        case .achieved: .true
        case .undetermined: .unknown
        default: .false
        }
      var kept: [String] = []
      if case .stack(let detail) = outcome.detail { kept = detail.usedCodes }
      let leaf = Requirement.nestedStack(achieved: achieved, items: kept)
      return (leaf, leaf)
    case .condition(let condition):
      let leaf = Requirement.condition(try condition.code(self).truth)
      return (leaf, leaf)
    }
  }

  /// A total: every award the stack may use counts, including those other requirements
  /// claim, so it holds exactly when the pool (and the nested stacks' awards) reach it.
  private func total(
    _ requirement: CompiledRequirement, unit: CountUnit, need: ExactDecimal,
    _ inputs: inout StackInputs
  ) -> (Requirement, Requirement) {
    func reading(includeUncertain: Bool) -> (have: ExactDecimal, truth: Truth) {
      var codes = Set<String>()
      var sum = ExactDecimal.zero
      var unknownCredits = false
      func add(_ code: String, _ credits: ExactDecimal?) {
        guard codes.insert(code).inserted else { return }
        guard let credits else {
          unknownCredits = true
          return
        }
        if !credits.isNegative, let next = try? sum + credits { sum = next }
      }
      for code in inputs.order {
        guard let item = inputs.items[code], includeUncertain || item.isCertain else { continue }
        add(code, item.credits)
      }
      for (code, nested) in inputs.nestedItems { add(code, nested.credits) }
      switch unit {
      case .credentials:
        let have = ExactDecimal(codes.count)
        return (have, Truth(have >= need))
      case .credits:
        if sum >= need { return (sum, .true) }
        return (sum, unknownCredits ? .unknown : .false)
      }
    }
    let certain = reading(includeUncertain: false)
    let possible = reading(includeUncertain: true)
    inputs.totals[ObjectIdentifier(requirement)] = TotalInfo(
      unit: unit, need: need, have: certain.have, truth: certain.truth)
    return (.condition(certain.truth), .condition(possible.truth))
  }

  /// Adds certain pool codes to `used` until every total is reached: largest credits first
  /// for credit totals, earliest awards first for credential counts.
  private func fillTotals(
    _ requirements: [CompiledRequirement], _ inputs: StackInputs, _ used: inout [String],
    _ filled: inout [String]
  ) {
    for requirement in requirements {
      switch requirement.kind {
      case .group(_, let children):
        fillTotals(children, inputs, &used, &filled)
      case .count(_, let unit, nil):
        guard let total = inputs.totals[ObjectIdentifier(requirement)] else { continue }
        var usedSet = Set(used)
        func currentCredits() -> ExactDecimal {
          var sum = ExactDecimal.zero
          for code in usedSet {
            let credits = inputs.items[code]?.credits ?? inputs.nestedItems[code]?.credits ?? nil
            if let credits, !credits.isNegative, let next = try? sum + credits { sum = next }
          }
          return sum
        }
        var candidates = inputs.order.filter { code in
          !usedSet.contains(code) && (inputs.items[code]?.isCertain ?? false)
        }
        if unit == .credits {
          candidates = candidates.enumerated().sorted { left, right in
            let a = inputs.items[left.element]?.credits ?? nil ?? .zero
            let b = inputs.items[right.element]?.credits ?? nil ?? .zero
            return a != b ? a > b : left.offset < right.offset
          }.map(\.element)
        }
        for code in candidates {
          let reached =
            unit == .credentials
            ? ExactDecimal(usedSet.count) >= total.need : currentCredits() >= total.need
          if reached { break }
          if unit == .credits, (inputs.items[code]?.credits ?? nil) == nil { continue }
          used.append(code)
          filled.append(code)
          usedSet.insert(code)
        }
      default:
        continue
      }
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

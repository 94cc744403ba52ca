import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// The reasons a result gives for being undetermined, found in a side pass
  /// (``sidePass(_:)``) so that finding them cannot change this or any later result; a pass
  /// that runs out of its budget says so in a last reason.
  func reasons(for decision: DecisionID, _ outcome: DecisionOutcome) -> [String] {
    guard outcome.status == .undetermined else { return [] }
    return sidePass { m in
      var reasons = m.undeterminedReasons(of: decision, outcome)
      if m.sidePassExhausted { reasons.append(m.sidePassLimitText) }
      return reasons
    }
  }

  /// Why an undetermined per-learner decision is undetermined: the missing facts.
  func undeterminedReasons(of decision: DecisionID, _ outcome: DecisionOutcome) -> [String] {
    guard outcome.status == .undetermined else { return [] }
    switch decision {
    case .fund(let id): return fundReasons(id.index, outcome)
    case .stack(let id): return stackReasons(id.index, outcome)
    case .equivalence(let id): return equivalenceReasons(id.index, outcome)
    }
  }

  /// Runs `body` in a fund's frame set up as its decision had it (enrolment and rate bound).
  func inFundFrame<T>(_ index: Int, _ detail: FundDetail?, _ body: (Machine) -> T) -> T? {
    let fund = program.funds[index]
    return try? inFrame(fund.localCount) { m throws(EvaluationFailure) in
      if let perEnrolment = fund.perEnrolment, let enrolment = detail?.enrolment {
        m.setLocal(perEnrolment.binder, .record(.enrolment(Int32(enrolment))))
      }
      if let slot = fund.rateSlot, let rate = fund.rate {
        m.setLocal(slot, detail?.rate ?? m.tryValue(rate) ?? .unknown)
      }
      return body(m)
    }
  }

  func fundReasons(_ index: Int, _ outcome: DecisionOutcome) -> [String] {
    if case .unknownEnrolment = outcome.detail { return ["the enrolment's id is unknown"] }
    guard case .fund(let detail) = outcome.detail else { return [] }
    let fund = program.funds[index]
    return inFundFrame(index, detail) { m in
      var reasons: [String] = []
      if detail.isClaim == .unknown, let filter = fund.perEnrolment?.filter {
        m.collectUnknowns(filter, depth: 0, &reasons)
      }
      for condition in fund.conditions where m.tryValue(condition.expression)?.isUnknown ?? false {
        var inner: [String] = []
        m.collectUnknowns(condition.expression, depth: 0, &inner)
        reasons += inner.filter { !reasons.contains($0) }
      }
      if reasons.isEmpty {
        for clause in [fund.rate, fund.amount].compactMap({ $0 })
        where m.tryValue(clause)?.isUnknown ?? false {
          m.collectUnknowns(clause, depth: 0, &reasons)
        }
      }
      return Array(reasons.prefix(Self.maximumReasons))
    } ?? []
  }

  func stackReasons(_ index: Int, _ outcome: DecisionOutcome) -> [String] {
    guard case .stack(let detail) = outcome.detail else { return [] }
    let stack = program.stacks[index]
    if let reason = detail.undetermined, let text = Self.limitText(reason) { return [text] }
    return
      (try? inFrame(stack.localCount) { m throws(EvaluationFailure) in
        var reasons: [String] = []
        if let pool = stack.pool, !detail.uncertainAwards.isEmpty {
          m.collectPoolUnknowns(pool, uncertain: detail.uncertainAwards, &reasons)
        }
        m.requirementReasons(stack.requirements, detail, &reasons)
        if reasons.isEmpty {
          for award in detail.uncertainAwards {
            reasons.append("whether \(m.describeAward(award)) counts is unknown")
          }
        }
        return Array(reasons.prefix(Self.maximumReasons))
      }) ?? []
  }

  private func requirementReasons(
    _ requirements: [CompiledRequirement], _ detail: StackDetail, _ reasons: inout [String]
  ) {
    for requirement in requirements {
      switch requirement.kind {
      case .group(let quantifier, let children):
        if case .atLeast(let count) = quantifier, tryValue(count)?.isUnknown ?? false {
          collectUnknowns(count, depth: 0, &reasons)
        }
        requirementReasons(children, detail, &reasons)
      case .codes(_, let list):
        if tryValue(list)?.isUnknown ?? false { collectUnknowns(list, depth: 0, &reasons) }
      case .count(let minimum, let unit, let filter):
        if tryValue(minimum)?.isUnknown ?? false { collectUnknowns(minimum, depth: 0, &reasons) }
        if let filter, let unsure = detail.uncertainEligibility[ObjectIdentifier(requirement)] {
          for award in unsure {
            setLocal(filter.slot, .record(.award(Int32(award))))
            var inner: [String] = []
            collectUnknowns(filter.condition, depth: 0, &inner)
            if inner.isEmpty { inner = ["whether \(describeAward(award)) counts is unknown"] }
            for reason in inner where !reasons.contains(reason) { reasons.append(reason) }
          }
        }
        _ = unit
      case .nested(let nested):
        let outcome = stackOutcome(nested)
        if outcome.status == .undetermined {
          for reason in stackReasons(nested, outcome) where !reasons.contains(reason) {
            reasons.append(reason)
          }
        }
      case .condition(let condition):
        if tryValue(condition)?.isUnknown ?? false {
          collectUnknowns(condition, depth: 0, &reasons)
        }
      }
    }
    // Credit requirements with `where` whose awards lack credits.
    for code in detail.allocation.root.unknownCreditCodesDeep {
      let reason = "the credits of credential \(code) are not recorded"
      if !reasons.contains(reason) { reasons.append(reason) }
    }
  }

  func equivalenceReasons(_ index: Int, _ outcome: DecisionOutcome) -> [String] {
    guard case .equivalence(let detail) = outcome.detail else { return [] }
    let equivalence = program.equivalences[index]
    if let reason = detail.undetermined, let text = Self.limitText(reason) { return [text] }
    return
      (try? inFrame(equivalence.localCount) { m throws(EvaluationFailure) in
        var reasons: [String] = []
        // Unknown caps first: they alone leave every credit count open.
        for cap in equivalence.caps where m.tryValue(cap.limit)?.isUnknown ?? false {
          m.collectUnknowns(cap.limit, depth: 0, &reasons)
        }
        if let pool = equivalence.pool, detail.pool.contains(where: \.uncertain) {
          let uncertain = detail.pool.filter(\.uncertain).map(\.award)
          m.collectPoolUnknowns(pool, uncertain: uncertain, &reasons)
        }
        for option in detail.options where option.uncertain {
          let rule = equivalence.rules[option.rule]
          if case .each(let slot, let condition) = rule.source, let award = option.awards.first {
            m.setLocal(slot, .record(.award(Int32(award))))
            if m.tryValue(condition)?.isUnknown ?? false {
              m.collectUnknowns(condition, depth: 0, &reasons)
            }
            if m.tryValue(rule.credits)?.isUnknown ?? false {
              m.collectUnknowns(rule.credits, depth: 0, &reasons)
            }
          } else if option.credits == nil {
            m.collectUnknowns(rule.credits, depth: 0, &reasons)
          }
        }
        return Array(reasons.prefix(Self.maximumReasons))
      }) ?? []
  }

  /// The words for an answer a limit left open.
  static func limitText(_ reason: UndeterminedReason) -> String? {
    switch reason {
    case .unknownValues: nil
    case .searchLimit:
      "the awards can be combined in too many ways to decide within the search limit"
    case .poolTooLarge:
      "the learner has too many awards to consider (more than "
        + "\(AllocationLimits.maximumPoolSize) credentials for a stack, "
        + "\(EvaluationLimits.maximumEquivalenceOptions) ways to count them for an equivalence)"
    case .tooManyRequirements:
      "the rule has more than \(AllocationLimits.maximumRequirements) requirements"
    case .creditsOutOfRange:
      "a credit value is beyond the range the allocation can add up exactly"
    }
  }
}

extension RequirementOutcome {
  /// Codes with unknown credits anywhere in the tree.
  var unknownCreditCodesDeep: [String] {
    unknownCreditCodes + children.flatMap(\.unknownCreditCodesDeep)
  }
}

import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// How deep an explanation follows nested stacks.
  static let maximumNestedExplanations = 4

  /// The explanation of a per-learner decision, or of a claim (`enrolment` given), made from
  /// what its evaluation recorded (its outcome's detail, the memoised values it read).
  ///
  /// Whatever it has to compute besides (the values a comparison compared, the facts behind
  /// an unknown, conditions after the first false one) is computed in a side pass
  /// (``sidePass(_:)``), on a budget of its own and forgotten afterwards, so explaining
  /// cannot change this or any later result. A side pass that runs out of its budget says
  /// so in a last line.
  func explain(_ decision: DecisionID, _ outcome: DecisionOutcome, enrolment: Int? = nil)
    -> Explanation
  {
    sidePass { m in
      var explanation = m.explanation(of: decision, outcome, enrolment: enrolment, depth: 0)
      if m.sidePassExhausted {
        explanation.children.append(Explanation(.info, m.sidePassLimitText))
      }
      return explanation
    }
  }

  /// ``explain(_:_:enrolment:)`` inside its side pass; `depth` counts nested stacks.
  private func explanation(
    of decision: DecisionID, _ outcome: DecisionOutcome, enrolment: Int?, depth: Int
  ) -> Explanation {
    let title: String
    let policy: Int
    let documentation: [String]
    switch decision {
    case .stack(let id):
      (title, policy) = (program.stacks[id.index].title, program.stacks[id.index].policy)
      documentation = program.checked[id].documentation
    case .fund(let id):
      (title, policy) = (program.funds[id.index].title, program.funds[id.index].policy)
      documentation = program.checked[id].documentation
    case .equivalence(let id):
      (title, policy) = (
        program.equivalences[id.index].title, program.equivalences[id.index].policy
      )
      documentation = program.checked[id].documentation
    }
    var heading = title
    if let enrolment {
      let row = learner.enrolments[enrolment]
      heading += ", enrolment \(row.id) (\(row.credential.code))"
    }
    heading += ": " + outcome.status.rawValue + summary(outcome)
    let mark = Self.mark(of: outcome.status)
    // The author's `##` words about the rule come first; a nested stack's are left to its
    // own explanation, so the tree stays about the decision asked for.
    let about =
      depth == 0 && !documentation.isEmpty
      ? [Explanation(.info, documentation.joined(separator: " "))] : []
    func explained(_ children: [Explanation]) -> Explanation {
      Explanation(mark, heading, about + children)
    }
    switch outcome.status {
    case .notInEffect:
      return explained([Explanation(.info, inEffectText(policy))])
    case .error:
      let reason = outcome.failure.map(describe) ?? "the decision could not be made"
      return explained([Explanation(.error, reason)])
    default:
      break
    }
    switch (decision, outcome.detail) {
    case (.fund(let id), _):
      return explained(explainFund(id.index, outcome))
    case (.stack(let id), .stack(let detail)):
      return explained(explainStack(id.index, outcome, detail, depth: depth))
    case (.equivalence(let id), .equivalence(let detail)):
      return explained(explainEquivalence(id.index, outcome, detail))
    default:
      return explained(undeterminedReasons(of: decision, outcome).map { Explanation(.unknown, $0) })
    }
  }

  static func mark(of status: DecisionStatus) -> Explanation.Mark {
    switch status {
    case .eligible, .achieved: .held
    case .ineligible, .notAchieved: .failed
    case .undetermined: .unknown
    case .notInEffect: .info
    case .error: .error
    }
  }

  /// `, 500 SGD at 90%`, `, 12 credits`.
  private func summary(_ outcome: DecisionOutcome) -> String {
    var parts: [String] = []
    if case .money(let amount) = outcome.amount, outcome.status == .eligible {
      parts.append(Self.describe(amount))
    }
    if case .percent(let rate) = outcome.rate, outcome.status == .eligible {
      parts.append(parts.isEmpty ? "at \(rate)%" : "at \(rate)%")
    }
    if case .number(let credits) = outcome.credits {
      parts.append(Self.creditsText(credits))
    }
    return parts.isEmpty ? "" : ", " + parts.joined(separator: " ")
  }

  private func inEffectText(_ policy: Int) -> String {
    let dates = program.policies[policy]
    var range = ""
    if let effective = dates.effective { range += "from \(effective)" }
    if let until = dates.until { range += (range.isEmpty ? "" : " ") + "until \(until)" }
    return "the policy \"\(dates.title)\" is in force \(range), not on \(asOf)"
  }

  // MARK: Funds

  private func explainFund(_ index: Int, _ outcome: DecisionOutcome) -> [Explanation] {
    let fund = program.funds[index]
    switch outcome.detail {
    case .noSuchEnrolment(let id):
      return [Explanation(.failed, "the learner has no enrolment \(id)")]
    case .unknownEnrolment:
      return [Explanation(.unknown, "the enrolment's id is unknown")]
    default:
      break
    }
    guard case .fund(let detail) = outcome.detail else { return [] }
    return inFundFrame(index, detail) { m in
      var lines: [Explanation] = []
      if let filter = fund.perEnrolment?.filter, detail.isClaim != .true {
        let claim = m.explainCondition(
          filter, label: "a claim under this fund", value: Value(detail.isClaim))
        lines.append(claim)
        if detail.isClaim == .false { return lines }
      }
      // Conditions after the first false one were not evaluated by the decision: the side
      // pass evaluates them, so the explanation still lists every condition.
      for (position, condition) in fund.conditions.enumerated() {
        let recorded = detail.conditionValues.indices.contains(position)
        lines.append(
          m.explainCondition(
            condition.expression, label: condition.because,
            value: recorded ? detail.conditionValues[position] : nil))
      }
      if outcome.status == .eligible || outcome.status == .undetermined {
        // An eligible fund's rate and amount are in its outcome.
        let eligible = outcome.status == .eligible
        if let rate = fund.rate,
          let value = eligible ? outcome.rate : detail.rate ?? m.tryValue(rate)
        {
          lines.append(
            Explanation(value.isUnknown ? .unknown : .info, "rate: \(m.describe(value))"))
        }
        if let amount = fund.amount, let value = eligible ? outcome.amount : m.tryValue(amount) {
          let formula = m.source(amount)
          let shown = m.describe(value)
          let text = formula == shown ? "amount: \(shown)" : "amount: \(shown) (\(formula))"
          lines.append(Explanation(value.isUnknown ? .unknown : .info, text))
        }
      }
      return lines
    } ?? []
  }

  // MARK: Stacks

  /// A stack's lines, section by section: each requirement as the reported assignment left
  /// it, whether that assignment is proven the closest, why an undetermined stack is so, the
  /// awards used, and for a *not achieved* stack the awards its pool left out. A new section
  /// goes in this order as one more `lines +=`.
  private func explainStack(
    _ index: Int, _ outcome: DecisionOutcome, _ detail: StackDetail, depth: Int
  ) -> [Explanation] {
    let stack = program.stacks[index]
    return
      (try? inFrame(stack.localCount) { m throws(EvaluationFailure) in
        var lines: [Explanation] = []
        for (requirement, result) in zip(stack.requirements, detail.allocation.root.children) {
          lines.append(m.explainRequirement(requirement, result, detail, depth: depth))
        }
        if outcome.status == .notAchieved && !detail.allocation.closestIsExact {
          lines.append(Explanation(.info, Self.closestNotProvenText))
        }
        if let reason = detail.undetermined, let text = Self.limitText(reason) {
          lines.append(Explanation(.unknown, text))
        }
        if outcome.status == .undetermined {
          for reason in m.stackReasons(index, outcome)
          where Self.limitText(detail.undetermined ?? .unknownValues) != reason {
            lines.append(Explanation(.unknown, reason))
          }
        }
        let used = detail.usedCodes.compactMap { detail.codes.awards(of: $0)?.first }
        if !used.isEmpty {
          lines.append(
            Explanation(
              .info, "awards used: " + used.map { m.describeUse($0) }.joined(separator: ", ")))
        }
        if outcome.status == .notAchieved { lines += m.leftOutAwardLines(stack, detail) }
        return lines
      }) ?? []
  }

  private func explainRequirement(
    _ requirement: CompiledRequirement, _ result: RequirementOutcome, _ detail: StackDetail,
    depth: Int
  ) -> Explanation {
    let label = label(of: requirement)
    var mark: Explanation.Mark =
      result.status == .true ? .held : (result.status == .false ? .failed : .unknown)
    var suffix = ""
    if !result.counted && mark != .held { mark = .info }
    var children: [Explanation] = []
    switch requirement.kind {
    case .group(_, let requirements):
      for (child, childResult) in zip(requirements, result.children) {
        children.append(explainRequirement(child, childResult, detail, depth: depth))
      }
    case .codes, .count(_, _, .some):
      var parts: [String] = []
      let awards = result.codes.compactMap { detail.codes.awards(of: $0)?.first }
      if !awards.isEmpty {
        parts.append("uses " + awards.map { describeUse($0) }.joined(separator: ", "))
      }
      if let shortfall = result.shortfall, result.status == .false {
        parts.append("needs " + Self.shortfallText(shortfall))
        if !shortfall.usedElsewhere.isEmpty {
          let serve = shortfall.usedElsewhere.count == 1 ? "serves" : "serve"
          parts.append("\(Self.listed(shortfall.usedElsewhere)) \(serve) another requirement")
        }
      }
      if parts.isEmpty && result.status != .true { parts.append("no award qualifies") }
      suffix = parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
    case .count(_, let unit, nil):
      // A total: what the stack uses altogether.
      var have = ExactDecimal.zero
      for code in result.codes {
        switch unit {
        case .credentials: have = (try? have + .one) ?? have
        case .credits:
          if let credits = detail.codes.credits(of: code), !credits.isNegative {
            have = (try? have + credits) ?? have
          }
        }
      }
      let amount =
        unit == .credentials
        ? "\(have) credential\(have == .one ? "" : "s")" : Self.creditsText(have)
      suffix = ": has \(amount)"
      if let shortfall = result.shortfall, result.status == .false {
        suffix += ", needs " + Self.shortfallText(shortfall)
      }
    case .nested(let index):
      // The nested stack's own explanation stands for the requirement.
      let outcome = stackOutcome(index)
      let nested = explanation(
        of: .stack(StackID(index)), outcome, enrolment: nil, depth: depth + 1)
      let text = requirement.because.map { "\($0): \(nested.text)" } ?? nested.text
      let shown = depth < Self.maximumNestedExplanations ? nested.children : []
      return Explanation(result.counted ? nested.mark : .info, text, shown)
    case .condition(let condition):
      // The allocation recorded the condition's truth as the decision evaluated it.
      let explained = explainCondition(condition, label: label, value: Value(result.status))
      return Explanation(
        result.counted || explained.mark == .held ? explained.mark : .info,
        explained.text, explained.children)
    }
    return Explanation(mark, label + suffix, children)
  }

  // MARK: Equivalences

  private func explainEquivalence(
    _ index: Int, _ outcome: DecisionOutcome, _ detail: EquivalenceDetail
  ) -> [Explanation] {
    let equivalence = program.equivalences[index]
    return
      (try? inFrame(equivalence.localCount) { m throws(EvaluationFailure) in
        var lines: [Explanation] = []
        var usedBy: [Int: Int] = [:]  // award → chosen option
        var grantedTo: [String: Int] = [:]  // module → chosen option
        for choice in detail.chosen {
          let option = detail.options[choice]
          for award in option.awards { usedBy[award] = choice }
          if let target = option.target { grantedTo[target] = choice }
          let awards = option.awards.map { m.describeUse($0) }.joined(separator: " with ")
          let target = option.target.map { "module \($0)" } ?? "an elective"
          let category = option.category.map { " in \"\($0)\"" } ?? ""
          let credits = option.credits.map { Self.creditsText($0) } ?? "unknown credits"
          lines.append(Explanation(.held, "\(awards) counts as \(target)\(category): \(credits)"))
        }
        for category in detail.categories where category.before > category.after {
          let removed = (try? category.before - category.after) ?? .zero
          lines.append(
            Explanation(
              .info,
              "the cap of \(Self.creditsText(category.cap)) in \"\(category.category)\" removed "
                + Self.creditsText(removed)))
        }
        if let cap = detail.totalCap, detail.uncapped > detail.total {
          let removed = (try? detail.uncapped - detail.total) ?? .zero
          lines.append(
            Explanation(
              .info,
              "the cap of \(Self.creditsText(cap)) in all removed \(Self.creditsText(removed))"))
        }
        let inPool = Dictionary(
          detail.pool.map { ($0.award, $0.uncertain) }, uniquingKeysWith: { a, _ in a })
        for award in m.learner.awards.indices where usedBy[award] == nil {
          let what = m.describeAward(award)
          guard let uncertain = inPool[award] else {
            let reason = equivalence.pool.flatMap { m.poolReason($0, award: award) }
            lines.append(
              Explanation(.failed, "\(what): \(reason ?? "not among the awards considered")"))
            continue
          }
          if uncertain {
            let reason = equivalence.pool.flatMap { m.uncertainPoolReason($0, award: award) }
            lines.append(
              Explanation(
                .unknown, "\(what): may count, but \(reason ?? "whether it qualifies is unknown")"))
            continue
          }
          let options = detail.options.indices.filter { detail.options[$0].awards.contains(award) }
          if options.isEmpty {
            lines.append(
              Explanation(.failed, "\(what): \(m.noEquivalenceText(equivalence, award))"))
            continue
          }
          var reason = "already used"
          for option in options {
            if let target = detail.options[option].target, let other = grantedTo[target] {
              let others = detail.options[other].awards.map { m.describeAward($0) }.joined(
                separator: ", ")
              reason = "already used: module \(target) is granted for \(others)"
              break
            }
            if detail.options[option].uncertain {
              reason = "may count, but that depends on something unknown"
            }
          }
          lines.append(
            Explanation(reason.hasPrefix("may") ? .unknown : .failed, "\(what): \(reason)"))
        }
        if outcome.status == .undetermined {
          for reason in m.equivalenceReasons(index, outcome) {
            lines.append(Explanation(.unknown, reason))
          }
        }
        return lines
      }) ?? []
  }

  /// Why an award in the pool matched no rule.
  private func noEquivalenceText(_ equivalence: CompiledEquivalence, _ award: Int) -> String {
    let code = learner.awards[award].credential.code
    for rule in equivalence.rules {
      guard case .allOf(let list) = rule.source, case .list(let codes)? = tryValue(list) else {
        continue
      }
      let texts = codes.elements.compactMap { if case .text(let t) = $0 { t } else { nil } }
      if texts.contains(code) {
        let others = texts.filter { $0 != code }
        return "counts only together with \(others.joined(separator: ", "))"
      }
    }
    return "no equivalence"
  }

  /// Why a learner's award is not in a pool built with `where`: the first condition it fails,
  /// in words ("too old: awarded on 2019-03-01, needs after 2021-07-01").
  func poolReason(_ pool: CompiledExpr, award: Int) -> String? {
    poolConditionText(pool, award: award, truth: .false)
  }

  /// Why an award's place in `pool` is unknown, in words: the missing facts behind the first
  /// pool condition that is unknown for it ("no record of “admitted on”"), or that condition.
  func uncertainPoolReason(_ pool: CompiledExpr, award: Int) -> String? {
    poolConditionText(pool, award: award, truth: .unknown)
  }

  /// The first condition of `pool` with `truth` for `award`, in words.
  private func poolConditionText(_ pool: CompiledExpr, award: Int, truth wanted: Truth) -> String? {
    switch pool.expr.node {
    case .value(let id):
      let definition = program.lets[id.index]
      return
        (try? inFrame(definition.localCount) { m throws(EvaluationFailure) in
          m.poolConditionText(definition.body, award: award, truth: wanted)
        }) ?? nil
    case .filter(_, let element, _):
      guard pool.children.count == 2 else { return nil }
      let source = pool.children[0]
      let record = Value.record(.award(Int32(award)))
      guard case .list(let list)? = tryValue(source) else { return nil }
      guard list.elements.contains(record) else {
        return poolConditionText(source, award: award, truth: wanted)
      }
      setLocal(element.index, record)
      for part in conjuncts(pool.children[1]) {
        let truth = tryValue(part)?.truth ?? .unknown
        setLocal(element.index, record)
        guard truth == wanted else { continue }
        if truth == .false { return failedFilterText(part) }
        let missing = unknownReasons(part)
        setLocal(element.index, record)
        guard missing.isEmpty else { return missing.joined(separator: "; ") }
        return "whether it meets `\(self.source(part))` is unknown"
      }
      return nil
    default:
      return nil
    }
  }

  /// A failed pool condition in a registrar's words.
  private func failedFilterText(_ condition: CompiledExpr) -> String {
    let facts = comparisonFacts(condition, holds: false)
    if case .compare(let comparison, let left, let right) = condition.expr.node {
      let fields = [left, right].compactMap { side -> AwardField? in
        if case .field(_, .award(let field)) = side.node { return field }
        return nil
      }
      if fields.contains(.awardedOn) {
        let old = [.greater, .greaterOrEqual].contains(
          left.node.isAwardField(.awardedOn) ? comparison.op : Self.flipped(comparison.op))
        return (old ? "too old" : "too recent") + (facts.map { ": \($0)" } ?? "")
      }
      if fields.contains(.expiresOn) { return "expired" + (facts.map { ": \($0)" } ?? "") }
      if fields.contains(.grade) { return "grade too low" + (facts.map { ": \($0)" } ?? "") }
    }
    let text = source(condition)
    return "does not meet `\(text)`" + (facts.map { ": \($0)" } ?? "")
  }
}

extension TypedExpr.Node {
  /// Whether this is `….FIELD` of an award.
  func isAwardField(_ field: AwardField) -> Bool {
    if case .field(_, .award(let f)) = self { return f == field }
    return false
  }
}

import CredenceSemantics
import CredenceValues

/// Whether a set of credentials reaches the target.
enum PathwayReach: Sendable, Hashable {
  case achieved
  /// Reached only if unknown facts turn out well: the reasons name them.
  case conditional([String])
  case notReached
  case notInEffect
  case error(String)
}

extension Machine {
  /// Whether the learner the machine was reset for reaches `target`.
  func pathwayReach(_ target: PathwayTarget) -> PathwayReach {
    let decision = target.decision
    let outcome = outcome(of: decision)
    switch outcome.status {
    case .notInEffect: return .notInEffect
    case .error:
      return .error(outcome.failure.map(describe) ?? "the decision could not be made")
    default: break
    }
    switch target {
    case .stack:
      switch outcome.status {
      case .achieved: return .achieved
      case .undetermined: return .conditional(undeterminedReasons(of: decision, outcome))
      default: return .notReached
      }
    case .equivalence(_, let goal):
      if case .number(let credits) = outcome.credits {
        return credits >= goal ? .achieved : .notReached
      }
      if outcome.status == .undetermined {
        return .conditional(undeterminedReasons(of: decision, outcome))
      }
      return .notReached
    }
  }

  /// Whether the learner's award at `award` may pass `screen` (false only when a static
  /// conjunct is false; an unknown or a failure keeps it), in a frame of `frame` locals.
  func pathwayPasses(award: Int, _ screen: PathwayScreen, frame: Int) -> Bool {
    let element = Value.record(.award(Int32(award)))
    for (slot, condition) in screen.conjuncts {
      let value = try? inFrame(frame) { m throws(EvaluationFailure) in
        m.setLocal(slot, element)
        return try condition.code(m)
      }
      if case .bool(false)? = value { return false }
    }
    return true
  }

  /// The requirement of `target` that the award with `awardID` fills, in the policy's words
  /// (the machine reset for a learner who reaches the target).
  func pathwayFill(of awardID: String, code: String, _ target: PathwayTarget) -> String {
    switch target {
    case .stack(let id): return stackFill(code: code, stack: id.index, depth: 0)
    case .equivalence(let id, _):
      let outcome = equivalenceOutcome(id.index)
      guard case .equivalence(let detail) = outcome.detail else { return "the credits granted" }
      for chosen in detail.chosen {
        let option = detail.options[chosen]
        guard option.awards.contains(where: { learner.awards[$0].id == awardID }) else {
          continue
        }
        var text = "counts as " + (option.target.map { "`\($0)`" } ?? "an elective")
        if let category = option.category { text += " in \"\(category)\"" }
        if let credits = option.credits { text += " for \(credits) credits" }
        return text
      }
      return "not granted credit (the credits come from the other credentials)"
    }
  }

  private func stackFill(code: String, stack index: Int, depth: Int) -> String {
    let stack = program.stacks[index]
    guard depth < 8, case .stack(let detail) = stackOutcome(index).detail else {
      return stack.name
    }
    func search(_ requirements: [CompiledRequirement], _ outcomes: [RequirementOutcome])
      -> String?
    {
      for (requirement, outcome) in zip(requirements, outcomes) where outcome.counted {
        switch requirement.kind {
        case .group(_, let children):
          if let found = search(children, outcome.children) { return found }
        case .nested(let nested):
          if outcome.codes.contains(code) {
            return "`\(program.stacks[nested].name)`: "
              + stackFill(code: code, stack: nested, depth: depth + 1)
          }
        default:
          if outcome.codes.contains(code) { return pathwayLabel(of: requirement) }
        }
      }
      return nil
    }
    if let found = search(stack.requirements, detail.allocation.root.children) { return found }
    // Used only by a total (`at least 12 credits`): name the first total.
    for requirement in stack.requirements {
      if case .count(_, _, nil) = requirement.kind { return pathwayLabel(of: requirement) }
    }
    return "the stack's totals"
  }

  private func pathwayLabel(of requirement: CompiledRequirement) -> String {
    if let because = requirement.because { return because }
    return program.text(of: requirement.span).map { "`\($0)`" } ?? "a requirement"
  }

  /// The claim under per-enrolment fund `fund` for the learner's enrolment at `enrolment`,
  /// with the balances it read (scheme and balance; every scheme when it read the ledger's
  /// rows), on a machine reset for the learner.
  func pathwayClaim(fund: Int, enrolment: Int) -> (
    outcome: DecisionOutcome, reasons: [String], balances: [(String, Money)], readsFunds: Bool
  ) {
    let outcome = claimOutcome(fund: fund, enrolment: enrolment)
    let readsFunds = claimMemo.indices.contains { $0 != fund && claimMemo[$0][enrolment] != nil }
    let reasons = outcome.status == .undetermined ? fundReasons(fund, outcome) : []
    if readLedger {
      // The claim read the ledger's rows themselves (SkillsFuture's Mid-Career tier sums
      // them), not only `balance(...)`: it may draw on any scheme, so it shares them all.
      for scheme in Set(learner.ledger.compactMap(\.scheme)) where balanceMemo[scheme] == nil {
        balanceMemo[scheme] = LedgerBalance.balance(of: scheme, on: asOf, rows: learner.ledger)
      }
    }
    var balances: [(String, Money)] = []
    for (scheme, value) in balanceMemo {
      if case .success(let money) = value { balances.append((scheme, money)) }
    }
    balances.sort { $0.0 < $1.0 }
    return (outcome, reasons, balances, readsFunds)
  }
}

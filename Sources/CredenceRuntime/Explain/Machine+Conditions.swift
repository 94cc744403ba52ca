import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// A condition, its outcome, and the values that decided it: "aged 40 and above: needs at
  /// least 40, is 38". Compound conditions list their parts. `value` is the condition's value
  /// as the decision recorded it; without one (a condition the decision did not need) it is
  /// evaluated, in the side pass the explanation runs in.
  func explainCondition(_ condition: CompiledExpr, label: String?, value recorded: Value? = nil)
    -> Explanation
  {
    let text = label ?? source(condition)
    let value: Value
    if let recorded {
      value = recorded
    } else {
      do {
        value = try condition.code(self)
      } catch {
        if isSidePassLimit(error) { return Explanation(.info, "\(text): left out") }
        return Explanation(.error, "\(text): \(describe(error))")
      }
    }
    let truth = value.truth
    let mark: Explanation.Mark = truth == .true ? .held : (truth == .false ? .failed : .unknown)
    if truth == .unknown {
      let reasons = unknownReasons(condition)
      let because = reasons.isEmpty ? "unknown" : "unknown: " + reasons.joined(separator: "; ")
      return Explanation(.unknown, "\(text): \(because)")
    }
    if let facts = comparisonFacts(condition, holds: truth == .true) {
      return Explanation(mark, "\(text): \(facts)")
    }
    // A named condition (a let): explain its definition's parts.
    if let inner = definitionParts(condition, label: text, mark: mark) { return inner }
    // A compound condition: show its parts when a label sums them up.
    let parts = conjuncts(condition)
    if parts.count > 1 || isDisjunction(condition) {
      let children = (isDisjunction(condition) ? disjuncts(condition) : parts).map {
        explainCondition($0, label: nil)
      }
      return Explanation(mark, text, children)
    }
    return Explanation(mark, text)
  }

  /// A failure in words with its place in the policy.
  func describe(_ failure: EvaluationFailure) -> String {
    if let span = failure.span, let location = program.location(of: span) {
      return "\(failure.message) (at \(location))"
    }
    return failure.message
  }

  /// How deep a condition's explanation follows lets into their definitions.
  static let maximumDefinitionDepth = 3

  /// For a condition that is a let (`sfc_citizen`, `wss_worker_on(e.end_on)`): the let's body
  /// explained in the let's frame, under the condition's label.
  private func definitionParts(_ condition: CompiledExpr, label: String, mark: Explanation.Mark)
    -> Explanation?
  {
    guard explanationDepth < Self.maximumDefinitionDepth else { return nil }
    var arguments: [Value] = []
    let index: Int
    switch condition.expr.node {
    case .value(let id): index = id.index
    case .call(let id, _):
      index = id.index
      for child in condition.children {
        guard let value = tryValue(child) else { return nil }
        arguments.append(value)
      }
    default: return nil
    }
    let definition = program.lets[index]
    explanationDepth += 1
    defer { explanationDepth -= 1 }
    return try? inFrame(max(arguments.count, definition.localCount)) {
      m throws(EvaluationFailure) in
      for (slot, argument) in arguments.enumerated() { m.setLocal(slot, argument) }
      let inner = m.explainCondition(definition.body, label: label)
      return Explanation(mark, inner.text, inner.children)
    }
  }

  private func isDisjunction(_ expr: CompiledExpr) -> Bool {
    if case .or = expr.expr.node { return true }
    return false
  }

  /// The parts of `a and b and c`.
  func conjuncts(_ expr: CompiledExpr) -> [CompiledExpr] {
    if case .and = expr.expr.node { return expr.children.flatMap(conjuncts) }
    return [expr]
  }

  private func disjuncts(_ expr: CompiledExpr) -> [CompiledExpr] {
    if case .or = expr.expr.node { return expr.children.flatMap(disjuncts) }
    return [expr]
  }

  /// "needs at least 40, is 38" for a comparison; "is 45" when it holds.
  func comparisonFacts(_ expr: CompiledExpr, holds: Bool) -> String? {
    switch expr.expr.node {
    case .compare(let comparison, _, _):
      guard expr.children.count == 2, let left = tryValue(expr.children[0]),
        let right = tryValue(expr.children[1])
      else { return nil }
      // The side that varies is the subject; a constant side is the bound.
      var op = comparison.op
      var subject = left
      var bound = right
      if expr.children[0].constant != nil && expr.children[1].constant == nil {
        subject = right
        bound = left
        op = Self.flipped(op)
      }
      let isDate: Bool = if case .date = bound { true } else { false }
      let need = Self.phrase(op, describe(bound), isDate: isDate)
      if holds { return "is \(describe(subject))" }
      return "needs \(need), is \(describe(subject))"
    case .contains(_, _, let negated):
      guard expr.children.count == 2, let element = tryValue(expr.children[0]),
        let list = tryValue(expr.children[1])
      else { return nil }
      if expr.children[1].constant != nil {
        let need = negated ? "not one of \(describe(list))" : "one of \(describe(list))"
        return holds ? "is \(describe(element))" : "needs \(need), is \(describe(element))"
      }
      let what = describe(element)
      if holds {
        return negated
          ? "\(what) is not among \(describe(list))" : "\(what) is among \(describe(list))"
      }
      return negated
        ? "needs no \(what), has \(describe(list))" : "needs \(what), has \(describe(list))"
    case .presence(let operand, let presence):
      _ = operand
      guard let child = expr.children.first, let value = tryValue(child) else { return nil }
      if presence == .known {
        return holds ? "is \(describe(value))" : "is not recorded"
      }
      return holds ? "is not recorded" : "is \(describe(value))"
    case .status(_, let status):
      guard let child = expr.children.first, case .decision(let outcome)? = tryValue(child)
      else { return nil }
      return holds
        ? "is \(outcome.status.rawValue)"
        : "needs \(status.rawValue), is \(outcome.status.rawValue)"
    case .value, .call, .fact:
      return nil
    default:
      return nil
    }
  }

  static func flipped(_ op: Comparison.Operator) -> Comparison.Operator {
    switch op {
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    case .equal, .notEqual: op
    }
  }

  /// What a comparison asks for, in words.
  static func phrase(_ op: Comparison.Operator, _ bound: String, isDate: Bool) -> String {
    switch op {
    case .equal: bound
    case .notEqual: "other than \(bound)"
    case .less: isDate ? "before \(bound)" : "less than \(bound)"
    case .lessOrEqual: isDate ? "on or before \(bound)" : "at most \(bound)"
    case .greater: isDate ? "after \(bound)" : "more than \(bound)"
    case .greaterOrEqual: isDate ? "on or after \(bound)" : "at least \(bound)"
    }
  }
}

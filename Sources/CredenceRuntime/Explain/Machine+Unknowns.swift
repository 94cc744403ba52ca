import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// Most missing facts one decision names; more are counted.
  static let maximumReasons = 8
  /// How deep the search for missing facts follows definitions into definitions.
  static let maximumReasonDepth = 24

  /// The facts that make `expr` unknown, in words ("the learner's birth date is not
  /// recorded"). Evaluates sub-expressions with the same compiled code, in the current frame.
  func unknownReasons(_ expr: CompiledExpr) -> [String] {
    var reasons: [String] = []
    collectUnknowns(expr, depth: 0, &reasons)
    return reasons
  }

  /// A fact's name may be any phrase ("employed", "meets wis household rules"), so it is quoted
  /// rather than read as a noun ("the learner's employed").
  static func missingFactText(_ name: String) -> String {
    "no record of “\(words(name))”"
  }

  /// Adds `reason` once, up to the limit.
  private func note(_ reason: String, _ reasons: inout [String]) {
    guard !reasons.contains(reason), reasons.count < Self.maximumReasons else { return }
    reasons.append(reason)
  }

  /// Evaluates without failing: a failure is reported by the decision, not here.
  func tryValue(_ expr: CompiledExpr) -> Value? {
    do { return try expr.code(self) } catch { return nil }
  }

  func collectUnknowns(_ expr: CompiledExpr, depth: Int, _ reasons: inout [String]) {
    guard depth < Self.maximumReasonDepth, reasons.count < Self.maximumReasons else { return }
    guard let value = tryValue(expr) else { return }
    collectUnknowns(expr, value: value, depth: depth, &reasons)
  }

  /// ``collectUnknowns(_:depth:_:)`` for an expression whose `value` the caller has just
  /// computed (in the same frame), so it is not evaluated again.
  private func collectUnknowns(
    _ expr: CompiledExpr, value: Value, depth: Int, _ reasons: inout [String]
  ) {
    guard depth < Self.maximumReasonDepth, reasons.count < Self.maximumReasons else { return }
    let node = expr.expr.node
    // A known value can still hide uncertain list elements (`count`, stacks).
    if case .list(let list) = value, list.hasUncertain {
      collectUncertainElements(expr, list, depth: depth, &reasons)
      return
    }
    guard value.isUnknown else {
      if case .decision(let outcome) = value, outcome.status == .undetermined {
        collectDecisionReasons(outcome, expr, &reasons)
      }
      return
    }
    switch node {
    case .constant:
      note("the policy gives no value here (`\(source(expr))`)", &reasons)
    case .fact(let id):
      note(Self.missingFactText(program.facts[id.index].name), &reasons)
    case .field(_, let field):
      guard let record = expr.children.first, let base = tryValue(record) else { return }
      if base.isUnknown {
        collectUnknowns(record, value: base, depth: depth + 1, &reasons)
        return
      }
      switch (base, field) {
      case (.record(.learner), .fact(let id)):
        note(Self.missingFactText(program.facts[id.index].name), &reasons)
      case (.record(.learner), _):
        note("the learner's \(Self.words(field.name)) is not recorded", &reasons)
      case (.record(.awardCredential(let index)), _):
        let code = learner.awards[Int(index)].credential.code
        noteCredentialField(field.name, code: code, &reasons)
      case (.record(.enrolmentCredential(let index)), _):
        let code = learner.enrolments[Int(index)].credential.code
        noteCredentialField(field.name, code: code, &reasons)
      case (.record(let ref), _):
        note("the \(Self.words(field.name)) of \(describe(ref)) is not recorded", &reasons)
      default:
        note("\(Self.words(field.name)) is not known", &reasons)
      }
    case .param(let id):
      noteParam(id.index, on: paramDate ?? asOf, &reasons)
    case .paramOn(let id, _):
      if let date = expr.children.first.flatMap(tryValue), case .date(let day) = date {
        noteParam(id.index, on: day, &reasons)
      } else if let child = expr.children.first {
        collectUnknowns(child, depth: depth + 1, &reasons)
      }
    case .value(let id):
      let definition = program.lets[id.index]
      _ = try? inFrame(definition.localCount) { m throws(EvaluationFailure) in
        m.collectUnknowns(definition.body, depth: depth + 1, &reasons)
      }
    case .call(let id, _):
      var arguments: [Value] = []
      for child in expr.children {
        guard let argument = tryValue(child) else { return }
        if argument.isUnknown { collectUnknowns(child, depth: depth + 1, &reasons) }
        arguments.append(argument)
      }
      let definition = program.lets[id.index]
      _ = try? inFrame(max(arguments.count, definition.localCount)) {
        m throws(EvaluationFailure) in
        for (slot, argument) in arguments.enumerated() { m.setLocal(slot, argument) }
        m.collectUnknowns(definition.body, depth: depth + 1, &reasons)
      }
    case .decisionField(let decision, _):
      guard let child = expr.children.first, case .decision(let outcome)? = tryValue(child) else {
        return
      }
      _ = decision
      collectDecisionReasons(outcome, child, &reasons)
    case .compare:
      let values = expr.children.map(tryValue)
      if values.allSatisfy({ $0.map { !$0.isUnknown } ?? false }) {
        // Both sides known: a grade without a place on its scale.
        for case .grade(let grade)? in values where !grade.isRanked {
          let known = program.scales.indices.contains(Int(grade.scale))
          let key = ReasonTexts.Key.gradeOffScale(
            mark: grade.mark, scale: known ? grade.scale : -1)
          note(
            reasonTexts.text(key) {
              let scale = known ? program.scales[Int(grade.scale)].name : "its scale"
              return "the grade \"\(grade.mark)\" is not on the scale `\(scale)`"
            }, &reasons)
        }
        return
      }
      for (child, value) in zip(expr.children, values) {
        guard let value else { continue }
        collectUnknowns(child, value: value, depth: depth + 1, &reasons)
      }
    case .builtin(.points, _):
      if let child = expr.children.first, case .grade(let grade)? = tryValue(child) {
        if !grade.isRanked {
          note("the grade \"\(grade.mark)\" is not on the scale", &reasons)
        } else {
          note("the grade \"\(grade.mark)\" has no points", &reasons)
        }
      } else {
        for child in expr.children { collectUnknowns(child, depth: depth + 1, &reasons) }
      }
    case .builtin(.balance, _):
      note("a ledger row of the scheme has no amount or date", &reasons)
    case .firstMatch(let table):
      collectTableUnknowns(expr, table, depth: depth, &reasons)
    case .and, .or:
      // Only the parts that are unknown matter (a false part would have decided `and`).
      for child in expr.children {
        guard let value = tryValue(child), value.isUnknown else { continue }
        collectUnknowns(child, value: value, depth: depth + 1, &reasons)
      }
    case .conditional:
      guard let condition = expr.children.first, let truth = tryValue(condition) else { return }
      switch truth {
      case .bool(true): collectUnknowns(expr.children[1], depth: depth + 1, &reasons)
      case .bool(false): collectUnknowns(expr.children[2], depth: depth + 1, &reasons)
      default: collectUnknowns(condition, depth: depth + 1, &reasons)
      }
    case .aggregate(let aggregate, _, _) where aggregate == .min || aggregate == .max:
      // The smallest of nothing: say which list was empty (a path's planned awards come
      // without enrolments, so `min(learner.enrolments where …, start_on)` is one).
      if let list = expr.children.first, case .list(let elements)? = tryValue(list),
        elements.count == 0
      {
        note("`\(source(expr))` has no value: `\(source(list))` is empty", &reasons)
        return
      }
      fallthrough
    case .aggregate, .filter, .distinct, .contains, .projection:
      // The list itself, or its elements.
      for child in expr.children.prefix(2) {
        guard let listValue = tryValue(child) else { continue }
        if case .list(let list) = listValue, list.hasUncertain {
          collectUncertainElements(child, list, depth: depth, &reasons)
        } else if listValue.isUnknown {
          collectUnknowns(child, depth: depth + 1, &reasons)
        }
      }
      collectPerElementUnknowns(expr, depth: depth, &reasons)
    default:
      for child in expr.children { collectUnknowns(child, depth: depth + 1, &reasons) }
    }
  }

  /// "the level of credential SUS192 is not recorded", as ``describe(_:)`` names the
  /// credential.
  private func noteCredentialField(_ field: String, code: String, _ reasons: inout [String]) {
    let key = ReasonTexts.Key.credentialField(field: field, code: code)
    note(
      reasonTexts.text(key) { "the \(Self.words(field)) of credential \(code) is not recorded" },
      &reasons)
  }

  private func noteParam(_ index: Int, on date: CredenceValues.CivilDate, _ reasons: inout [String])
  {
    let param = program.params[index]
    if let first = param.values.first?.from, date < first {
      note(
        "\(Self.words(param.name)) has no value on \(date) (its first value applies from \(first))",
        &reasons)
    } else {
      note("\(Self.words(param.name)) has no value on \(date)", &reasons)
    }
  }

  /// Why an undetermined decision is undetermined.
  private func collectDecisionReasons(
    _ outcome: DecisionOutcome, _ expr: CompiledExpr, _ reasons: inout [String]
  ) {
    guard case .decision(let id) = expr.expr.node else {
      note("a decision this depends on is undetermined", &reasons)
      return
    }
    for reason in undeterminedReasons(of: id, outcome) { note(reason, &reasons) }
  }

  /// The first row of a table that is unknown, or "no row applies".
  private func collectTableUnknowns(
    _ expr: CompiledExpr, _ table: CheckedTable, depth: Int, _ reasons: inout [String]
  ) {
    var position = 0
    for row in table.rows {
      guard row.condition != nil else { return }
      let condition = expr.children[position]
      position += 2
      switch tryValue(condition) {
      case .bool(true)?:
        collectUnknowns(expr.children[position - 1], depth: depth + 1, &reasons)
        return
      case .bool(false)?:
        continue
      default:
        collectUnknowns(condition, depth: depth + 1, &reasons)
        return
      }
    }
    note("no row of the table applies (`\(source(expr).prefix(60))…`)", &reasons)
  }

  /// What `collectUnknowns(pool, depth: 0, &reasons)` finds for a decision's pool whose
  /// uncertain elements are the awards `uncertain`, in pool order, without evaluating the
  /// pool and every award's condition again: when the pool is `source where condition` over a
  /// list without uncertain elements, its uncertain elements are exactly the awards whose
  /// condition is unknown, in the same order. Any other pool takes the general way.
  func collectPoolUnknowns(_ pool: CompiledExpr, uncertain: [Int], _ reasons: inout [String]) {
    guard reasons.count < Self.maximumReasons else { return }
    guard case .filter(_, let element, _) = pool.expr.node, pool.children.count == 2,
      case .list(let source)? = tryValue(pool.children[0]), !source.hasUncertain
    else {
      collectUnknowns(pool, depth: 0, &reasons)
      return
    }
    let condition = pool.children[1]
    for award in uncertain {
      let candidate = Value.record(.award(Int32(award)))
      setLocal(element.index, candidate)
      noteUncertainElement(candidate, element, condition, depth: 0, &reasons)
    }
  }

  /// Why `candidate` (bound to `element`) may or may not pass `condition`, when that is
  /// unknown.
  private func noteUncertainElement(
    _ candidate: Value, _ element: LocalSlot, _ condition: CompiledExpr, depth: Int,
    _ reasons: inout [String]
  ) {
    guard let value = tryValue(condition), value.isUnknown else { return }
    var inner: [String] = []
    collectUnknowns(condition, value: value, depth: depth + 1, &inner)
    setLocal(element.index, candidate)
    if inner.isEmpty {
      note("whether \(describe(candidate)) counts is unknown", &reasons)
    } else {
      for reason in inner { note(reason, &reasons) }
    }
  }

  /// For a list with uncertain elements: why each is uncertain (its `where` condition).
  private func collectUncertainElements(
    _ expr: CompiledExpr, _ list: ValueList, depth: Int, _ reasons: inout [String]
  ) {
    switch expr.expr.node {
    case .filter(_, let element, _):
      guard expr.children.count == 2 else { return }
      let source = expr.children[0]
      let condition = expr.children[1]
      if case .list(let inner)? = tryValue(source), inner.hasUncertain {
        collectUncertainElements(source, inner, depth: depth + 1, &reasons)
      }
      guard case .list(let all)? = tryValue(source) else { return }
      for candidate in all.elements {
        setLocal(element.index, candidate)
        noteUncertainElement(candidate, element, condition, depth: depth, &reasons)
      }
    case .value(let id):
      let definition = program.lets[id.index]
      _ = try? inFrame(definition.localCount) { m throws(EvaluationFailure) in
        if case .list(let inner)? = m.tryValue(definition.body) {
          m.collectUncertainElements(definition.body, inner, depth: depth + 1, &reasons)
        }
      }
    case .call(let id, _):
      var arguments: [Value] = []
      for child in expr.children {
        guard let argument = tryValue(child) else { return }
        arguments.append(argument)
      }
      let definition = program.lets[id.index]
      _ = try? inFrame(max(arguments.count, definition.localCount)) {
        m throws(EvaluationFailure) in
        for (slot, argument) in arguments.enumerated() { m.setLocal(slot, argument) }
        if case .list(let inner)? = m.tryValue(definition.body) {
          m.collectUncertainElements(definition.body, inner, depth: depth + 1, &reasons)
        }
      }
    default:
      for child in expr.children {
        if case .list(let inner)? = tryValue(child), inner.hasUncertain {
          collectUncertainElements(child, inner, depth: depth + 1, &reasons)
        }
      }
    }
  }

  /// For `sum(xs, e)` and friends: the elements whose per-element value is unknown.
  private func collectPerElementUnknowns(
    _ expr: CompiledExpr, depth: Int, _ reasons: inout [String]
  ) {
    guard case .aggregate(_, _, let perElement?) = expr.expr.node, expr.children.count == 2,
      case .list(let list)? = tryValue(expr.children[0])
    else { return }
    let body = expr.children[1]
    for element in list.elements {
      setLocal(perElement.element.index, element)
      if tryValue(body)?.isUnknown ?? false {
        collectUnknowns(body, depth: depth + 1, &reasons)
        setLocal(perElement.element.index, element)
      }
    }
  }
}

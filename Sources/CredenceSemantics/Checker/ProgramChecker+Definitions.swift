import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  /// Pass 3: every body. Lets and funds are checked in an order computed from the names
  /// their bodies mention, so that a let's inferred type is usually known before it is
  /// needed and checking does not recurse along long chains of definitions.
  func checkBodies() {
    params = paramDecls.indices.map { checkParam(ParamID($0)) }
    lets = Array(repeating: nil, count: letDecls.count)
    letStates = Array(repeating: .pending, count: letDecls.count)
    funds = Array(repeating: nil, count: fundDecls.count)
    fundStates = Array(repeating: .pending, count: fundDecls.count)
    let (order, mentions) = approximateOrder()
    checkInWaves(order, mentions: mentions)
    for definition in order {
      switch definition {
      case .let(let id): if letStates[id.index] == .pending { checkLet(id) }
      case .fund(let id): ensureFundChecked(id)
      default: break
      }
    }
    stacks = stackDecls.indices.map { checkStack(StackID($0)) }
    equivalences = equivalenceDecls.indices.map { checkEquivalence(EquivalenceID($0)) }
    if checksTests {
      tests = checkTests()
    } else {
      markNamesMentionedByTests()
    }
  }

  // MARK: Params

  func checkParam(_ id: ParamID) -> CheckedParam? {
    let declared = paramDecls[id.index]
    let d = declared.syntax
    var context = Context(
      file: declared.file, policy: declared.policy, owner: .param(id))
    context.isParamValue = true
    let type = paramTypes[id.index]
    var values: [CheckedParam.Value] = []
    var seen: [CredenceValues.CivilDate: Span] = [:]
    var latest: (CredenceValues.CivilDate, Span)?
    for value in d.values {
      let typed = require(check(value.value, context), type) {
        "`\(d.name.text)` is declared \(quoted(type)), but this value is \($0)"
      }
      var from: CredenceValues.CivilDate?
      if let literal = value.from, let day = date(literal) {
        from = day
        if let other = seen[day] {
          error(
            .duplicateParamDate, "`\(d.name.text)` has two values from \(literal.value)",
            at: literal.span, labels: [.init("the other value from that date", at: other)],
            help: "keep one value per date")
        } else if let (before, beforeSpan) = latest, day < before {
          error(
            .paramDatesOutOfOrder,
            "the values of `\(d.name.text)` are not in date order: this one is from \(literal.value), after one from \(before)",
            at: literal.span, labels: [.init("the later date, listed earlier", at: beforeSpan)],
            help: "list a param's values from the earliest date to the latest")
        }
        seen[day] = seen[day] ?? literal.span
        if latest.map({ day > $0.0 }) ?? true { latest = (day, literal.span) }
      }
      values.append(CheckedParam.Value(from: from, value: typed))
    }
    return CheckedParam(
      name: d.name.text, type: type, values: values, localCount: context.frame.count,
      policy: declared.policy, documentation: declared.documentation, span: d.name.span)
  }

  // MARK: Lets

  func checkLet(_ id: LetID) {
    letStates[id.index] = .inProgress
    defer { letStates[id.index] = .done }
    let declared = letDecls[id.index]
    let d = declared.syntax
    var context = Context(file: declared.file, policy: declared.policy, owner: .let(id))
    let parameters = letParameters[id.index]
    var bound: Set<String> = []
    for parameter in parameters ?? [] {
      let slot = context.frame.allocate()
      // A second parameter of the same name is reported already; binding only the first
      // keeps the body's meaning and the unused-parameter warning sensible.
      guard bound.insert(parameter.name).inserted else {
        context.frame.markUsed(slot)
        continue
      }
      context.scope.append(
        .local(
          Local(
            name: parameter.name, slot: slot, type: parameter.type, span: parameter.span,
            role: .parameter)))
    }
    var body = check(d.body, context)
    if let declaredType = letDeclaredTypes[id.index] {
      body = require(body, declaredType) {
        "`\(d.name.text)` is declared \(quoted(declaredType)), but its body is \($0)"
      }
    }
    for parameter in parameters ?? [] where !context.frame.used.contains(parameter.slot) {
      warning(
        .unusedParameter, "parameter `\(parameter.name)` of `\(d.name.text)` is never used",
        at: parameter.span, help: "remove it, or use it in the body")
    }
    lets[id.index] = CheckedLet(
      name: d.name.text, parameters: parameters, type: letDeclaredTypes[id.index] ?? body.type,
      body: body, localCount: context.frame.count, policy: declared.policy,
      documentation: declared.documentation, span: d.name.span)
  }

  // MARK: Ordering by the names bodies mention

  /// Lets and funds, each after the lets and funds its body mentions by name (cycles
  /// broken anywhere). An approximation: a name may turn out to be a field or a local.
  private func approximateOrder()
    -> (order: [DefinitionID], mentions: [DefinitionID: [DefinitionID]])
  {
    var nodes: [DefinitionID] = []
    var mentions: [DefinitionID: [DefinitionID]] = [:]
    // The lets and funds named, each once, in the order of their names. Only names of lets
    // and funds are kept and sorted (most names are fields, locals and built-ins).
    func targets(_ exprs: [Expr]) -> [DefinitionID] {
      var found: [(name: String, id: DefinitionID)] = []
      for expr in exprs {
        expr.forEachName { name in
          switch symbols[name] {
          case .let(let id): found.append((name, .let(id)))
          case .fund(let id): found.append((name, .fund(id)))
          default: break
          }
        }
      }
      guard found.count > 1 else { return found.map(\.id) }
      found.sort { $0.name < $1.name }
      var result: [DefinitionID] = [found[0].id]
      for index in found.indices.dropFirst() where found[index].name != found[index - 1].name {
        result.append(found[index].id)
      }
      return result
    }
    for (index, declared) in letDecls.enumerated() {
      let id = DefinitionID.let(LetID(index))
      nodes.append(id)
      mentions[id] = targets([declared.syntax.body])
    }
    for (index, declared) in fundDecls.enumerated() {
      let id = DefinitionID.fund(FundID(index))
      nodes.append(id)
      let d = declared.syntax
      mentions[id] = targets(
        d.eligibility.map(\.expression)
          + [d.rate, d.amount, d.perEnrolment?.filter].compactMap { $0 })
    }
    // Iterative depth-first post-order.
    var order: [DefinitionID] = []
    var visited: Set<DefinitionID> = []
    for root in nodes where !visited.contains(root) {
      var stack: [(DefinitionID, Int)] = [(root, 0)]
      visited.insert(root)
      while let (node, next) = stack.last {
        let children = mentions[node] ?? []
        if next < children.count {
          stack[stack.count - 1].1 += 1
          let child = children[next]
          if visited.insert(child).inserted { stack.append((child, 0)) }
        } else {
          order.append(node)
          stack.removeLast()
        }
      }
    }
    return (order, mentions)
  }
}

extension Expr {
  /// Calls `body` with every bare name and called name in the expression, as often as it
  /// is written (over-approximate: fields in `where` are included).
  func forEachName(_ body: (String) -> Void) {
    var pending: [Expr] = [self]
    while let expr = pending.popLast() {
      switch expr.kind {
      case .literal, .invalid: break
      case .name(let n): body(n.text)
      case .call(let n, let arguments):
        body(n.text)
        pending.append(contentsOf: arguments)
      case .member(let base, _): pending.append(base)
      case .asOf(let base, let date):
        pending.append(base)
        pending.append(date)
      case .unary(_, let operand): pending.append(operand)
      case .binary(_, let a, let b), .filter(let a, let b), .distinct(let a, let b):
        pending.append(a)
        pending.append(b)
      case .status(let base, _): pending.append(base)
      case .presence(let base, _): pending.append(base)
      case .list(let items): pending.append(contentsOf: items)
      case .record(let record):
        for field in record.fields { pending.append(field.value) }
      case .conditional(let a, let b, let c):
        pending.append(a)
        pending.append(b)
        pending.append(c)
      case .firstMatch(let table):
        for row in table.rows {
          if let condition = row.condition { pending.append(condition) }
          pending.append(row.result)
        }
      case .parenthesized(let inner): pending.append(inner)
      }
    }
  }
}

import CredenceSyntax

extension ProgramChecker {
  /// Warnings for lets, params and facts nothing uses.
  func reportUnused() {
    guard !hasInvalidDeclarations else { return }
    for (name, symbol) in symbols where !used.contains(symbol) {
      guard let span = symbolSpans[symbol] else { continue }
      switch symbol {
      case .let, .param:
        warning(
          .unusedDefinition, "the \(symbol.kindName) `\(name)` is never used", at: span,
          help: "remove it, or use it in a rule or a test")
      case .fact:
        warning(
          .unusedFact, "the fact `\(name)` is never used", at: span,
          help: "remove it, or use it in a rule or a test")
      case .scale, .stack, .fund, .equivalence:
        continue
      }
    }
  }

  /// Warns about tests without `as of` whose outcome depends on the evaluation date: they
  /// pass today and fail some other day.
  func reportTestsDependingOnToday() {
    // Definitions that depend on the date: those reading it, decisions of policies with
    // effective dates, and everything that uses one of them.
    var dated = readsEvaluationDate
    for definition in allDefinitions {
      guard let decision = definition.decision else { continue }
      let policy = policies[policyOf(decision).index]
      if policy.effective != nil || policy.until != nil { dated.insert(definition) }
    }
    // Everything that uses a dated definition is dated: a search along reversed edges,
    // linear in the size of the graph.
    var users: [DefinitionID: [DefinitionID]] = [:]
    for (from, targets) in edges {
      for target in targets { users[target.target, default: []].append(from) }
    }
    var pending = Array(dated)
    while let definition = pending.popLast() {
      for user in users[definition] ?? [] where dated.insert(user).inserted {
        pending.append(user)
      }
    }
    for (index, declared) in testDecls.enumerated() where declared.syntax.asOf == nil {
      let readsDate =
        testsReadingDate.contains(index)
        || (testUses[index] ?? []).contains(where: { dated.contains($0) })
      guard readsDate else { continue }
      warning(
        .testDependsOnToday, "this test depends on the evaluation date but does not fix it",
        at: declared.syntax.description.span,
        help: "without `as of`, it runs on today's date and may fail tomorrow: add "
          + "`as of YYYY-MM-DD` after the description")
    }
  }

  func policyOf(_ decision: DecisionID) -> PolicyID {
    switch decision {
    case .stack(let id): stackDecls[id.index].policy
    case .fund(let id): fundDecls[id.index].policy
    case .equivalence(let id): equivalenceDecls[id.index].policy
    }
  }

  // MARK: The program

  /// The checked program, when every part of it was checked.
  func buildProgram(order: [DefinitionID]) -> CheckedProgram? {
    let scales = self.scales.compactMap { $0 }
    let params = self.params.compactMap { $0 }
    let lets = self.lets.compactMap { $0 }
    let stacks = self.stacks.compactMap { $0 }
    let funds = self.funds.compactMap { $0 }
    let equivalences = self.equivalences.compactMap { $0 }
    guard scales.count == scaleDecls.count, params.count == paramDecls.count,
      lets.count == letDecls.count, stacks.count == stackDecls.count,
      funds.count == fundDecls.count, equivalences.count == equivalenceDecls.count
    else { return nil }
    let facts = factDecls.enumerated().map { index, declared in
      CheckedFact(
        name: declared.syntax.name.text, type: factTypes[index], policy: declared.policy,
        documentation: declared.documentation, span: declared.syntax.name.span)
    }
    var dependencies: [DefinitionID: [DefinitionID]] = [:]
    for (from, targets) in edges { dependencies[from] = targets.map(\.target) }
    return CheckedProgram(
      policies: policies, scales: scales, params: params, facts: facts, lets: lets,
      stacks: stacks, funds: funds, equivalences: equivalences, tests: tests,
      evaluationOrder: order, dependencies: dependencies, symbols: symbols)
  }
}

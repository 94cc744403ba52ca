import CredenceSyntax

extension Annotator {
  /// A declaration starts at column 0; its clauses are indented 2 under it.
  mutating func declaration(_ declaration: Declaration, index: Int) {
    let keyword = first(declaration.span)
    let end = last(declaration.span)
    for token in range(keyword, end) { notes.declaration[token] = index }
    clause(range(keyword, end))
    force(keyword, .absolute(0))
    switch declaration.kind {
    case .policy(let header): policyHeader(header, keyword: keyword)
    case .scale(let scale): self.scale(scale, keyword: keyword)
    case .param(let param): self.param(param, keyword: keyword)
    case .fact(let fact): type(fact.type)
    case .let(let definition): letDeclaration(definition, keyword: keyword)
    case .stack(let stack): self.stack(stack, keyword: keyword)
    case .fund(let fund): self.fund(fund, keyword: keyword)
    case .equivalence(let equivalence): self.equivalence(equivalence, keyword: keyword)
    case .test(let test): self.test(test, keyword: keyword)
    case .invalid: break
    }
  }

  /// Each header clause on its own line.
  mutating func policyHeader(_ header: PolicyHeader, keyword: Int) {
    for headerClause in header.clauses {
      let start = first(headerClause.span)
      clause(range(start, last(headerClause.span)))
      force(start, .structural(base: keyword, plus: 2))
    }
  }

  /// Grades continue with a leading `<` that hangs left of the grades above it.
  mutating func scale(_ scale: ScaleDeclaration, keyword: Int) {
    guard let lowest = scale.grades.first else { return }
    let anchor = first(lowest.label.span)
    for grade in scale.grades.dropFirst() {
      let label = first(grade.label.span)
      rule(label - 1, .hang(anchor: anchor, width: 1))
      rule(label, .align(anchor: anchor))
    }
    guard let firstAlias = scale.aliases.first else { return }
    let aliasAnchor = first(firstAlias.alias.span)
    rule(aliasAnchor - 1, .structural(base: keyword, plus: 2))
    for alias in scale.aliases.dropFirst() {
      rule(first(alias.alias.span), .align(anchor: aliasAnchor))
    }
  }

  /// A param with several dated values puts each on its own line, `from` dates aligned.
  mutating func param(_ param: ParamDeclaration, keyword: Int) {
    type(param.type)
    let several = param.values.count > 1
    var run = RunBuilder()
    for value in param.values {
      let start = first(value.value.span)
      let end = value.from.map { last($0.span) } ?? last(value.value.span)
      if several {
        force(start, .structural(base: keyword, plus: 4))
        clause(range(start, end))
      } else {
        rule(start, .structural(base: keyword, plus: 4))
      }
      expression(value.value)
      if let from = value.from {
        run.add(AlignmentCandidate(first: start, aligned: first(from.span) - 1, last: end))
      } else {
        run.add(nil)
      }
    }
    run.finish()
    notes.alignmentRuns += run.runs
  }

  /// A definition's body, when it starts its own line, is indented 4.
  mutating func letDeclaration(_ definition: LetDeclaration, keyword: Int) {
    if let parameters = definition.parameters {
      glue(last(definition.name.span) + 1)
      for parameter in parameters { type(parameter.type) }
    }
    if let type = definition.type { self.type(type) }
    rule(first(definition.body.span), .structural(base: keyword, plus: 4))
    expression(definition.body)
  }

  /// `Money(SGD)`: the parenthesis follows the name directly.
  mutating func type(_ type: TypeSyntax) {
    guard let argument = type.argument else { return }
    glue(last(type.name.span) + 1)
    self.type(argument)
  }
}

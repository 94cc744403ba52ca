import CredenceSyntax

extension Annotator {
  /// `using` and each `require` on their own lines; sibling requirements align `because`.
  mutating func stack(_ stack: StackDeclaration, keyword: Int) {
    if let pool = stack.pool { poolClause(pool, keyword: keyword) }
    var run = RunBuilder()
    for requirement in stack.requirements {
      let word = first(requirement.span) - 1
      clause(range(word, last(requirement.span)))
      force(word, .structural(base: keyword, plus: 2))
      self.requirement(requirement, clauseStart: word, run: &run)
    }
    run.finish()
    notes.alignmentRuns += run.runs
  }

  /// `using EXPR` of a stack or equivalence.
  mutating func poolClause(_ pool: Expr, keyword: Int) {
    let word = first(pool.span) - 1
    clause(range(word, last(pool.span)))
    force(word, .structural(base: keyword, plus: 2))
    expression(pool)
  }

  /// One requirement; the items of a block are indented 2 under the group's opening line.
  mutating func requirement(
    _ requirement: Requirement, clauseStart: Int, run: inout RunBuilder
  ) {
    let start = first(requirement.span)
    var isBlock = false
    switch requirement.kind {
    case .group(let group):
      switch group.items {
      case .list(let list):
        expression(list)
      case .block(let items):
        isBlock = true
        var inner = RunBuilder()
        for item in items {
          let itemStart = first(item.span)
          clause(range(itemStart, last(item.span)))
          rule(itemStart, .structural(base: start, plus: 2))
          notes.startsBlockItem[itemStart] = true
          self.requirement(item, clauseStart: itemStart, run: &inner)
        }
        inner.finish()
        notes.alignmentRuns += inner.runs
      }
    case .count(let count):
      let isOne: Bool
      if case .number(let number) = count.minimum {
        isOne = Annotator.isOne(number.value)
      } else {
        isOne = false
      }
      let unit = last(count.minimum.span) + 1
      unitWord(at: unit, singular: count.unit == .credits ? "credit" : "credential", isOne: isOne)
      if let filter = count.filter { expression(filter) }
    case .condition(let condition):
      expression(condition)
    case .invalid:
      break
    }
    guard let because = requirement.because, !isBlock else {
      run.add(nil)
      return
    }
    let word = first(because.span) - 1
    rule(word, .align(anchor: start))
    run.add(AlignmentCandidate(first: clauseStart, aligned: word, last: last(because.span)))
  }
}

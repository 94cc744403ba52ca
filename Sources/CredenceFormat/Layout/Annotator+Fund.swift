import CredenceSyntax

extension Annotator {
  /// The enrolment filter and each clause on their own lines. The conditions of
  /// `eligible when` line up under the first, each `and` hanging left of its condition,
  /// and their `because` texts align.
  mutating func fund(_ fund: FundDeclaration, keyword: Int) {
    if let filter = fund.perEnrolment?.filter {
      let word = first(filter.span) - 1
      clause(range(word, last(filter.span)))
      force(word, .structural(base: keyword, plus: 2))
      expression(filter)
    }
    for fundClause in fund.clauses {
      let start = first(fundClause.span)
      clause(range(start, last(fundClause.span)))
      force(start, .structural(base: keyword, plus: 2))
      switch fundClause.kind {
      case .rate(let expr), .amount(let expr):
        expression(expr)
      case .eligible(let conditions):
        eligibility(conditions, clauseStart: start)
      }
    }
  }

  mutating func eligibility(_ conditions: [Condition], clauseStart: Int) {
    guard let firstCondition = conditions.first else { return }
    let anchor = first(firstCondition.expression.span)
    var run = RunBuilder()
    for (position, condition) in conditions.enumerated() {
      let start = first(condition.expression.span)
      let end = condition.because.map { last($0.span) } ?? last(condition.expression.span)
      var lineStart = clauseStart
      if position > 0 {
        let separator = start - 1
        force(separator, .hang(anchor: anchor, width: 3))
        clause(range(separator, end))
        lineStart = separator
      }
      expression(condition.expression)
      if let because = condition.because {
        let word = first(because.span) - 1
        rule(word, .align(anchor: start))
        run.add(AlignmentCandidate(first: lineStart, aligned: word, last: end))
      } else {
        run.add(nil)
      }
    }
    run.finish()
    notes.alignmentRuns += run.runs
  }
}

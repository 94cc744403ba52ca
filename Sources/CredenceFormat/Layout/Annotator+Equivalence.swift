import CredenceSyntax

extension Annotator {
  /// `using`, each rule and each cap on their own lines; one-line rules align `counts as`.
  mutating func equivalence(_ equivalence: EquivalenceDeclaration, keyword: Int) {
    if let pool = equivalence.pool { poolClause(pool, keyword: keyword) }
    var run = RunBuilder()
    for item in equivalence.items {
      switch item {
      case .rule(let rule):
        let start = first(rule.span)
        let end = last(rule.span)
        clause(range(start, end))
        force(start, .structural(base: keyword, plus: 2))
        switch rule.source {
        case .code: break
        case .allOf(let codes): expression(codes)
        case .each(let condition): expression(condition)
        }
        let counts = first(rule.target.span) - 2
        self.rule(counts, .structural(base: start, plus: 2))
        expression(rule.credits)
        unitWord(
          at: last(rule.credits.span) + 1, singular: "credit", isOne: Annotator.isOne(rule.credits))
        run.add(AlignmentCandidate(first: start, aligned: counts, last: end))
      case .cap(let cap):
        let start = first(cap.span)
        clause(range(start, last(cap.span)))
        force(start, .structural(base: keyword, plus: 2))
        expression(cap.limit)
        unitWord(
          at: last(cap.limit.span) + 1, singular: "credit", isOne: Annotator.isOne(cap.limit))
        run.add(nil)
      }
    }
    run.finish()
    notes.alignmentRuns += run.runs
  }
}

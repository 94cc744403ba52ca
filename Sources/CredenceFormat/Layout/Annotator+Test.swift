import CredenceSyntax

extension Annotator {
  /// `as of` and each clause on their own lines; examples tables in aligned columns.
  mutating func test(_ test: TestDeclaration, keyword: Int) {
    if let asOf = test.asOf {
      let date = first(asOf.span)
      let word = date - 2
      clause(range(word, date))
      force(word, .structural(base: keyword, plus: 2))
    }
    for testClause in test.clauses {
      let start = first(testClause.span)
      clause(range(start, last(testClause.span)))
      force(start, .structural(base: keyword, plus: 2))
      switch testClause.kind {
      case .expect(let expr): expression(expr)
      case .expectPath(let path):
        if let credits = path.credits { expression(credits) }
        expression(path.codes)
      case .given(let fixture): self.fixture(fixture)
      case .examples(let table): examples(table, clauseStart: start)
      }
    }
  }

  mutating func fixture(_ fixture: Fixture) {
    switch fixture {
    case .learner(let record), .credential(let record), .enrolment(let record),
      .award(.record(let record)), .ledger(.record(let record)):
      self.record(record)
    case .award(.short(_, let on, let grade)):
      expression(on)
      if let grade { expression(grade) }
    case .ledger(.short(_, let amount, let on, let until)):
      expression(amount)
      expression(on)
      if let until { expression(until) }
    case .fact(_, let value):
      expression(value)
    }
  }

  /// Rows indented 2 under `examples`; the bars of every row line up.
  mutating func examples(_ table: ExampleTable, clauseStart: Int) {
    var rows: [[Int]] = []
    for row in table.rows {
      let bar = first(row.span)
      clause(range(bar, last(row.span)))
      rule(bar, .structural(base: clauseStart, plus: 2))
      rows.append([bar] + row.cells.map { last($0.span) + 1 })
      for cell in row.cells { expression(cell) }
    }
    notes.tables.append(rows)
  }
}

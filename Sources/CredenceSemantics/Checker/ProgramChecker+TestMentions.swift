import CredenceSyntax

/// What the tests mention, when their bodies are not checked (`CheckScope.withoutTests`).
extension ProgramChecker {
  /// Marks every let, param and fact a test mentions by name as used, without checking the
  /// test: a name that only a test uses must not be reported as never used.
  ///
  /// A syntactic walk, so it may count a little more than checking would (a field in a
  /// `where`, an example column, or for skimmed clauses any word, spelt like a declared
  /// name): then a "never used" warning that a full check gives is missing here, never one
  /// added.
  func markNamesMentionedByTests() {
    for declared in testDecls {
      // Clauses only skimmed by the parser (`TestBodies.skimmed`): every name written.
      for name in declared.syntax.mentionedNames ?? [] {
        if let symbol = symbols[name] { used.insert(symbol) }
      }
      for clause in declared.syntax.clauses {
        switch clause.kind {
        case .expect(let expr):
          markMentioned(expr)
        case .given(let fixture):
          markMentioned(fixture)
        case .examples(let table):
          // The header names the columns; only the rows below it hold expressions.
          for row in table.examples {
            for cell in row.cells { markMentioned(cell) }
          }
        }
      }
    }
  }

  private func markMentioned(_ fixture: Fixture) {
    switch fixture {
    case .learner(let record), .credential(let record), .enrolment(let record),
      .award(.record(let record)), .ledger(.record(let record)):
      for field in record.fields { markMentioned(field.value) }
    case .award(.short(_, let on, let grade)):
      markMentioned(on)
      if let grade { markMentioned(grade) }
    case .ledger(.short(_, let amount, let on, let until)):
      markMentioned(amount)
      markMentioned(on)
      if let until { markMentioned(until) }
    case .fact(let name, let value):
      // A fixture giving a fact's value uses the fact, as checking it would record.
      if case .fact(let id) = symbols[name.text] { used.insert(.fact(id)) }
      markMentioned(value)
    }
  }

  private func markMentioned(_ expr: Expr) {
    expr.forEachName { name in
      if let symbol = symbols[name] { used.insert(symbol) }
    }
  }
}

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
    // Only a let, param or fact nothing else uses can lose its warning, and there are
    // usually none or a few (two in the policy library): the tests' names are compared
    // with those alone, and not at all once none is left. Looking every name the library's
    // tests write up among all symbols was 3.2 M instructions, a quarter of checking.
    guard !hasInvalidDeclarations else { return }
    var candidates: [String: Symbol] = [:]
    for (name, symbol) in symbols where !used.contains(symbol) {
      switch symbol {
      case .let, .param, .fact: candidates[name] = symbol
      case .scale, .stack, .fund, .equivalence: continue
      }
    }
    unmentioned = UnmentionedNames(candidates)
    for declared in testDecls {
      guard !unmentioned.isEmpty else { return }
      // Clauses only skimmed by the parser (`TestBodies.skimmed`): every name written.
      for name in declared.syntax.mentionedNames ?? [] { markMentioned(name) }
      for clause in declared.syntax.clauses {
        switch clause.kind {
        case .expect(let expr):
          markMentioned(expr)
        case .expectPath(let path):
          if let credits = path.credits { markMentioned(credits) }
          markMentioned(path.codes)
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

  /// Marks the let, param or fact `name` used, if it was not yet.
  private func markMentioned(_ name: String) {
    guard let symbol = unmentioned.remove(name) else { return }
    used.insert(symbol)
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
      markMentioned(name.text)
      markMentioned(value)
    }
  }

  private func markMentioned(_ expr: Expr) {
    expr.forEachName { markMentioned($0) }
  }
}

/// The lets, params and facts no rule uses, by name, while the names tests mention are
/// marked (`markNamesMentionedByTests`). Usually a few, compared in turn (comparing a few
/// short strings costs less than hashing one); from `linearSearchLimit` on, by hashing.
struct UnmentionedNames {
  /// Up to this many names are compared in turn.
  static let linearSearchLimit = 16

  private var few: [(name: String, length: Int, symbol: Symbol)] = []
  private var many: [String: Symbol] = [:]

  /// None.
  init() {}

  /// The names of `symbols`.
  init(_ symbols: [String: Symbol]) {
    if symbols.count <= Self.linearSearchLimit {
      few = symbols.map { ($0.key, $0.key.utf8.count, $0.value) }
    } else {
      many = symbols
    }
  }

  /// Whether no name is left.
  var isEmpty: Bool { few.isEmpty && many.isEmpty }

  /// Removes `name` and returns its symbol, if it is one of the names.
  mutating func remove(_ name: String) -> Symbol? {
    if !many.isEmpty { return many.removeValue(forKey: name) }
    // Lengths first: comparing two long strings that differ is a call each time.
    let length = name.utf8.count
    guard let index = few.firstIndex(where: { $0.length == length && $0.name == name }) else {
      return nil
    }
    return few.remove(at: index).symbol
  }
}

import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  /// Checks the test at `index` of `testDecls` (the index keys its uses, for the
  /// "depends on today" warning).
  func checkTest(_ index: Int) -> CheckedTest {
    let declared = testDecls[index]
    let d = declared.syntax
    var context = Context(file: declared.file, policy: declared.policy, owner: nil)
    context.test = index

    // Example columns first: fixtures and expectations use them.
    var columns: [CheckedTest.Column] = []
    var examples: [CheckedTest.Example] = []
    var firstExamples: Span?
    for clause in d.clauses {
      guard case .examples(let table) = clause.kind else { continue }
      // Point at the word `examples`, not the whole table.
      let word = Span(
        file: clause.span.file, start: clause.span.start,
        end: min(clause.span.end, clause.span.start + "examples".utf8.count))
      if let first = firstExamples {
        error(
          .duplicateExamples, "a test has one `examples` table, and this is its second",
          at: word, labels: [.init("the first one", at: first)],
          help: "put all rows in one table, or split the test in two")
        continue
      }
      firstExamples = word
      (columns, examples) = checkExamples(table, context)
    }
    var bound: Set<String> = []
    for column in columns {
      guard !column.name.isEmpty, bound.insert(column.name).inserted else {
        context.frame.markUsed(column.slot)
        continue
      }
      context.scope.append(
        .local(
          Local(
            name: column.name, slot: column.slot, type: column.type, span: column.span,
            role: .column)))
    }

    var fixtures: [CheckedFixture] = []
    var expectations: [CheckedTest.Expectation] = []
    var pathExpectations: [CheckedTest.PathExpectation] = []
    var expectsPath = false
    var learnerFixture: Span?
    for clause in d.clauses {
      switch clause.kind {
      case .given(let fixture):
        if case .learner = fixture {
          if let first = learnerFixture {
            error(
              .duplicateLearnerFixture,
              "a test decides one learner, and this is a second `given learner`",
              at: clause.span, labels: [.init("the first one", at: first)],
              help: "give all of the learner's fields in one `given learner { … }`")
          } else {
            learnerFixture = clause.span
          }
        }
        if let checked = checkFixture(fixture, at: clause.span, context) {
          fixtures.append(checked)
        }
      case .expect(let expr):
        let condition = condition(expr, context, role: "an expectation")
        expectations.append(CheckedTest.Expectation(condition: condition, span: clause.span))
      case .expectPath(let path):
        expectsPath = true
        if let checked = checkPathExpectation(path, at: clause.span, context) {
          pathExpectations.append(checked)
        }
      case .examples:
        continue
      }
    }
    if expectations.isEmpty && !expectsPath {
      warning(
        .testWithoutExpectation, "this test expects nothing, so it always passes",
        at: d.description.span, help: "add `expect …` lines saying what must hold")
    }
    for column in columns where !column.name.isEmpty && !context.frame.used.contains(column.slot) {
      warning(
        .unusedExampleColumn, "example column `\(column.name)` is never used", at: column.span,
        help: "use it in a `given` or an `expect`, or remove the column")
    }
    return CheckedTest(
      description: d.description.value, asOf: d.asOf.flatMap { date($0) }, fixtures: fixtures,
      expectations: expectations, pathExpectations: pathExpectations, columns: columns,
      examples: examples,
      localCount: context.frame.count, policy: declared.policy, span: d.description.span)
  }

  /// The columns (named by the header row, typed by their cells) and the rows.
  private func checkExamples(_ table: ExampleTable, _ context: Context)
    -> ([CheckedTest.Column], [CheckedTest.Example])
  {
    guard let header = table.header else { return ([], []) }
    var names: [(String, Span)] = []
    var seen: [String: Span] = [:]
    for cell in header.cells {
      guard case .name(let name) = cell.kind else {
        error(
          .exampleHeader, "the first row of `examples` names the columns, but this is not a name",
          at: cell.span, help: "write a name such as `born` or `gets_it`")
        names.append(("", cell.span))
        continue
      }
      if let first = seen[name.text] {
        error(
          .duplicateLocalName, "two example columns are named `\(name.text)`", at: name.span,
          labels: [.init("the first one", at: first)], help: "rename one of them")
      } else {
        seen[name.text] = name.span
      }
      names.append((name.text, name.span))
    }
    // Only rows of the header's width give values; the others are reported and skipped.
    var rows: [(cells: [TypedExpr], span: Span)] = []
    for row in table.examples {
      let typed = row.cells.map { check($0, context) }
      guard typed.count == names.count else {
        error(
          .exampleRowWidth,
          "this row has \(count(typed.count, "value")), but the header names \(count(names.count, "column"))",
          at: row.span, help: "give one value per column")
        continue
      }
      rows.append((typed, row.span))
    }
    var columns: [CheckedTest.Column] = []
    var byColumn: [[TypedExpr]] = []
    for (i, (name, span)) in names.enumerated() {
      let (type, values) = unify(rows.map { $0.cells[i] }) { value, common in
        error(
          .typeMismatch,
          "column `\(name)` holds \(quoted(common)) values, but this is \(quoted(value.type))",
          at: value.span, help: "every value of a column must be the same kind of value")
      }
      byColumn.append(values)
      columns.append(
        CheckedTest.Column(name: name, slot: context.frame.allocate(), type: type, span: span))
    }
    let examples = rows.indices.map { r in
      CheckedTest.Example(values: byColumn.map { $0[r] }, span: rows[r].span)
    }
    return (columns, examples)
  }

  // MARK: Fixtures

  /// The fields a fixture of each record may give, and their types, by field name.
  typealias FixtureFields = [String: (FixtureField, ValueType)]

  /// Built once: fixtures are the bulk of a policy file.
  private static let fixtureFieldTables: [FixtureFields] = {
    func table<F: RawRepresentable<String>>(_ fields: [F], _ make: (F) -> (FixtureField, ValueType))
      -> FixtureFields
    {
      Dictionary(uniqueKeysWithValues: fields.map { ($0.rawValue, make($0)) })
    }
    return [
      table(LearnerField.allCases.filter { ![.awards, .enrolments, .ledger].contains($0) }) {
        (.learner($0), $0.type)
      },
      table(CredentialField.allCases.filter { $0 != .currency }) { (.credential($0), $0.type) },
      table(AwardField.allCases.filter { $0 != .credential }) {
        (.award($0), $0.type(grade: .text))
      },
      table(EnrolmentField.allCases.filter { $0 != .credential && $0 != .currency }) {
        (.enrolment($0), $0.type)
      },
      table(LedgerField.allCases.filter { $0 != .currency }) { (.ledger($0), $0.type) },
    ]
  }()

  private func fixtureFields(_ kind: CheckedFixture.Kind) -> FixtureFields {
    switch kind {
    case .learner: Self.fixtureFieldTables[0]
    case .credential: Self.fixtureFieldTables[1]
    case .award: Self.fixtureFieldTables[2]
    case .enrolment: Self.fixtureFieldTables[3]
    case .ledgerEntry: Self.fixtureFieldTables[4]
    case .fact: [:]
    }
  }

  private func fixtureName(_ kind: CheckedFixture.Kind) -> String {
    switch kind {
    case .learner: "learner"
    case .credential: "credential"
    case .award: "award"
    case .enrolment: "enrolment"
    case .ledgerEntry: "ledger"
    case .fact: "fact"
    }
  }

  private func checkFixture(_ fixture: Fixture, at span: Span, _ context: Context)
    -> CheckedFixture?
  {
    switch fixture {
    case .learner(let record):
      return recordFixture(.learner, record, required: nil, at: span, context)
    case .credential(let record):
      return recordFixture(.credential, record, required: "code", at: span, context)
    case .enrolment(let record):
      return recordFixture(.enrolment, record, required: "credential_code", at: span, context)
    case .award(.record(let record)):
      return recordFixture(.award, record, required: "credential_code", at: span, context)
    case .ledger(.record(let record)):
      return recordFixture(.ledgerEntry, record, required: "scheme", at: span, context)
    case .award(.short(let code, let on, let grade)):
      var values = [
        CheckedFixture.Value(
          field: .award(.credentialCode),
          value: TypedExpr(.constant(.text(code.value)), .text, span: code.span)),
        CheckedFixture.Value(
          field: .award(.awardedOn),
          value: require(check(on, context), .date) {
            "an award's date must be a `Date`, but this is \($0)"
          }),
      ]
      if let grade {
        values.append(
          CheckedFixture.Value(
            field: .award(.grade),
            value: require(check(grade, context), .text) {
              "an award's grade is given as its mark (`Text`, such as `\"A-\"`), but this is \($0)"
            }))
      }
      return CheckedFixture(kind: .award, values: values, span: span)
    case .ledger(.short(let scheme, let amount, let on, let until)):
      var values = [
        CheckedFixture.Value(
          field: .ledger(.scheme),
          value: TypedExpr(.constant(.text(scheme.value)), .text, span: scheme.span)),
        CheckedFixture.Value(
          field: .ledger(.amount),
          value: require(check(amount, context), .money(nil)) {
            "a ledger row's amount must be money, but this is \($0)"
          }),
        CheckedFixture.Value(
          field: .ledger(.postedOn),
          value: require(check(on, context), .date) {
            "a ledger row's date must be a `Date`, but this is \($0)"
          }),
      ]
      if let until {
        values.append(
          CheckedFixture.Value(
            field: .ledger(.expiresOn),
            value: require(check(until, context), .date) {
              "the date a grant lapses must be a `Date`, but this is \($0)"
            }))
      }
      return CheckedFixture(kind: .ledgerEntry, values: values, span: span)
    case .fact(let name, let valueSyntax):
      let value = check(valueSyntax, context)
      guard case .fact(let id) = symbols[name.text] else {
        let facts = symbols.compactMap { if case .fact = $1 { $0 } else { nil } }.sorted()
        if !mayBeDeclaredByInvalid(name.text) || symbols[name.text] != nil {
          error(
            .unknownName, "there is no fact named `\(name.text)`", at: name.span,
            help: suggestion(for: name.text, among: facts)
              ?? "declare it with `fact \(name.text): …`")
        }
        return nil
      }
      used.insert(.fact(id))
      let type = factTypes[id.index]
      let typed = require(value, type) {
        "the fact `\(name.text)` is declared \(quoted(type)), but this is \($0)"
      }
      return CheckedFixture(
        kind: .fact(id), values: [CheckedFixture.Value(field: .fact, value: typed)], span: span)
    }
  }

  private func recordFixture(
    _ kind: CheckedFixture.Kind, _ record: RecordLiteral, required: String?, at span: Span,
    _ context: Context
  ) -> CheckedFixture {
    let fields = fixtureFields(kind)
    let what = fixtureName(kind)
    var values: [CheckedFixture.Value] = []
    var seen = SeenNames()
    for entry in record.fields {
      let value = check(entry.value, context)
      let name = entry.name.text
      if let first = seen.span(of: name) {
        error(
          .duplicateLocalName, "the field `\(name)` is given twice", at: entry.name.span,
          labels: [.init("first given here", at: first)], help: "keep one of the two")
        continue
      }
      seen.insert(name, at: entry.name.span)
      guard let (field, type) = fields[name] else {
        error(
          .unknownField, "\(article(what)) `\(what)` fixture has no field `\(name)`",
          at: entry.name.span,
          help: fixtureFieldHelp(name, kind: kind, candidates: fields.keys.sorted()))
        continue
      }
      let typed = require(value, type) {
        "the field `\(name)` of \(article(what)) `\(what)` is \(quoted(type)), but this is \($0)"
      }
      values.append(CheckedFixture.Value(field: field, value: typed))
    }
    if let required, seen.span(of: required) == nil {
      error(
        .missingFixtureField, "\(article(what)) `\(what)` fixture needs `\(required)`",
        at: record.span,
        help:
          "add `\(required): \"…\"`: it says which \(what == "ledger" ? "scheme the row is under" : "credential this is")"
      )
    }
    return CheckedFixture(kind: kind, values: values, span: span)
  }

  private func fixtureFieldHelp(_ name: String, kind: CheckedFixture.Kind, candidates: [String])
    -> String
  {
    if kind == .learner, case .fact = symbols[name] {
      return "facts are given on their own: `given fact \(name) = …`"
    }
    if kind == .learner, ["awards", "enrolments", "ledger"].contains(name) {
      return "give each record on its own: `given award …`, `given enrolment …`, `given ledger …`"
    }
    if name == "currency" {
      return "give the amount with its currency, such as `fee: 500 SGD`"
    }
    if name == "credential" {
      return
        "name the credential by `credential_code`, and describe it with `given credential { … }`"
    }
    return suggestion(for: name, among: candidates)
      ?? "the fields are \(alternatives(candidates.map { "`\($0)`" }, "and"))"
  }
}

/// The field names already given in one record, with where.
///
/// A record gives a handful of fields, and for a handful a list searched in order costs
/// less than hashing every name; past `linearLimit` names a dictionary takes over, so a
/// generated record of thousands of fields stays linear.
struct SeenNames {
  /// The most names searched in order.
  static let linearLimit = 16

  private var list: [(name: String, span: Span)] = []
  private var table: [String: Span] = [:]

  /// Where `name` was given first, if it was.
  func span(of name: String) -> Span? {
    if list.count < Self.linearLimit {
      return list.first { $0.name == name }?.span
    }
    return table[name]
  }

  /// Records `name`, not given before, at `span`.
  mutating func insert(_ name: String, at span: Span) {
    if list.count < Self.linearLimit {
      list.append((name, span))
      if list.count == Self.linearLimit {
        for (name, span) in list { table[name] = span }
      }
    } else {
      table[name] = span
    }
  }
}

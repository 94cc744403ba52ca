import CredenceSuggestions

extension Parser {
  /// test_decl = "test" , STRING , [ "as" , "of" , DATE ] , { test_clause } ;
  mutating func parseTest() -> TestDeclaration? {
    guard let description = expectText("what the test checks, in quotes, after `test`") else {
      return nil
    }
    var asOf: DateLiteral?
    if isWord("as"), isWord("of", at: 1) {
      advance()
      advance()
      guard let date = expectDate("the evaluation date after `as of`") else { return nil }
      asOf = date
    }
    if testBodies == .skimmed {
      return TestDeclaration(
        description: description, asOf: asOf, clauses: [], mentionedNames: skimTestClauses())
    }
    var clauses: [TestClause] = []
    parseClauses(
      expected: "`given`, `expect` or `examples`", words: ["given", "expect", "examples"],
      startsClause: { p in p.isWord("given") || p.isWord("expect") || p.isWord("examples") }
    ) { p in
      if let clause = p.parseTestClause() { clauses.append(clause) }
    }
    return TestDeclaration(description: description, asOf: asOf, clauses: clauses)
  }

  /// Passes over a test's clauses without parsing them, and returns the names written in
  /// them. A test's clauses hold no declaration keyword but the `fact` of `given fact`, so
  /// the next other one is where a well-formed test ends, whatever the layout (and no later
  /// than where the parser resynchronises after an error in one).
  mutating func skimTestClauses() -> [String] {
    var names: [String] = []
    var afterGiven = false
    while !atEndOfFile {
      let tag = tokens[index].tag
      if case .keyword(let keyword) = tag, keyword.startsDeclaration,
        !(keyword == .fact && afterGiven)
      {
        break
      }
      afterGiven = false
      if tag == .identifier, case .identifier(let name) = tokens[index].kind {
        afterGiven = name == "given"
        names.append(name)
      }
      skipToken()
    }
    return names
  }

  /// test_clause = "given" , fixture | "expect" , path_expectation | "expect" , expression
  ///   | "examples" , example_table ;
  mutating func parseTestClause() -> TestClause? {
    let start = here
    if skip(word: "expect") {
      // `path to` starts no expression (`to` is no operator), so two words decide.
      if isWord("path"), isWord("to", at: 1) {
        guard let expectation = parsePathExpectation() else { return nil }
        return TestClause(.expectPath(expectation), span: span(from: start))
      }
      return TestClause(.expect(parseExpression()), span: span(from: start))
    }
    if skip(word: "examples") {
      guard let table = parseExampleTable() else { return nil }
      return TestClause(.examples(table), span: span(from: start))
    }
    advance()  // given
    guard let fixture = parseFixture() else { return nil }
    return TestClause(.given(fixture), span: span(from: start))
  }

  /// path_expectation = "path" , "to" , IDENT , [ "for" , expression ,
  ///   ( "credits" | "credit" ) ] , [ "by" , IDENT ] , "is" , expression ;
  mutating func parsePathExpectation() -> PathExpectation? {
    advance()  // path
    advance()  // to
    guard let target = expectName("the stack or equivalence after `expect path to`") else {
      return nil
    }
    var credits: Expr?
    if skip(word: "for") {
      credits = parseExpression()
      guard !panicking, expectCreditsUnit() else { return nil }
    }
    var objective: Name?
    if skip(.by) {
      guard let name = expectName("`fewest`, `cost`, `hours` or `credits` after `by`") else {
        return nil
      }
      objective = name
    }
    guard skip(.is) else {
      unexpected(
        "`is` and the path's credentials",
        help: "write `expect path to \(target.text) is [\"CODE\", …]`")
      return nil
    }
    return PathExpectation(
      target: target, credits: credits, objective: objective, codes: parseExpression())
  }

  /// fixture = "learner" , record
  ///   | "award" , ( record | STRING , "on" , expression , [ "grade" , expression ] )
  ///   | "credential" , record | "enrolment" , record
  ///   | "ledger" , ( record | STRING , expression , "on" , expression ,
  ///     [ "until" , expression ] )
  ///   | "fact" , IDENT , "=" , expression ;
  mutating func parseFixture() -> Fixture? {
    if skip(.fact) {
      guard let name = expectName("the fact's name after `given fact`") else { return nil }
      guard skip(.equals) else {
        unexpected("`=` and the fact's value")
        return nil
      }
      return .fact(name, parseExpression())
    }
    guard case .identifier(let word) = current else {
      unexpected("a fixture: `learner`, `award`, `credential`, `enrolment`, `ledger` or `fact`")
      return nil
    }
    switch word {
    case "learner", "credential", "enrolment":
      advance()
      guard let record = parseRecord() else { return nil }
      return word == "learner"
        ? .learner(record) : word == "credential" ? .credential(record) : .enrolment(record)
    case "award":
      advance()
      if isPunctuation(.leftBrace) { return parseRecord().map { .award(.record($0)) } }
      guard let code = expectText("a credential code in quotes or a record after `award`") else {
        return nil
      }
      guard skip(word: "on") else {
        unexpected(
          "`on` and the date the award was made",
          help: "write `award \"\(code.value)\" on 2025-03-01`")
        return nil
      }
      let on = parseExpression()
      var grade: Expr?
      if !panicking, skip(word: "grade") { grade = parseExpression() }
      return .award(.short(code: code, on: on, grade: grade))
    case "ledger":
      advance()
      if isPunctuation(.leftBrace) { return parseRecord().map { .ledger(.record($0)) } }
      guard let scheme = expectText("a scheme in quotes or a record after `ledger`") else {
        return nil
      }
      let amount = parseExpression()
      guard !panicking, skip(word: "on") else {
        unexpected("`on` and the date of the ledger entry")
        return nil
      }
      let on = parseExpression()
      var until: Expr?
      if !panicking, skip(word: "until") { until = parseExpression() }
      return .ledger(.short(scheme: scheme, amount: amount, on: on, until: until))
    default:
      var help: String?
      let words = ["learner", "award", "credential", "enrolment", "ledger", "fact"]
      if let suggestion = Suggestions.closest(to: word, among: words) {
        help = "did you mean `\(suggestion)`?"
      }
      unexpected(
        "a fixture: `learner`, `award`, `credential`, `enrolment`, `ledger` or `fact`", help: help)
      return nil
    }
  }

  /// example_table = example_row , { example_row } ;
  /// (each row is on its own line)
  mutating func parseExampleTable() -> ExampleTable? {
    var rows: [ExampleRow] = []
    guard isPunctuation(.bar) else {
      unexpected("a table row `| column | column |` after `examples`")
      return nil
    }
    while !panicking, isPunctuation(.bar), rows.isEmpty || tokens[index].startsLine {
      if let row = parseExampleRow() { rows.append(row) }
    }
    return ExampleTable(rows: rows)
  }

  /// example_row = "|" , expression , "|" , { expression , "|" } ;
  ///
  /// A row ends at the end of its line: the `|` last on a line closes the row.
  mutating func parseExampleRow() -> ExampleRow? {
    let start = here
    advance()  // |
    var cells: [Expr] = []
    repeat {
      cells.append(parseExpression())
      if panicking { return nil }
      guard skip(.bar) else {
        unexpected("`|` after the cell", help: "each cell of a row ends with `|`")
        return nil
      }
    } while !tokens[index].startsLine && !atEnd
    return ExampleRow(cells: cells, span: span(from: start))
  }
}

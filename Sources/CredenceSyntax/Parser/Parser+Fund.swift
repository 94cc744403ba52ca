extension Parser {
  /// fund_decl = "fund" , IDENT , STRING ,
  ///   [ "per" , "enrolment" , IDENT , [ "where" , expression ] ] , { fund_clause } ;
  mutating func parseFund() -> FundDeclaration? {
    guard let name = expectName("the scheme's name after `fund`") else { return nil }
    guard let title = expectText("the scheme's title in quotes after `fund \(name.text)`") else {
      return nil
    }
    var perEnrolment: PerEnrolment?
    if skip(word: "per") {
      guard skip(word: "enrolment") else {
        unexpected("`enrolment` after `per`", help: "write `per enrolment e where …`")
        return nil
      }
      guard let binder = expectName("a name for each enrolment, as in `per enrolment e`") else {
        return nil
      }
      var filter: Expr?
      if skip(.where) { filter = parseExpression() }
      perEnrolment = PerEnrolment(binder: binder, filter: filter)
    }
    var clauses: [FundClause] = []
    parseClauses(
      expected: "`eligible when`, `rate` or `amount`", words: ["eligible", "rate", "amount"],
      startsClause: { p in
        (p.isWord("eligible") && p.isKeyword(.when, at: 1)) || p.isWord("rate")
          || p.isWord("amount")
      }
    ) { p in
      if let clause = p.parseFundClause() { clauses.append(clause) }
    }
    return FundDeclaration(
      name: name, title: title, perEnrolment: perEnrolment, clauses: clauses)
  }

  /// fund_clause = "eligible" , "when" , condition , { "and" , condition }
  ///   | "rate" , expression | "amount" , expression ;
  mutating func parseFundClause() -> FundClause? {
    let start = here
    if skip(word: "rate") {
      guard !atNextFundClause(after: "`rate`") else { return nil }
      return FundClause(.rate(parseExpression()), span: span(from: start))
    }
    if skip(word: "amount") {
      guard !atNextFundClause(after: "`amount`") else { return nil }
      return FundClause(.amount(parseExpression()), span: span(from: start))
    }
    advance()  // eligible
    advance()  // when
    guard !atNextFundClause(after: "`eligible when`") else { return nil }
    var conditions = [parseCondition()]
    while !panicking, conditions.last?.because != nil, skip(.and) {
      conditions.append(parseCondition())
    }
    return FundClause(.eligible(conditions), span: span(from: start))
  }

  /// Whether the next line starts another clause where an expression should have followed
  /// (`rate` and `amount` are also ordinary names, so the check is by layout); reports it.
  mutating func atNextFundClause(after what: String) -> Bool {
    guard tokens[index].startsLine,
      isWord("rate") || isWord("amount") || (isWord("eligible") && isKeyword(.when, at: 1))
    else { return false }
    unexpected("an expression after \(what)")
    return true
  }

  /// condition = expression , [ "because" , STRING ] ;
  mutating func parseCondition() -> Condition {
    let expression = parseExpression()
    return Condition(expression, because: parseBecause())
  }
}

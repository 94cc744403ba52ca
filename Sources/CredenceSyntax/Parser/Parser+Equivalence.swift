extension Parser {
  /// equivalence_decl = "equivalence" , IDENT , STRING , [ "using" , expression ] ,
  ///   { equivalence_rule | cap_clause } ;
  mutating func parseEquivalence() -> EquivalenceDeclaration? {
    guard let name = expectName("the equivalence's name after `equivalence`") else { return nil }
    guard let title = expectText("the title in quotes after `equivalence \(name.text)`") else {
      return nil
    }
    var pool: Expr?
    if skip(.using) { pool = parseExpression() }
    var items: [EquivalenceItem] = []
    parseClauses(
      expected: "a rule (`\"CODE\" counts as …`, `all of …`, `each where …`) or `cap`",
      words: ["cap", "all", "each"],
      startsClause: { p in
        if case .literal(.string) = p.current { return true }
        return (p.isWord("all") && p.isWord("of", at: 1))
          || (p.isWord("each") && p.isKeyword(.where, at: 1)) || p.isWord("cap")
      }
    ) { p in
      if p.isWord("cap") {
        if let cap = p.parseCap() { items.append(.cap(cap)) }
      } else if let rule = p.parseEquivalenceRule() {
        items.append(.rule(rule))
      }
    }
    return EquivalenceDeclaration(name: name, title: title, pool: pool, items: items)
  }

  /// equivalence_rule = rule_source , "counts" , "as" , rule_target , "for" , expression ,
  ///   ( "credits" | "credit" ) ;
  mutating func parseEquivalenceRule() -> EquivalenceRule? {
    let start = here
    guard let source = parseRuleSource() else { return nil }
    guard skip(word: "counts"), skip(word: "as") else {
      unexpected(
        "`counts as` after the credentials",
        help: "write `\"CODE\" counts as \"MODULE\" for 4 credits`")
      return nil
    }
    guard let target = parseRuleTarget() else { return nil }
    guard skip(word: "for") else {
      unexpected(
        "`for N credits` after the module", help: "write `… counts as \"IT2001\" for 4 credits`")
      return nil
    }
    let credits = parseExpression()
    guard expectCreditsUnit() else { return nil }
    return EquivalenceRule(
      source: source, target: target, credits: credits, span: span(from: start))
  }

  /// rule_source = STRING | "all" , "of" , expression | "each" , "where" , expression ;
  mutating func parseRuleSource() -> RuleSource? {
    if case .literal(.string(let code)) = current {
      return .code(TextLiteral(code, span: advance().span))
    }
    if skip(word: "all") {
      advance()  // of
      return .allOf(parseExpression())
    }
    advance()  // each
    advance()  // where
    return .each(where: parseExpression())
  }

  /// rule_target = ( STRING | "elective" ) , [ "in" , STRING ] ;
  mutating func parseRuleTarget() -> RuleTarget? {
    let start = here
    let kind: RuleTarget.Kind
    if case .literal(.string(let module)) = current {
      kind = .module(TextLiteral(module, span: advance().span))
    } else if skip(word: "elective") {
      kind = .elective
    } else {
      unexpected("a module code in quotes or `elective` after `counts as`")
      return nil
    }
    var category: TextLiteral?
    if skip(.in) {
      guard let text = expectText("a category in quotes after `in`") else { return nil }
      category = text
    }
    return RuleTarget(kind, category: category, span: span(from: start))
  }

  /// cap_clause = "cap" , expression , ( "credits" | "credit" ) , [ "in" , STRING ] ;
  mutating func parseCap() -> CapClause? {
    let start = here
    advance()  // cap
    let limit = parseExpression()
    guard expectCreditsUnit() else { return nil }
    var category: TextLiteral?
    if skip(.in) {
      guard let text = expectText("a category in quotes after `in`") else { return nil }
      category = text
    }
    return CapClause(limit: limit, category: category, span: span(from: start))
  }

  /// ( "credits" | "credit" )
  mutating func expectCreditsUnit() -> Bool {
    if skip(word: "credits") || skip(word: "credit") { return true }
    unexpected("`credits` after the number of credits")
    return false
  }
}

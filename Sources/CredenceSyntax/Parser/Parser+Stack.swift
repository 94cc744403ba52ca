extension Parser {
  /// stack_decl = "stack" , IDENT , STRING , [ "using" , expression ] ,
  ///   { "require" , requirement } ;
  mutating func parseStack() -> StackDeclaration? {
    guard let name = expectName("the stack's name after `stack`") else { return nil }
    guard let title = expectText("the award's title in quotes after `stack \(name.text)`") else {
      return nil
    }
    var pool: Expr?
    if skip(.using) { pool = parseExpression() }
    var requirements: [Requirement] = []
    parseClauses(
      expected: "`require`", words: [], keywords: [.require],
      startsClause: { $0.isKeyword(.require) }
    ) { p in
      p.advance()
      requirements.append(p.parseRequirement())
    }
    return StackDeclaration(name: name, title: title, pool: pool, requirements: requirements)
  }

  /// requirement = group_requirement
  ///   | ( count_requirement | condition_requirement ) , [ "because" , STRING ] ;
  mutating func parseRequirement() -> Requirement {
    let start = here
    let openingIndent = tokens[index].lineIndent
    let ok = enter()
    defer { leave() }
    guard ok else { return Requirement(.invalid, span: span(from: start)) }
    let kind: Requirement.Kind
    if isWord("all"), isWord("of", at: 1) {
      advance()
      advance()
      return parseGroup(.all, start: start, openingIndent: openingIndent)
    } else if isWord("any"), isWord("of", at: 1) {
      advance()
      advance()
      return parseGroup(.any, start: start, openingIndent: openingIndent)
    } else if isWord("at"), isWord("least", at: 1) {
      advance()
      advance()
      guard let quantity = parseQuantity() else {
        return Requirement(.invalid, span: span(from: start))
      }
      if skip(word: "of") {
        return parseGroup(.atLeast(quantity), start: start, openingIndent: openingIndent)
      }
      guard let count = parseCountRequirement(quantity) else {
        return Requirement(.invalid, span: span(from: start))
      }
      kind = .count(count)
    } else {
      guard atExpressionStart else {
        unexpected(
          "a requirement",
          help: "a requirement is `at least N credentials`, `at least N credits`, "
            + "`all of …`, `any of …`, `at least N of …`, or a condition",
          atToken: true)
        return Requirement(.invalid, span: span(from: start))
      }
      kind = .condition(parseExpression())
    }
    let because = parseBecause()
    return Requirement(kind, because: because, span: span(from: start))
  }

  /// quantity = NUMBER | IDENT ;
  mutating func parseQuantity() -> Quantity? {
    switch current {
    case .literal(.number(let value)):
      return .number(NumberLiteral(value, span: advance().span))
    case .identifier(let word):
      return .name(Name(word, span: advance().span))
    default:
      unexpected("a number after `at least`")
      return nil
    }
  }

  /// count_requirement = "at" , "least" , quantity ,
  ///   ( "credentials" | "credential" | "credits" | "credit" ) , [ "where" , expression ] ;
  mutating func parseCountRequirement(_ minimum: Quantity) -> CountRequirement? {
    let unit: CountUnit
    if skip(word: "credentials") || skip(word: "credential") {
      unit = .credentials
    } else if skip(word: "credits") || skip(word: "credit") {
      unit = .credits
    } else {
      unexpected(
        "`credentials`, `credits` or `of` after `at least N`",
        help:
          "write `at least 3 credentials`, `at least 12 credits` or `at least 1 of [\"A\", \"B\"]`")
      return nil
    }
    var filter: Expr?
    if skip(.where) { filter = parseExpression() }
    return CountRequirement(minimum: minimum, unit: unit, filter: filter)
  }

  /// [ "because" , STRING ]
  mutating func parseBecause() -> TextLiteral? {
    guard !panicking, skip(.because) else { return nil }
    return expectText("the reason in quotes after `because`")
  }

  /// group_requirement = ( "all" , "of" | "any" , "of" | "at" , "least" , quantity , "of" ) ,
  ///   ( expression , [ "because" , STRING ] | [ "because" , STRING ] , requirement_block ) ;
  mutating func parseGroup(_ quantifier: GroupQuantifier, start: Int, openingIndent: Int)
    -> Requirement
  {
    let opener = source.text(of: span(from: start))
    var because: TextLiteral?
    if isKeyword(.because), !tokens[index].startsLine { because = parseBecause() }
    let next = raw
    if next.kind == .endOfFile || next.startsLine {
      // The layout rule: the items are the following lines, indented deeper.
      guard next.kind != .endOfFile, !nextIsFenced(by: fence), next.lineIndent > openingIndent
      else {
        error(
          .badIndentation,
          "expected the items of `\(opener)` on the following lines, indented deeper than this line",
          at: errorSpan,
          help: "indent each requirement of the group below `\(opener)`, all at one column")
        return Requirement(
          .group(GroupRequirement(quantifier: quantifier, items: .block([]))), because: because,
          span: span(from: start))
      }
      let items = parseRequirementBlock(column: next.lineIndent)
      return Requirement(
        .group(GroupRequirement(quantifier: quantifier, items: .block(items))), because: because,
        span: span(from: start))
    }
    if because != nil {
      unexpected(
        "the items of the group on the following lines",
        help: "after `because \"…\"` the group's requirements go on the next lines, indented")
      return Requirement(.invalid, because: because, span: span(from: start))
    }
    let list = parseExpression()
    because = parseBecause()
    return Requirement(
      .group(GroupRequirement(quantifier: quantifier, items: .list(list))), because: because,
      span: span(from: start))
  }

  /// requirement_block = requirement , { requirement } ;
  /// (each item starts its own line, all at `column`)
  mutating func parseRequirementBlock(column: Int) -> [Requirement] {
    let outer = fence
    var items: [Requirement] = []
    while true {
      let itemStart = index
      fence = Fence(column: column, itemStart: itemStart)
      items.append(parseRequirement())
      fence = outer
      if !panicking {
        let next = raw
        if next.kind == .endOfFile || nextIsFenced(by: outer) || atDeclarationKeyword {
          break
        }
        if next.startsLine {
          if next.lineIndent == column { continue }
          if next.lineIndent < column { break }
          error(
            .badIndentation, "this line is indented deeper than the requirement above it",
            at: next.span,
            help: "the requirements of one group start at the same column; if the line "
              + "continues the one above, an operator may be missing")
        } else {
          unexpected("the end of the requirement")
        }
      }
      // Resynchronise at the next item of this block, if there is one; always past the
      // token the failed item started at, so a block can never spin in place.
      if index == itemStart { advance() }
      while !atEndOfFile {
        if tokens[index].startsLine, tokens[index].lineIndent <= column || atDeclarationKeyword {
          break
        }
        advance()
      }
      let next = raw
      guard next.kind != .endOfFile, next.startsLine, next.lineIndent == column,
        !atDeclarationKeyword, !isKeyword(.require), !nextIsFenced(by: outer)
      else { break }
      panicking = false
    }
    return items
  }
}

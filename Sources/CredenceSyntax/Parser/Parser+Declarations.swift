import CredenceSuggestions

extension Parser {
  static let declarationKeywords = Keyword.allCases.filter(\.startsDeclaration).map(\.rawValue)

  /// program = { declaration } ;
  mutating func parseProgram() -> [Declaration] {
    var declarations: [Declaration] = []
    var lastEnd = 0
    while !atEndOfFile {
      let start = here
      let declarationStart = index
      if atDeclarationKeyword {
        let docs = documentation(before: start, after: lastEnd)
        var declaration = parseDeclaration()
        declaration.documentation = docs
        declarations.append(declaration)
      } else {
        var help =
          "declarations start with "
          + Parser.declarationKeywords.dropLast().map { "`\($0)`" }.joined(separator: ", ")
          + " or `test`"
        if case .identifier(let word) = raw.kind,
          let suggestion = Suggestions.closest(to: word, among: Parser.declarationKeywords)
        {
          help = "did you mean `\(suggestion)`?"
        }
        unexpected("a declaration", help: help, code: .expectedDeclaration, atToken: true)
      }
      if panicking {
        if index == declarationStart { advance() }
        synchronizeAtDeclaration()
        if declarations.last.map({ $0.span.start != start }) ?? true {
          declarations.append(Declaration(.invalid, span: span(from: start)))
        }
        panicking = false
      }
      lastEnd = previousEnd
    }
    return declarations
  }

  /// Skips to the next declaration keyword that starts a line.
  mutating func synchronizeAtDeclaration() {
    while !atEndOfFile {
      if tokens[index].startsLine, case .keyword(let k) = raw.kind, k.startsDeclaration { return }
      advance()
    }
  }

  /// declaration = { DOC_COMMENT } , ( policy_header | scale_decl | param_decl | fact_decl
  ///   | let_decl | stack_decl | fund_decl | equivalence_decl | test_decl ) ;
  mutating func parseDeclaration() -> Declaration {
    let start = here
    deepest = 0
    let keywordIndex = index
    let keyword = advance()
    let kind: Declaration.Kind? =
      switch keyword.kind {
      case .keyword(.policy): parsePolicyHeader().map { .policy($0) }
      case .keyword(.scale): parseScale().map { .scale($0) }
      case .keyword(.param): parseParam().map { .param($0) }
      case .keyword(.fact): parseFact().map { .fact($0) }
      case .keyword(.let): parseLet().map { .let($0) }
      case .keyword(.stack): parseStack().map { .stack($0) }
      case .keyword(.fund): parseFund().map { .fund($0) }
      case .keyword(.equivalence): parseEquivalence().map { .equivalence($0) }
      case .keyword(.test): parseTest().map { .test($0) }
      default: nil
      }
    var declaration = Declaration(kind ?? .invalid, span: span(from: start))
    declaration.nesting = deepest
    if kind == nil, keywordIndex + 1 < tokens.count,
      case .identifier(let word) = tokens[keywordIndex + 1].kind
    {
      declaration.recoveredName = Name(word, span: tokens[keywordIndex + 1].span)
    }
    return declaration
  }

  /// Parses clauses while the next token starts one; on an error, skips to the next clause
  /// word or declaration keyword that starts a line, and goes on.
  mutating func parseClauses(
    expected: String, words: [String], keywords: [Keyword] = [],
    startsClause: (inout Parser) -> Bool, _ clause: (inout Parser) -> Void
  ) {
    while !atEndOfFile, !atDeclarationKeyword {
      let clauseStart = index
      if startsClause(&self) {
        clause(&self)
      } else {
        var help: String?
        if case .identifier(let word) = raw.kind,
          let suggestion = Suggestions.closest(to: word, among: words + keywords.map(\.rawValue))
        {
          help = "did you mean `\(suggestion)`?"
        }
        unexpected(expected, help: help, atToken: true)
      }
      if panicking {
        // Always move past the token the failed clause started at: no spinning in place.
        if index == clauseStart { advance() }
        while !atEndOfFile {
          if tokens[index].startsLine, atDeclarationKeyword || startsClause(&self) { break }
          advance()
        }
        panicking = false
      }
    }
  }

  /// policy_header = "policy" , STRING , { header_clause } ;
  mutating func parsePolicyHeader() -> PolicyHeader? {
    guard let title = expectText("the policy's title in quotes after `policy`") else { return nil }
    var clauses: [HeaderClause] = []
    let words = ["authority", "version", "source", "effective", "grades"]
    parseClauses(
      expected: "a header clause (`authority`, `version`, `source`, `effective` or `grades`)",
      words: words, startsClause: { p in words.contains { p.isWord($0) } }
    ) { p in
      if let clause = p.parseHeaderClause() { clauses.append(clause) }
    }
    return PolicyHeader(title: title, clauses: clauses)
  }

  /// header_clause = "authority" , STRING | "version" , STRING | "source" , STRING
  ///   | "effective" , DATE , [ "until" , DATE ] | "grades" , IDENT ;
  mutating func parseHeaderClause() -> HeaderClause? {
    let start = here
    guard case .identifier(let word) = advance().kind else { return nil }
    let kind: HeaderClause.Kind
    switch word {
    case "authority", "version", "source":
      guard let text = expectText("a string after `\(word)`") else { return nil }
      kind =
        word == "authority" ? .authority(text) : word == "version" ? .version(text) : .source(text)
    case "effective":
      guard let from = expectDate("a date after `effective`") else { return nil }
      var until: DateLiteral?
      if skip(word: "until") {
        guard let date = expectDate("a date after `until`") else { return nil }
        until = date
      }
      kind = .effective(from: from, until: until)
    default:
      guard let scale = expectName("the name of a scale after `grades`") else { return nil }
      kind = .grades(scale)
    }
    return HeaderClause(kind, span: span(from: start))
  }

  /// scale_decl = "scale" , IDENT , ":" , grade , { "<" , grade } ,
  ///   [ "where" , grade_alias , { "," , grade_alias } ] ;
  mutating func parseScale() -> ScaleDeclaration? {
    guard let name = expectName("the scale's name after `scale`") else { return nil }
    guard skip(.colon) else {
      unexpected("`:` after the scale's name", help: "write `scale letter: \"F\" < \"D\" < \"C\"`")
      return nil
    }
    var grades: [Grade] = []
    repeat {
      guard let grade = parseGrade() else { return nil }
      grades.append(grade)
    } while skip(.less)
    var aliases: [GradeAlias] = []
    if skip(.where) {
      repeat {
        guard let alias = expectText("a grade alias such as `\"Pass\" = \"C\"`") else { return nil }
        guard skip(.equals) else {
          unexpected("`=` after the alias `\"\(alias.value)\"`")
          return nil
        }
        guard let grade = expectText("the grade the alias stands for") else { return nil }
        aliases.append(GradeAlias(alias: alias, grade: grade))
      } while skip(.comma)
    }
    return ScaleDeclaration(name: name, grades: grades, aliases: aliases)
  }

  /// grade = STRING , [ "points" , NUMBER ] ;
  mutating func parseGrade() -> Grade? {
    guard let label = expectText("a grade in quotes") else { return nil }
    var points: NumberLiteral?
    if skip(word: "points") {
      guard case .literal(.number(let value)) = current else {
        unexpected("a number after `points`")
        return nil
      }
      points = NumberLiteral(value, span: advance().span)
    }
    return Grade(label: label, points: points)
  }

  /// param_decl = "param" , IDENT , ":" , type , "=" , param_value , { param_value } ;
  /// param_value = expression , [ "from" , DATE ] ;  (only the first may omit "from")
  mutating func parseParam() -> ParamDeclaration? {
    guard let name = expectName("the parameter's name after `param`") else { return nil }
    guard skip(.colon) else {
      unexpected(
        "`:` and a type after the parameter's name", help: "write `param \(name.text): Number = …`")
      return nil
    }
    guard let type = parseType() else { return nil }
    guard skip(.equals) else {
      unexpected("`=` and the parameter's value")
      return nil
    }
    var values: [ParamValue] = []
    repeat {
      let value = parseExpression()
      if panicking { break }
      var from: DateLiteral?
      if skip(word: "from") {
        guard let date = expectDate("the date after `from`") else { break }
        from = date
      } else if !values.isEmpty {
        error(
          .missingFrom, "only the first value of a parameter may omit `from`", at: value.span,
          help: "write the date this value takes effect: `… from 2027-01-01`")
      } else if case .identifier(let word) = current, !tokens[index].startsLine,
        Suggestions.closest(to: word, among: ["from"]) != nil
      {
        unexpected("`from`", help: "did you mean `from`?", atToken: true)
      }
      values.append(ParamValue(value: value, from: from))
    } while atExpressionStart && !panicking
    return ParamDeclaration(name: name, type: type, values: values)
  }

  /// fact_decl = "fact" , IDENT , ":" , type ;
  mutating func parseFact() -> FactDeclaration? {
    guard let name = expectName("the fact's name after `fact`") else { return nil }
    guard skip(.colon) else {
      unexpected("`:` and a type after the fact's name", help: "write `fact \(name.text): Text`")
      return nil
    }
    guard let type = parseType() else { return nil }
    return FactDeclaration(name: name, type: type)
  }

  /// let_decl = "let" , IDENT , [ "(" , parameter , { "," , parameter } , ")" ] ,
  ///   [ ":" , type ] , "=" , expression ;
  mutating func parseLet() -> LetDeclaration? {
    guard let name = expectName("a name after `let`") else { return nil }
    var parameters: [Parameter]?
    if let open = eat(.leftParen) {
      let parsed: [Parameter?] = parseSequence(
        closing: .rightParen, opener: open, allowTrailingComma: false
      ) { p in p.parseParameter() }
      if panicking { return nil }
      if parsed.isEmpty {
        error(
          .unexpectedToken, "a definition with parentheses needs at least one parameter",
          at: span(from: open.span.start), help: "write `let \(name.text) = …` for a plain value")
        return nil
      }
      parameters = parsed.compactMap { $0 }
    }
    var type: TypeSyntax?
    if skip(.colon) {
      guard let parsed = parseType() else { return nil }
      type = parsed
    }
    guard skip(.equals) else {
      unexpected("`=` and the definition")
      return nil
    }
    let body = parseExpression()
    return LetDeclaration(name: name, parameters: parameters, type: type, body: body)
  }

  /// parameter = IDENT , ":" , type ;
  mutating func parseParameter() -> Parameter? {
    guard let name = expectName("a parameter name") else { return nil }
    guard skip(.colon) else {
      unexpected(
        "`:` and a type after the parameter `\(name.text)`", help: "write `\(name.text): Award`")
      return nil
    }
    guard let type = parseType() else { return nil }
    return Parameter(name: name, type: type)
  }
}

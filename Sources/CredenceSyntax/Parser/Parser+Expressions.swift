extension Parser {
  /// Whether the next token can start an expression.
  var atExpressionStart: Bool {
    guard let position = visible(at: 0) else { return false }
    switch tokens[position].kind {
    case .literal, .identifier, .invalid: return true
    case .keyword(let k):
      switch k {
      case .true, .false, .unknown, .not, .if, .distinct: return true
      default: return false
      }
    case .punctuation(let p):
      switch p {
      case .leftParen, .leftBracket, .leftBrace, .minus: return true
      default: return false
      }
    case .endOfFile: return false
    }
  }

  func invalid(from start: Int) -> Expr { Expr(.invalid, span: span(from: start)) }

  /// Counts one more level for a left-associative chain: a chain of N operators builds a
  /// tree N deep, which passes over the tree recurse into, so it counts against the limit.
  mutating func deepenChain(_ levels: inout Int) -> Bool {
    levels += 1
    return enter()
  }

  mutating func leaveChain(_ levels: Int) { depth -= levels }

  /// expression = where_expr ;
  ///
  /// Nesting is counted where the tree deepens (brackets, calls, `if`, tables, prefix
  /// operators, operator chains), so the limit reads as what an author sees.
  mutating func parseExpression() -> Expr {
    parseWhere()
  }

  /// where_expr = or_expr , { "where" , or_expr } ;
  mutating func parseWhere() -> Expr {
    let start = here
    var lhs = parseOr()
    var levels = 0
    defer { leaveChain(levels) }
    while !panicking, skip(.where) {
      guard deepenChain(&levels) else { return invalid(from: start) }
      let rhs = parseOr()
      lhs = Expr(.filter(lhs, where: rhs), span: span(from: start))
    }
    return lhs
  }

  /// or_expr = and_expr , { "or" , and_expr } ;
  mutating func parseOr() -> Expr {
    let start = here
    var lhs = parseAnd()
    var levels = 0
    defer { leaveChain(levels) }
    while !panicking, skip(.or) {
      guard deepenChain(&levels) else { return invalid(from: start) }
      let rhs = parseAnd()
      lhs = Expr(.binary(.or, lhs, rhs), span: span(from: start))
    }
    return lhs
  }

  /// and_expr = not_expr , { "and" , not_expr } ;
  ///
  /// In `eligible when`, an `and` after `because "…"` starts the next condition; that
  /// `and` is never reached here because `because` ends the expression.
  mutating func parseAnd() -> Expr {
    let start = here
    var lhs = parseNot()
    var levels = 0
    defer { leaveChain(levels) }
    while !panicking, skip(.and) {
      guard deepenChain(&levels) else { return invalid(from: start) }
      let rhs = parseNot()
      lhs = Expr(.binary(.and, lhs, rhs), span: span(from: start))
    }
    return lhs
  }

  /// not_expr = "not" , not_expr | comparison ;
  mutating func parseNot() -> Expr {
    let start = here
    guard skip(.not) else { return parseComparison() }
    let ok = enter()
    defer { leave() }
    guard ok else { return invalid(from: start) }
    let operand = parseNot()
    return Expr(.unary(.not, operand), span: span(from: start))
  }

  /// The comparison operator at the next token, if any.
  var comparisonOperator: BinaryOperator? {
    guard let position = visible(at: 0) else { return nil }
    return switch tokens[position].tag {
    case .punctuation(.equalEqual): .equal
    case .punctuation(.notEqual): .notEqual
    case .punctuation(.less): .less
    case .punctuation(.lessEqual): .lessOrEqual
    case .punctuation(.greater): .greater
    case .punctuation(.greaterEqual): .greaterOrEqual
    case .keyword(.in): .in
    case .keyword(.not) where isKeyword(.in, at: 1): .notIn
    default: nil
    }
  }

  /// comparison = additive , [ compare_op , additive | [ "not" ] , "in" , additive
  ///   | "is" , status | "is" , ( "known" | "unknown" ) ] ;
  mutating func parseComparison() -> Expr {
    let start = here
    let lhs = parseAdditive()
    if panicking { return lhs }
    let result: Expr
    if let op = comparisonOperator {
      advance()
      if op == .notIn { advance() }
      let rhs = parseAdditive()
      result = Expr(.binary(op, lhs, rhs), span: span(from: start))
    } else if skip(.is) {
      if skip(word: "known") {
        result = Expr(.presence(lhs, .known), span: span(from: start))
      } else if skip(.unknown) {
        result = Expr(.presence(lhs, .unknown), span: span(from: start))
      } else if let status = parseStatus() {
        result = Expr(.status(lhs, status), span: span(from: start))
      } else {
        return invalid(from: start)
      }
    } else {
      return lhs
    }
    if !panicking, comparisonOperator != nil || isKeyword(.is) {
      error(
        .chainedComparison, "comparisons cannot be chained", at: tokens[index].span,
        help: "combine two comparisons with `and`: `a < b and b < c`")
    }
    return result
  }

  /// status = "eligible" | "ineligible" | "achieved" | "not" , "achieved" | "undetermined"
  ///   | "not" , "in" , "effect" | "error" ;
  mutating func parseStatus() -> DecisionStatus? {
    for status in [DecisionStatus.eligible, .ineligible, .achieved, .undetermined, .error] {
      if skip(word: status.rawValue) { return status }
    }
    if isKeyword(.not) {
      if isWord("achieved", at: 1) {
        advance()
        advance()
        return .notAchieved
      }
      if isKeyword(.in, at: 1), isWord("effect", at: 2) {
        advance()
        advance()
        advance()
        return .notInEffect
      }
    }
    let words = DecisionStatus.allCases.map { "`\($0.rawValue)`" } + ["`known`", "`unknown`"]
    unexpected(
      "a status after `is`",
      help: "a decision is \(words.dropLast().joined(separator: ", ")) or \(words.last ?? "")")
    return nil
  }

  /// additive = multiplicative , { ( "+" | "-" ) , multiplicative } ;
  mutating func parseAdditive() -> Expr {
    let start = here
    var lhs = parseMultiplicative()
    var levels = 0
    defer { leaveChain(levels) }
    while !panicking {
      let op: BinaryOperator
      if isPunctuation(.plus) {
        op = .add
      } else if isPunctuation(.minus) {
        op = .subtract
      } else {
        break
      }
      advance()
      guard deepenChain(&levels) else { return invalid(from: start) }
      let rhs = parseMultiplicative()
      lhs = Expr(.binary(op, lhs, rhs), span: span(from: start))
    }
    return lhs
  }

  /// multiplicative = unary , { ( "*" | "/" ) , unary } ;
  mutating func parseMultiplicative() -> Expr {
    let start = here
    var lhs = parseUnary()
    var levels = 0
    defer { leaveChain(levels) }
    while !panicking {
      let op: BinaryOperator
      if isPunctuation(.star) {
        op = .multiply
      } else if isPunctuation(.slash) {
        op = .divide
      } else {
        break
      }
      advance()
      guard deepenChain(&levels) else { return invalid(from: start) }
      let rhs = parseUnary()
      lhs = Expr(.binary(op, lhs, rhs), span: span(from: start))
    }
    return lhs
  }

  /// unary = "-" , unary | postfix ;
  mutating func parseUnary() -> Expr {
    let start = here
    guard skip(.minus) else { return parsePostfix() }
    let ok = enter()
    defer { leave() }
    guard ok else { return invalid(from: start) }
    let operand = parseUnary()
    return Expr(.unary(.negate, operand), span: span(from: start))
  }

  /// postfix = primary , { "." , IDENT | "as" , "of" , primary , { "." , IDENT } } ;
  mutating func parsePostfix() -> Expr {
    let start = here
    var expr = parsePrimary()
    var levels = 0
    defer { leaveChain(levels) }
    while !panicking {
      if skip(.dot) {
        guard deepenChain(&levels) else { return invalid(from: start) }
        guard let field = expectName("a field name after `.`") else { return invalid(from: start) }
        expr = Expr(.member(expr, field), span: span(from: start))
      } else if isWord("as"), isWord("of", at: 1) {
        advance()
        advance()
        guard deepenChain(&levels) else { return invalid(from: start) }
        let dateStart = here
        var date = parsePrimary()
        while !panicking, skip(.dot) {
          guard deepenChain(&levels) else { return invalid(from: start) }
          guard let field = expectName("a field name after `.`") else {
            return invalid(from: start)
          }
          date = Expr(.member(date, field), span: span(from: dateStart))
        }
        expr = Expr(.asOf(expr, date: date), span: span(from: start))
      } else {
        break
      }
    }
    return expr
  }

  /// primary = literal | IDENT , [ "(" , [ expression , { "," , expression } ] , ")" ]
  ///   | "(" , expression , ")" | "[" , [ expression , { "," , expression } , [ "," ] ] , "]"
  ///   | record | "if" , expression , "then" , expression , "else" , expression
  ///   | [ "partial" ] , "first" , "match" , table_row , { table_row }
  ///   | "distinct" , postfix , "by" , postfix ;
  mutating func parsePrimary() -> Expr {
    let start = here
    // Brackets, calls, `if`, `distinct` and tables nest; names and literals do not.
    let tag = tag()
    let nests: Bool =
      switch tag {
      case .punctuation(.leftParen), .punctuation(.leftBracket), .punctuation(.leftBrace),
        .keyword(.if), .keyword(.distinct):
        true
      case .identifier:
        isPunctuation(.leftParen, at: 1) || isWord("first") || isWord("partial")
      default: false
      }
    let ok = nests ? enter() : true
    defer { if nests { leave() } }
    guard ok else { return invalid(from: start) }
    switch tag {
    case .literal:
      let token = advance()
      guard case .literal(let literal) = token.kind else { return invalid(from: start) }
      return Expr(.literal(literal), span: span(from: start))
    case .keyword(.true):
      advance()
      return Expr(.literal(.bool(true)), span: span(from: start))
    case .keyword(.false):
      advance()
      return Expr(.literal(.bool(false)), span: span(from: start))
    case .keyword(.unknown):
      advance()
      return Expr(.literal(.unknown), span: span(from: start))
    case .invalid:
      advance()
      return invalid(from: start)
    case .identifier:
      if isWord("first"), isWord("match", at: 1) { return parseFirstMatch(partial: false) }
      if isWord("partial"), isWord("first", at: 1), isWord("match", at: 2) {
        return parseFirstMatch(partial: true)
      }
      let token = advance()
      guard case .identifier(let word) = token.kind else { return invalid(from: start) }
      let name = Name(word, span: token.span)
      // A call's `(` must be on the name's line, so a new line never continues a name.
      if isPunctuation(.leftParen), !tokens[index].startsLine {
        let open = advance()
        let arguments = parseSequence(closing: .rightParen, opener: open, allowTrailingComma: false)
        {
          $0.parseExpression()
        }
        return Expr(.call(name, arguments: arguments), span: span(from: start))
      }
      return Expr(.name(name), span: span(from: start))
    case .punctuation(.leftParen):
      let open = advance()
      let saved = fence
      fence = nil
      let inner = parseExpression()
      fence = saved
      if !skip(.rightParen) { unclosed(open, closer: .rightParen) }
      return Expr(.parenthesized(inner), span: span(from: start))
    case .punctuation(.leftBracket):
      let open = advance()
      let elements = parseSequence(closing: .rightBracket, opener: open, allowTrailingComma: true) {
        $0.parseExpression()
      }
      return Expr(.list(elements), span: span(from: start))
    case .punctuation(.leftBrace):
      guard let record = parseRecord() else { return invalid(from: start) }
      return Expr(.record(record), span: span(from: start))
    case .keyword(.if):
      advance()
      let condition = parseExpression()
      guard expect(.then, "`then` after the condition of `if`") else { return invalid(from: start) }
      let then = parseExpression()
      guard expect(.else, "`else` after `then …`", help: "an `if` always needs an `else`")
      else { return invalid(from: start) }
      let otherwise = parseExpression()
      return Expr(.conditional(condition, then: then, else: otherwise), span: span(from: start))
    case .keyword(.distinct):
      advance()
      let collection = parsePostfix()
      guard expect(.by, "`by` after `distinct …`") else { return invalid(from: start) }
      let key = parsePostfix()
      return Expr(.distinct(collection, by: key), span: span(from: start))
    default:
      if case .keyword(let keyword) = current, !keyword.startsDeclaration,
        ![.and, .or, .where, .then, .else, .because, .by, .in, .is].contains(keyword)
      {
        unexpected("an expression", help: "`\(keyword.rawValue)` is a reserved word")
      } else {
        unexpected("an expression")
      }
      return invalid(from: start)
    }
  }

  /// Consumes `keyword` or reports "expected `what`".
  mutating func expect(_ keyword: Keyword, _ what: String, help: String? = nil) -> Bool {
    if skip(keyword) { return true }
    unexpected(what, help: help)
    return false
  }

  /// Elements separated by `,` up to `closing`, inside which the layout rule is off.
  mutating func parseSequence<Element>(
    closing: Punctuation, opener: Token, allowTrailingComma: Bool,
    _ element: (inout Parser) -> Element
  ) -> [Element] {
    let saved = fence
    fence = nil
    defer { fence = saved }
    var elements: [Element] = []
    if skip(closing) { return elements }
    while !panicking {
      elements.append(element(&self))
      if panicking { break }
      if skip(closing) { return elements }
      if skip(.comma) {
        if allowTrailingComma, skip(closing) { return elements }
        continue
      }
      if atExpressionStart, source.line(of: here) == source.line(of: previousEnd) {
        unexpected("`,` or `\(closing.rawValue)`", help: "separate the items with `,`")
      } else {
        unclosed(opener, closer: closing)
      }
      break
    }
    return elements
  }

  /// record = "{" , [ IDENT , ":" , expression , { "," , IDENT , ":" , expression } ,
  ///   [ "," ] ] , "}" ;
  mutating func parseRecord() -> RecordLiteral? {
    let start = here
    guard let open = eat(.leftBrace) else {
      unexpected("a record `{ field: value, … }`")
      return nil
    }
    let fields: [RecordField?] = parseSequence(
      closing: .rightBrace, opener: open, allowTrailingComma: true
    ) { parser in
      guard let name = parser.expectName("a field name") else { return nil }
      guard parser.skip(.colon) else {
        parser.unexpected("`:` after the field name `\(name.text)`")
        return nil
      }
      return RecordField(name: name, value: parser.parseExpression())
    }
    return RecordLiteral(fields: fields.compactMap { $0 }, span: span(from: start))
  }

  /// table_row = "|" , ( expression | "otherwise" ) , "->" , expression ;
  /// (with primary's `[ "partial" ] , "first" , "match" , table_row , { table_row }`)
  mutating func parseFirstMatch(partial: Bool) -> Expr {
    let start = here
    if partial { advance() }
    advance()
    advance()
    var rows: [TableRow] = []
    while !panicking, isPunctuation(.bar) {
      let rowStart = here
      advance()
      var condition: Expr?
      if !skip(.otherwise) { condition = parseExpression() }
      guard skip(.arrow) else {
        unexpected("`->` after the row's condition")
        break
      }
      let result = parseExpression()
      rows.append(TableRow(condition: condition, result: result, span: span(from: rowStart)))
    }
    if rows.isEmpty {
      unexpected(
        "a row `| condition -> value` after `first match`",
        help: "each row starts with `|`; the last is usually `| otherwise -> value`")
    }
    return Expr(
      .firstMatch(FirstMatchTable(isPartial: partial, rows: rows)), span: span(from: start))
  }

  /// An IDENT, or an error naming what was expected.
  mutating func expectName(_ what: String) -> Name? {
    if tag() == .identifier {
      let token = advance()
      if case .identifier(let word) = token.kind { return Name(word, span: token.span) }
    }
    if case .keyword(let keyword) = tag() {
      unexpected(what, help: "`\(keyword.rawValue)` is a reserved word and cannot be a name")
    } else {
      unexpected(what)
    }
    return nil
  }

  /// A STRING, or an error naming what was expected.
  mutating func expectText(_ what: String) -> TextLiteral? {
    if case .literal(.string(let value)) = current {
      let token = advance()
      return TextLiteral(value, span: token.span)
    }
    unexpected(what)
    return nil
  }

  /// A DATE, or an error naming what was expected.
  mutating func expectDate(_ what: String) -> DateLiteral? {
    if case .literal(.date(let value)) = current {
      let token = advance()
      return DateLiteral(value, span: token.span)
    }
    unexpected(what, help: "dates are written `2026-07-01`")
    return nil
  }

  /// type = IDENT , [ "(" , type_argument , ")" ] ;  type_argument = type ;
  mutating func parseType() -> TypeSyntax? {
    let start = here
    let ok = enter()
    defer { leave() }
    guard ok else { return nil }
    guard let name = expectName("a type such as `Number`, `Money(SGD)` or `List(Award)`") else {
      return nil
    }
    var argument: TypeSyntax?
    if let open = eat(.leftParen) {
      argument = parseType()
      if panicking { return nil }
      if !skip(.rightParen) {
        unclosed(open, closer: .rightParen)
        return nil
      }
    }
    return TypeSyntax(name: name, argument: argument, span: span(from: start))
  }
}

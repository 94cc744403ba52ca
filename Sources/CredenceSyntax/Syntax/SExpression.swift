/// Compact S-expression text of syntax trees, for tests and debugging:
/// `a + b * c` prints as `(+ a (* b c))`.
public protocol SExpressionConvertible {
  /// The node as an S-expression.
  var sExpression: String { get }
}

func sList(_ head: String, _ items: [String]) -> String {
  items.isEmpty ? "(\(head))" : "(\(head) \(items.joined(separator: " ")))"
}

func quoted(_ text: String) -> String { JSONString.literal(text) }

extension Literal: SExpressionConvertible {
  public var sExpression: String {
    switch self {
    case .number(let n): n.description
    case .percent(let n): "\(n)%"
    case .money(let n, let currency): "\(n)\(currency)"
    case .duration(let count, let unit): "\(count)\(unit.rawValue)"
    case .date(let date): date.description
    case .string(let text): quoted(text)
    case .bool(let value): String(value)
    case .unknown: "unknown"
    }
  }
}

extension Expr: SExpressionConvertible {
  public var sExpression: String {
    switch kind {
    case .literal(let literal): return literal.sExpression
    case .name(let name): return name.text
    case .call(let name, let arguments):
      return sList("call \(name.text)", arguments.map(\.sExpression))
    case .member(let base, let field): return "(. \(base.sExpression) \(field.text))"
    case .asOf(let base, let date): return "(as-of \(base.sExpression) \(date.sExpression))"
    case .unary(let op, let operand): return "(\(op.rawValue) \(operand.sExpression))"
    case .binary(let op, let lhs, let rhs):
      return "(\(op.rawValue) \(lhs.sExpression) \(rhs.sExpression))"
    case .filter(let collection, let condition):
      return "(where \(collection.sExpression) \(condition.sExpression))"
    case .status(let subject, let status): return "(is \(subject.sExpression) \(status.rawValue))"
    case .presence(let subject, let presence):
      return "(is \(subject.sExpression) \(presence.rawValue))"
    case .list(let elements): return sList("list", elements.map(\.sExpression))
    case .record(let record): return record.sExpression
    case .conditional(let c, let t, let e):
      return "(if \(c.sExpression) \(t.sExpression) \(e.sExpression))"
    case .firstMatch(let table):
      let rows = table.rows.map { row in
        "(\(row.condition?.sExpression ?? "otherwise") -> \(row.result.sExpression))"
      }
      return sList(table.isPartial ? "partial-first-match" : "first-match", rows)
    case .distinct(let collection, let key):
      return "(distinct \(collection.sExpression) \(key.sExpression))"
    case .parenthesized(let inner): return "(paren \(inner.sExpression))"
    case .invalid: return "<invalid>"
    }
  }
}

extension RecordLiteral: SExpressionConvertible {
  public var sExpression: String {
    sList("record", fields.map { "(\($0.name.text) \($0.value.sExpression))" })
  }
}

extension TypeSyntax: SExpressionConvertible {
  public var sExpression: String {
    argument.map { "\(name.text)(\($0.sExpression))" } ?? name.text
  }
}

extension Quantity: SExpressionConvertible {
  public var sExpression: String {
    switch self {
    case .number(let n): n.value.description
    case .name(let n): n.text
    }
  }
}

extension Requirement: SExpressionConvertible {
  public var sExpression: String {
    var body: String
    switch kind {
    case .group(let group):
      let quantifier =
        switch group.quantifier {
        case .all: "all-of"
        case .any: "any-of"
        case .atLeast(let q): "at-least-of \(q.sExpression)"
        }
      switch group.items {
      case .list(let list): body = "(\(quantifier) \(list.sExpression))"
      case .block(let items): body = sList(quantifier, items.map(\.sExpression))
      }
    case .count(let count):
      let unit = count.unit == .credits ? "credits" : "credentials"
      body = "(at-least \(count.minimum.sExpression) \(unit)"
      if let filter = count.filter { body += " (where \(filter.sExpression))" }
      body += ")"
    case .condition(let expr): body = expr.sExpression
    case .invalid: body = "<invalid>"
    }
    if let because { body = "(because \(body) \(quoted(because.value)))" }
    return body
  }
}

extension Declaration: SExpressionConvertible {
  public var sExpression: String {
    var parts: [String] = []
    switch kind {
    case .policy(let header):
      parts = ["policy", quoted(header.title.value)]
      for clause in header.clauses {
        switch clause.kind {
        case .authority(let t): parts.append("(authority \(quoted(t.value)))")
        case .version(let t): parts.append("(version \(quoted(t.value)))")
        case .source(let t): parts.append("(source \(quoted(t.value)))")
        case .effective(let from, let until):
          parts.append("(effective \(from.value)\(until.map { " \($0.value)" } ?? ""))")
        case .grades(let n): parts.append("(grades \(n.text))")
        }
      }
    case .scale(let scale):
      parts = ["scale", scale.name.text]
      parts += scale.grades.map { g in
        g.points.map { "(\(quoted(g.label.value)) \($0.value))" } ?? quoted(g.label.value)
      }
      parts += scale.aliases.map { "(= \(quoted($0.alias.value)) \(quoted($0.grade.value)))" }
    case .param(let param):
      parts = ["param", param.name.text, param.type.sExpression]
      parts += param.values.map { v in
        v.from.map { "(\(v.value.sExpression) from \($0.value))" } ?? v.value.sExpression
      }
    case .fact(let fact):
      parts = ["fact", fact.name.text, fact.type.sExpression]
    case .let(let definition):
      parts = ["let", definition.name.text]
      if let parameters = definition.parameters {
        parts.append(sList("params", parameters.map { "(\($0.name.text) \($0.type.sExpression))" }))
      }
      if let type = definition.type { parts.append(": \(type.sExpression)") }
      parts.append(definition.body.sExpression)
    case .stack(let stack):
      parts = ["stack", stack.name.text, quoted(stack.title.value)]
      if let pool = stack.pool { parts.append("(using \(pool.sExpression))") }
      parts += stack.requirements.map { "(require \($0.sExpression))" }
    case .fund(let fund):
      parts = ["fund", fund.name.text, quoted(fund.title.value)]
      if let per = fund.perEnrolment {
        parts.append(
          "(per-enrolment \(per.binder.text)\(per.filter.map { " \($0.sExpression)" } ?? ""))")
      }
      for clause in fund.clauses {
        switch clause.kind {
        case .eligible(let conditions):
          parts.append(
            sList(
              "eligible",
              conditions.map { c in
                c.because.map { "(because \(c.expression.sExpression) \(quoted($0.value)))" }
                  ?? c.expression.sExpression
              }))
        case .rate(let e): parts.append("(rate \(e.sExpression))")
        case .amount(let e): parts.append("(amount \(e.sExpression))")
        }
      }
    case .equivalence(let equivalence):
      parts = ["equivalence", equivalence.name.text, quoted(equivalence.title.value)]
      if let pool = equivalence.pool { parts.append("(using \(pool.sExpression))") }
      for item in equivalence.items {
        switch item {
        case .rule(let rule):
          let source =
            switch rule.source {
            case .code(let t): quoted(t.value)
            case .allOf(let e): "(all-of \(e.sExpression))"
            case .each(let e): "(each \(e.sExpression))"
            }
          var target =
            switch rule.target.kind {
            case .module(let t): quoted(t.value)
            case .elective: "elective"
            }
          if let category = rule.target.category { target += " in \(quoted(category.value))" }
          parts.append("(counts-as \(source) \(target) \(rule.credits.sExpression))")
        case .cap(let cap):
          parts.append(
            "(cap \(cap.limit.sExpression)\(cap.category.map { " in \(quoted($0.value))" } ?? ""))")
        }
      }
    case .test(let test):
      parts = ["test", quoted(test.description.value)]
      if let asOf = test.asOf { parts.append("(as-of \(asOf.value))") }
      for clause in test.clauses {
        switch clause.kind {
        case .expect(let e): parts.append("(expect \(e.sExpression))")
        case .expectPath(let path):
          var words = ["expect-path", path.target.text]
          if let credits = path.credits { words.append("(credits \(credits.sExpression))") }
          if let objective = path.objective { words.append("(by \(objective.text))") }
          words.append(path.codes.sExpression)
          parts.append(sList(words[0], Array(words.dropFirst())))
        case .examples(let table):
          parts.append(
            sList("examples", table.rows.map { sList("row", $0.cells.map(\.sExpression)) }))
        case .given(let fixture): parts.append("(given \(fixture.sExpression))")
        }
      }
    case .invalid:
      return "<invalid>"
    }
    return sList(parts[0], Array(parts.dropFirst()))
  }
}

extension Fixture: SExpressionConvertible {
  public var sExpression: String {
    switch self {
    case .learner(let r): "learner \(r.sExpression)"
    case .credential(let r): "credential \(r.sExpression)"
    case .enrolment(let r): "enrolment \(r.sExpression)"
    case .award(.record(let r)): "award \(r.sExpression)"
    case .award(.short(let code, let on, let grade)):
      "award \(quoted(code.value)) on \(on.sExpression)\(grade.map { " grade \($0.sExpression)" } ?? "")"
    case .ledger(.record(let r)): "ledger \(r.sExpression)"
    case .ledger(.short(let scheme, let amount, let on, let until)):
      "ledger \(quoted(scheme.value)) \(amount.sExpression) on \(on.sExpression)"
        + (until.map { " until \($0.sExpression)" } ?? "")
    case .fact(let name, let value): "fact \(name.text) \(value.sExpression)"
    }
  }
}

extension FileSyntax: SExpressionConvertible {
  /// One declaration per line.
  public var sExpression: String {
    declarations.map(\.sExpression).joined(separator: "\n")
  }
}

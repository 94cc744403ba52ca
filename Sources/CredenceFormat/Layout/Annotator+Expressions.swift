import CredenceSyntax

extension Annotator {
  /// Continuation lines inside expressions: a leading operator hangs left of its operand,
  /// `then` and `else` sit under `if`, table rows are indented 2 under `first match`.
  mutating func expression(_ expr: Expr) {
    switch expr.kind {
    case .literal, .name, .invalid:
      break
    case .call(let name, let arguments):
      glue(last(name.span) + 1)
      for argument in arguments { expression(argument) }
    case .member(let base, _):
      expression(base)
    case .asOf(let base, let date):
      expression(base)
      expression(date)
    case .unary(let op, let operand):
      if op == .negate { glue(first(operand.span)) }
      expression(operand)
    case .binary(let op, let lhs, let rhs):
      let anchor = first(lhs.span)
      rule(last(lhs.span) + 1, .hang(anchor: anchor, width: op.rawValue.count))
      rule(first(rhs.span), .align(anchor: anchor))
      expression(lhs)
      expression(rhs)
    case .filter(let collection, let condition):
      expression(collection)
      expression(condition)
    case .status(let base, _), .presence(let base, _):
      expression(base)
    case .list(let elements):
      for element in elements { expression(element) }
      dropTrailingComma(closer: last(expr.span))
    case .record(let record):
      self.record(record)
    case .conditional:
      conditional(expr, anchor: first(expr.span))
    case .firstMatch(let table):
      let opener = first(expr.span)
      var run = RunBuilder()
      for row in table.rows {
        let bar = first(row.span)
        let end = last(row.span)
        clause(range(bar, end))
        rule(bar, .structural(base: opener, plus: 2))
        let arrow = row.condition.map { last($0.span) + 1 } ?? bar + 2
        run.add(AlignmentCandidate(first: bar, aligned: arrow, last: end))
        if let condition = row.condition { expression(condition) }
        expression(row.result)
      }
      run.finish()
      notes.alignmentRuns += run.runs
    case .distinct(let collection, let key):
      expression(collection)
      expression(key)
    case .parenthesized(let inner):
      expression(inner)
    }
  }

  /// `then` and `else` under `if`; in an `else if` chain, under the chain's first `if`.
  mutating func conditional(_ expr: Expr, anchor: Int) {
    guard case .conditional(let condition, let then, let otherwise) = expr.kind else {
      expression(expr)
      return
    }
    rule(first(then.span) - 1, .align(anchor: anchor))
    rule(first(otherwise.span) - 1, .align(anchor: anchor))
    expression(condition)
    expression(then)
    conditional(otherwise, anchor: anchor)
  }

  mutating func record(_ record: RecordLiteral) {
    for field in record.fields { expression(field.value) }
    dropTrailingComma(closer: last(record.span))
  }

  /// `[a, b,]` prints as `[a, b]`; a trailing comma stays when the bracket closes on a
  /// line of its own.
  mutating func dropTrailingComma(closer: Int) {
    let comma = closer - 1
    guard comma > 0, tokens[comma].kind == .punctuation(.comma), !tokens[closer].startsLine,
      !tokens[comma].startsLine
    else { return }
    notes.deleted[comma] = true
  }
}

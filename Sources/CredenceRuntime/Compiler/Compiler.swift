import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// Compiles checked expressions into closures, once per program.
///
/// Every name is already an index and every operator already resolved, so each node becomes
/// one closure that calls its children's closures directly: no lookups by name, no
/// dictionaries of variables, no re-dispatch on types at run time. Constant sub-expressions
/// are folded.
struct Compiler {
  let program: CheckedProgram
  /// Whether `.param` reads the date of the param being evaluated (inside a param's value)
  /// rather than the evaluation date.
  var insideParam = false
  /// Whether comparisons of an element's award field read the field in place
  /// (Compiler+AwardReads.swift); off only in the tests that compare both forms.
  var fusesAwardReads = true

  init(program: CheckedProgram) {
    self.program = program
  }

  /// Compiles `expr`.
  func compile(_ expr: TypedExpr) -> CompiledExpr {
    let span = expr.span
    switch expr.node {
    case .constant(let constant):
      let value = Self.value(of: constant)
      return CompiledExpr(code: { _ in value }, expr: expr, children: [], constant: value)

    case .list(let items):
      let children = items.map(compile)
      if children.allSatisfy({ $0.constant != nil }) {
        let value = Value.list(ValueList(children.compactMap(\.constant)))
        return CompiledExpr(code: { _ in value }, expr: expr, children: children, constant: value)
      }
      let codes = children.map(\.code)
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          var elements: [Value] = []
          elements.reserveCapacity(codes.count)
          for code in codes { elements.append(try code(m)) }
          return .list(ValueList(elements))
        }, expr: expr, children: children)

    case .local(let slot):
      let index = slot.index
      return CompiledExpr(code: { m in m.local(index) }, expr: expr, children: [])

    case .asOf:
      return CompiledExpr(code: { m in .date(m.asOf) }, expr: expr, children: [])

    case .learner:
      return CompiledExpr(code: { _ in .record(.learner) }, expr: expr, children: [])

    case .fact(let id):
      let index = id.index
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in try m.fact(index) }, expr: expr, children: [])

    case .param(let id):
      let index = id.index
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in try m.param(index) }, expr: expr, children: [])

    case .paramOn(let id, let date):
      let index = id.index
      let dateCode = compile(date)
      let code = dateCode.code
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .date(let day) = try code(m) else { return .unknown }
          return try m.param(index, on: day)
        }, expr: expr, children: [dateCode])

    case .value(let id):
      let index = id.index
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in try m.letValue(index) }, expr: expr, children: [])

    case .call(let id, let arguments):
      let index = id.index
      let compiled = arguments.map(compile)
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in try m.call(index, compiled, at: span) },
        expr: expr, children: compiled)

    case .decision(let id):
      return CompiledExpr(
        code: { m in .decision(m.outcome(of: id)) }, expr: expr, children: [])

    case .claim(let fund, let enrolmentID):
      let index = fund.index
      let idCode = compile(enrolmentID)
      let code = idCode.code
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .text(let id) = try code(m) else {
            return .decision(m.unknownClaim(fund: index))
          }
          return .decision(m.claimOutcome(fund: index, enrolmentID: id))
        }, expr: expr, children: [idCode])

    case .field(let record, let field):
      return compileField(expr, record, field)

    case .projection(let list, let field):
      return compileProjection(expr, list, field)

    case .decisionField(let decision, let field):
      return compileDecisionField(expr, decision, field)

    case .negate(let negation, let operand):
      return compileNegation(expr, negation, operand)

    case .not(let operand):
      let child = compile(operand)
      let code = child.code
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          switch try code(m) {
          case .bool(let value): return .bool(!value)
          default: return .unknown
          }
        }, expr: expr, children: [child])

    case .and(let left, let right):
      let l = compile(left)
      let r = compile(right)
      let (lc, rc) = (l.code, r.code)
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          let a = try lc(m)
          if case .bool(false) = a { return a }
          let b = try rc(m)
          if case .bool(false) = b { return b }
          if case .bool(true) = a { return b }
          return .unknown
        }, expr: expr, children: [l, r])

    case .or(let left, let right):
      let l = compile(left)
      let r = compile(right)
      let (lc, rc) = (l.code, r.code)
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          let a = try lc(m)
          if case .bool(true) = a { return a }
          let b = try rc(m)
          if case .bool(true) = b { return b }
          if case .bool(false) = a { return b }
          return .unknown
        }, expr: expr, children: [l, r])

    case .arithmetic(let operation, let left, let right):
      return compileArithmetic(expr, operation, left, right)

    case .compare(let comparison, let left, let right):
      return compileComparison(expr, comparison, left, right)

    case .contains(let element, let list, let negated):
      return compileContains(expr, element, list, negated: negated)

    case .status(let decision, let status):
      let child = compile(decision)
      let code = child.code
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .decision(let outcome) = try code(m) else { return .bool(false) }
          return .bool(outcome.status == status)
        }, expr: expr, children: [child])

    case .presence(let operand, let presence):
      let child = compile(operand)
      let code = child.code
      let wantsKnown = presence == .known
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          .bool((try code(m)).isUnknown != wantsKnown)
        }, expr: expr, children: [child])

    case .conditional(let condition, let then, let otherwise):
      let c = compile(condition)
      let t = compile(then)
      let e = compile(otherwise)
      let (cc, tc, ec) = (c.code, t.code, e.code)
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          switch try cc(m) {
          case .bool(true): return try tc(m)
          case .bool(false): return try ec(m)
          default: return .unknown
          }
        }, expr: expr, children: [c, t, e])

    case .firstMatch(let table):
      return compileTable(expr, table)

    case .filter(let list, let element, let condition):
      return compileFilter(expr, list, element, condition)

    case .distinct(let list, let element, let key):
      return compileDistinct(expr, list, element, key)

    case .aggregate(let aggregate, let list, let perElement):
      return compileAggregate(expr, aggregate, list, perElement)

    case .extremum(let which, let values):
      return compileExtremum(expr, which, values)

    case .round(let value, let places, let rule):
      return compileRound(expr, value, places, rule)

    case .builtin(let builtin, let arguments):
      return compileBuiltin(expr, builtin, arguments)

    case .assertCurrency(let operand, let currency):
      return compileAssertCurrency(expr, operand, currency)
    }
  }

  /// A literal as a value.
  static func value(of constant: Constant) -> Value {
    switch constant {
    case .bool(let value): .bool(value)
    case .number(let value): .number(value)
    case .percent(let value): .percent(value.value)
    case .money(let value): .money(value)
    case .text(let value): .text(value)
    case .date(let value): .date(value)
    case .duration(let value): .duration(DurationBox(value))
    case .grade(let scale, let rank, let mark):
      .grade(GradeValue(scale: scale.index, rank: rank, mark: mark))
    case .unknown: .unknown
    }
  }

  /// A first-match table: the first row whose condition holds; unknown when a row before it
  /// is unknown, or when no row of a partial table holds.
  private func compileTable(_ expr: TypedExpr, _ table: CheckedTable) -> CompiledExpr {
    var children: [CompiledExpr] = []
    var rows: [(condition: Code?, result: Code)] = []
    for row in table.rows {
      let condition = row.condition.map(compile)
      let result = compile(row.result)
      if let condition { children.append(condition) }
      children.append(result)
      rows.append((condition?.code, result.code))
    }
    // Row spans for coverage (`credence test --coverage`), read only when recording.
    let spans = table.rows.map(\.span)
    let table = rows
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        for (index, row) in table.enumerated() {
          guard let condition = row.condition else {
            m.coverage?.chose(row: spans[index])
            return try row.result(m)
          }
          switch try condition(m) {
          case .bool(true):
            m.coverage?.chose(row: spans[index])
            return try row.result(m)
          case .bool(false): continue
          default: return .unknown
          }
        }
        return .unknown
      }, expr: expr, children: children)
  }
}

/// A failure at `span` from a value error, worded for policy authors.
func failure(_ error: ValueError, at span: Span) -> EvaluationFailure {
  EvaluationFailure(error.description, at: span)
}

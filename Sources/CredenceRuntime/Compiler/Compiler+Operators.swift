import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Compiler {
  func compileNegation(_ expr: TypedExpr, _ negation: Negation, _ operand: TypedExpr)
    -> CompiledExpr
  {
    let child = compile(operand)
    let code = child.code
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        switch try code(m) {
        case .number(let x): return .number(x.negated())
        case .percent(let x): return .percent(x.negated())
        case .money(let x): return .money(x.negated())
        case .duration(let x):
          do throws(ValueError) { return .duration(DurationBox(try x.duration.negated())) } catch {
            throw failure(error, at: span)
          }
        default: return .unknown
        }
      }, expr: expr, children: [child])
  }

  func compileArithmetic(
    _ expr: TypedExpr, _ operation: Arithmetic, _ left: TypedExpr, _ right: TypedExpr
  ) -> CompiledExpr {
    let l = compile(left)
    let r = compile(right)
    let apply = Self.arithmetic(operation)
    let span = expr.span
    let (lc, rc) = (l.code, r.code)
    // `date ± constant duration`, the commonest arithmetic in policies, skips the unboxing.
    if case .duration(let box)? = r.constant,
      operation == .addDurationToDate || operation == .subtractDurationFromDate
    {
      let duration = box.duration
      let subtract = operation == .subtractDurationFromDate
      if case .asOf = left.node {
        // `as_of ± duration`: the same for every learner of a run, so computed once per
        // evaluation date (pool conditions compare every award against it).
        let memo = DayMemo()
        return CompiledExpr(
          code: { m throws(EvaluationFailure) in
            if let day = memo.day(from: m.asOf) { return .date(day) }
            do throws(ValueError) {
              let day = subtract ? try m.asOf.subtracting(duration) : try m.asOf.adding(duration)
              memo.keep(day, from: m.asOf)
              return .date(day)
            } catch { throw failure(error, at: span) }
          }, expr: expr, children: [l, r])
      }
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .date(let date) = try lc(m) else { return .unknown }
          do throws(ValueError) {
            return .date(subtract ? try date.subtracting(duration) : try date.adding(duration))
          } catch { throw failure(error, at: span) }
        }, expr: expr, children: [l, r])
    }
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        let a = try lc(m)
        if a.isUnknown { return .unknown }
        let b = try rc(m)
        if b.isUnknown { return .unknown }
        do throws(ValueError) { return try apply(a, b) } catch { throw failure(error, at: span) }
      }, expr: expr, children: [l, r])
  }

  /// The operation on two known values of the types the checker resolved.
  static func arithmetic(_ operation: Arithmetic)
    -> @Sendable (Value, Value) throws(ValueError)
    -> Value
  {
    switch operation {
    case .addNumbers:
      return { a, b throws(ValueError) in
        guard case .number(let x) = a, case .number(let y) = b else { return .unknown }
        return .number(try x + y)
      }
    case .subtractNumbers:
      return { a, b throws(ValueError) in
        guard case .number(let x) = a, case .number(let y) = b else { return .unknown }
        return .number(try x - y)
      }
    case .multiplyNumbers:
      return { a, b throws(ValueError) in
        guard case .number(let x) = a, case .number(let y) = b else { return .unknown }
        return .number(try x * y)
      }
    case .divideNumbers:
      return { a, b throws(ValueError) in
        guard case .number(let x) = a, case .number(let y) = b else { return .unknown }
        return .number(try x / y)
      }
    case .addMoney:
      return { a, b throws(ValueError) in
        guard case .money(let x) = a, case .money(let y) = b else { return .unknown }
        return .money(try MoneyArithmetic.add(x, y))
      }
    case .subtractMoney:
      return { a, b throws(ValueError) in
        guard case .money(let x) = a, case .money(let y) = b else { return .unknown }
        return .money(try MoneyArithmetic.subtract(x, y))
      }
    case .divideMoneyByMoney:
      return { a, b throws(ValueError) in
        guard case .money(let x) = a, case .money(let y) = b else { return .unknown }
        return .number(try MoneyArithmetic.divide(x, y))
      }
    case .multiplyMoneyByNumber:
      return { a, b throws(ValueError) in
        guard case .money(let x) = a, case .number(let y) = b else { return .unknown }
        return .money(try x.multiplied(by: y))
      }
    case .multiplyNumberByMoney:
      return { a, b throws(ValueError) in
        guard case .number(let x) = a, case .money(let y) = b else { return .unknown }
        return .money(try y.multiplied(by: x))
      }
    case .divideMoneyByNumber:
      return { a, b throws(ValueError) in
        guard case .money(let x) = a, case .number(let y) = b else { return .unknown }
        return .money(try x.divided(by: y))
      }
    case .multiplyMoneyByPercent:
      return { a, b throws(ValueError) in
        guard case .money(let x) = a, case .percent(let y) = b else { return .unknown }
        return .money(try x.multiplied(by: Percent(y)))
      }
    case .multiplyPercentByMoney:
      return { a, b throws(ValueError) in
        guard case .percent(let x) = a, case .money(let y) = b else { return .unknown }
        return .money(try y.multiplied(by: Percent(x)))
      }
    case .multiplyNumberByPercent:
      return { a, b throws(ValueError) in
        guard case .number(let x) = a, case .percent(let y) = b else { return .unknown }
        return .number(try Percent(y).applied(to: x))
      }
    case .multiplyPercentByNumber:
      return { a, b throws(ValueError) in
        guard case .percent(let x) = a, case .number(let y) = b else { return .unknown }
        return .number(try Percent(x).applied(to: y))
      }
    case .addPercents:
      return { a, b throws(ValueError) in
        guard case .percent(let x) = a, case .percent(let y) = b else { return .unknown }
        return .percent(try x + y)
      }
    case .subtractPercents:
      return { a, b throws(ValueError) in
        guard case .percent(let x) = a, case .percent(let y) = b else { return .unknown }
        return .percent(try x - y)
      }
    case .addDurations:
      return { a, b throws(ValueError) in
        guard case .duration(let x) = a, case .duration(let y) = b else { return .unknown }
        return .duration(DurationBox(try x.duration.adding(y.duration)))
      }
    case .subtractDurations:
      return { a, b throws(ValueError) in
        guard case .duration(let x) = a, case .duration(let y) = b else { return .unknown }
        return .duration(DurationBox(try x.duration.adding(try y.duration.negated())))
      }
    case .addDurationToDate:
      return { a, b throws(ValueError) in
        guard case .date(let x) = a, case .duration(let y) = b else { return .unknown }
        return .date(try x.adding(y.duration))
      }
    case .addDateToDuration:
      return { a, b throws(ValueError) in
        guard case .duration(let x) = a, case .date(let y) = b else { return .unknown }
        return .date(try y.adding(x.duration))
      }
    case .subtractDurationFromDate:
      return { a, b throws(ValueError) in
        guard case .date(let x) = a, case .duration(let y) = b else { return .unknown }
        return .date(try x.subtracting(y.duration))
      }
    }
  }

  func compileComparison(
    _ expr: TypedExpr, _ comparison: Comparison, _ left: TypedExpr, _ right: TypedExpr
  ) -> CompiledExpr {
    let l = compile(left)
    let r = compile(right)
    let (lc, rc) = (l.code, r.code)
    let op = comparison.op
    let span = expr.span
    if comparison.domain == .unknown {
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          _ = try lc(m)
          _ = try rc(m)
          return .unknown
        }, expr: expr, children: [l, r])
    }
    // A pool condition's test of the award's grade or date, read in place.
    if let fused = fusedAwardComparison(expr, comparison, left, l, r) { return fused }
    // Dates and numbers against a constant: the shapes of most eligibility conditions.
    if comparison.domain == .date, case .date(let bound)? = r.constant {
      let day = bound.dayNumber
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .date(let date) = try lc(m) else { return .unknown }
          return .bool(Self.holds(op, date.dayNumber, day))
        }, expr: expr, children: [l, r])
    }
    // Dates against any date (`awarded_on > as_of - 5 years`): day numbers, both sides
    // evaluated in the same order as the general path below.
    if comparison.domain == .date {
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          let a = try lc(m)
          let b = try rc(m)
          guard case .date(let x) = a, case .date(let y) = b else { return .unknown }
          return .bool(Self.holds(op, x.dayNumber, y.dayNumber))
        }, expr: expr, children: [l, r])
    }
    if comparison.domain == .number, case .number(let bound)? = r.constant {
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .number(let value) = try lc(m) else { return .unknown }
          return .bool(Self.holds(op, value.compared(to: bound)))
        }, expr: expr, children: [l, r])
    }
    let ordered = op != .equal && op != .notEqual
    // Grades ordered against a grade of the scale (`grade >= "B-"`, in most pool conditions):
    // ranks compared as the general path's `order` does, without its checks of other kinds.
    if ordered, comparison.domain == .grade, case .grade(let bound)? = r.constant,
      bound.isRanked
    {
      let (scale, rank) = (bound.scale, bound.rank)
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          guard case .grade(let grade) = try lc(m), grade.isRanked, grade.scale == scale else {
            return .unknown
          }
          return .bool(Self.holds(op, grade.rank, rank))
        }, expr: expr, children: [l, r])
    }
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        let a = try lc(m)
        let b = try rc(m)
        if a.isUnknown || b.isUnknown { return .unknown }
        if case .text(let x) = a, case .text(let y) = b {
          try m.stepForText(bytes: x.utf8.count + y.utf8.count, at: span)
        }
        if !ordered {
          let equal = a.equals(b)
          if case .money(let x) = a, case .money(let y) = b,
            MoneyArithmetic.common(x, y) == nil
          {
            throw failure(.currencyMismatch(x.currency, y.currency), at: span)
          }
          return Value(op == .equal ? equal : equal.negated)
        }
        if case .money(let x) = a, case .money(let y) = b, MoneyArithmetic.common(x, y) == nil {
          throw failure(.currencyMismatch(x.currency, y.currency), at: span)
        }
        guard let order = a.order(b, reference: m.asOf) else { return .unknown }
        return .bool(Self.holds(op, order))
      }, expr: expr, children: [l, r])
  }

  @inline(__always)
  static func holds(_ op: Comparison.Operator, _ order: ValueOrder) -> Bool {
    switch op {
    case .equal: order == .equal
    case .notEqual: order != .equal
    case .less: order == .less
    case .lessOrEqual: order != .greater
    case .greater: order == .greater
    case .greaterOrEqual: order != .less
    }
  }

  @inline(__always)
  static func holds(_ op: Comparison.Operator, _ a: Int32, _ b: Int32) -> Bool {
    switch op {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessOrEqual: a <= b
    case .greater: a > b
    case .greaterOrEqual: a >= b
    }
  }
}

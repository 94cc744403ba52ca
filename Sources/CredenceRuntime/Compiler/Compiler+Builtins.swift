import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Compiler {
  /// The most decimal places `round` accepts: an exact decimal's.
  static var maximumRoundingPlaces: Int { ExactDecimal.maxScale }

  func compileRound(
    _ expr: TypedExpr, _ value: TypedExpr, _ places: TypedExpr, _ rule: RoundingRule
  ) -> CompiledExpr {
    let v = compile(value)
    let p = compile(places)
    let (vc, pc) = (v.code, p.code)
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        let value = try vc(m)
        guard case .number(let placesValue) = try pc(m) else { return .unknown }
        guard let places = placesValue.intValue, places >= 0, places <= Self.maximumRoundingPlaces
        else {
          throw EvaluationFailure(
            "`round` needs a whole number of decimal places from 0 to "
              + "\(Self.maximumRoundingPlaces), not \(placesValue)", at: span)
        }
        do throws(ValueError) {
          switch value {
          case .number(let x): return .number(try x.rounded(scale: places, rule: rule))
          case .percent(let x): return .percent(try x.rounded(scale: places, rule: rule))
          case .money(let x): return .money(try x.rounded(scale: places, rule: rule))
          default: return .unknown
          }
        } catch { throw failure(error, at: span) }
      }, expr: expr, children: [v, p])
  }

  func compileBuiltin(_ expr: TypedExpr, _ builtin: Builtin, _ arguments: [TypedExpr])
    -> CompiledExpr
  {
    let children = arguments.map(compile)
    let codes = children.map(\.code)
    let span = expr.span
    let unknown: Code = { _ in .unknown }
    let first = codes.first ?? unknown
    let second = codes.count > 1 ? codes[1] : unknown
    let code: Code
    switch builtin {
    case .yearsBetween, .monthsBetween, .ageByYearOfBirth:
      code = { m throws(EvaluationFailure) in
        guard case .date(let a) = try first(m), case .date(let b) = try second(m) else {
          return .unknown
        }
        let result =
          switch builtin {
          case .yearsBetween: CredenceValues.CivilDate.yearsBetween(a, b)
          case .monthsBetween: CredenceValues.CivilDate.monthsBetween(a, b)
          default: a.yearOfBirthAge(on: b)
          }
        return .number(ExactDecimal(result))
      }
    case .endOfYear:
      code = { m throws(EvaluationFailure) in
        guard case .date(let date) = try first(m) else { return .unknown }
        return .date(date.endOfYear)
      }
    case .balance:
      code = { m throws(EvaluationFailure) in
        guard case .text(let scheme) = try first(m) else { return .unknown }
        return try m.balance(scheme, at: span)
      }
    case .points:
      let scales = program.scales.map(\.scale)
      code = { m throws(EvaluationFailure) in
        guard case .grade(let grade) = try first(m), grade.isRanked,
          let points = scales[Int(grade.scale)].grade(atRank: Int(grade.rank))?.points
        else { return .unknown }
        return .number(points)
      }
    case .readGrade(let scale):
      let index = scale.index
      let grades = program[scale].scale
      code = { m throws(EvaluationFailure) in
        switch try first(m) {
        case .text(let mark):
          return .grade(GradeValue(scale: index, rank: grades.rank(of: mark), mark: mark))
        case .grade(let grade):
          return .grade(
            GradeValue(scale: index, rank: grades.rank(of: grade.mark), mark: grade.mark))
        default:
          return .unknown
        }
      }
    }
    return CompiledExpr(code: code, expr: expr, children: children)
  }

  /// Money from the records where the program needs one currency: a zero without currency
  /// takes it; another currency is an error naming the expression.
  func compileAssertCurrency(_ expr: TypedExpr, _ operand: TypedExpr, _ currency: CurrencyCode)
    -> CompiledExpr
  {
    let child = compile(operand)
    let code = child.code
    let span = expr.span
    @Sendable func check(_ value: Value) throws(EvaluationFailure) -> Value {
      guard case .money(let money) = value, money.currency != currency else { return value }
      if MoneyArithmetic.isBareZero(money) { return .money(Money(money.amount, currency)) }
      throw EvaluationFailure(
        "this amount is in `\(money.currency)`, but the rule needs `\(currency)`", at: span)
    }
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        let value = try code(m)
        guard case .list(let list) = value else { return try check(value) }
        var elements: [Value] = []
        elements.reserveCapacity(list.count)
        for element in list.elements { elements.append(try check(element)) }
        return .list(ValueList(elements, uncertain: list.uncertain))
      }, expr: expr, children: [child])
  }
}

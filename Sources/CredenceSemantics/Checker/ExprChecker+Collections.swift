import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  /// The element type of a list operand, or nil after reporting that it is not a list.
  func listElement(_ list: TypedExpr, role: String) -> ValueType? {
    switch list.type {
    case .list(let element): return element
    case .unknown: return .unknown
    default:
      error(
        .notAList, "\(role) needs a list, but this is \(quoted(list.type))", at: list.span,
        help: "write a list (`[…]`) or a list-valued name, such as `learner.awards`")
      return nil
    }
  }

  /// `xs where c`.
  func checkFilter(_ baseSyntax: Expr, _ conditionSyntax: Expr, at span: Span, _ context: Context)
    -> TypedExpr
  {
    let base = check(baseSyntax, context)
    guard let element = listElement(base, role: "`where`") else {
      _ = check(conditionSyntax, context.withElement(.unknown).0)
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    let (inner, slot) = context.withElement(element)
    let c = condition(conditionSyntax, inner, role: "a `where` condition")
    return TypedExpr(.filter(base, element: slot, condition: c), base.type, span: span)
  }

  /// `distinct xs by key`.
  func checkDistinct(_ baseSyntax: Expr, _ keySyntax: Expr, at span: Span, _ context: Context)
    -> TypedExpr
  {
    let base = check(baseSyntax, context)
    guard let element = listElement(base, role: "`distinct`") else {
      _ = check(keySyntax, context.withElement(.unknown).0)
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    let (inner, slot) = context.withElement(element)
    let key = check(keySyntax, inner)
    if !key.type.isEquatable {
      error(
        .invalidComparison,
        "`distinct … by` needs a key that compares with `==`, but this is \(quoted(key.type))",
        at: key.span, help: "group by a field such as `credential_code` or `id`")
    }
    return TypedExpr(.distinct(base, element: slot, key: key), base.type, span: span)
  }

  // MARK: Built-ins

  /// A call of a built-in function.
  func checkBuiltin(_ name: Name, _ arguments: [Expr], at span: Span, _ context: Context)
    -> TypedExpr
  {
    let unknown = TypedExpr(.constant(.unknown), .unknown, span: span)
    func arity(_ allowed: ClosedRange<Int>, _ usage: String) -> Bool {
      guard allowed.contains(arguments.count) else {
        arguments.forEach { _ = check($0, context) }
        let expected =
          allowed.lowerBound == allowed.upperBound
          ? count(allowed.lowerBound, "argument")
          : allowed.upperBound == Int.max
            ? "at least \(allowed.lowerBound) arguments"
            : "\(allowed.lowerBound) or \(allowed.upperBound) arguments"
        error(
          .wrongArgumentCount,
          "`\(name.text)` takes \(expected), but this call gives \(arguments.count)", at: span,
          help: "write `\(usage)`")
        return false
      }
      return true
    }
    switch name.text {
    case "count", "any", "all":
      guard arity(1...2, "\(name.text)(xs)` or `\(name.text)(xs, condition)") else {
        return unknown
      }
      guard let aggregate = Aggregate(rawValue: name.text) else { return unknown }
      let list = check(arguments[0], context)
      guard let element = listElement(list, role: "`\(name.text)`") else {
        if arguments.count == 2 { _ = check(arguments[1], context.withElement(.unknown).0) }
        return TypedExpr(.constant(.unknown), name.text == "count" ? .number : .bool, span: span)
      }
      var perElement: PerElement?
      if arguments.count == 2 {
        let (inner, slot) = context.withElement(element)
        let c = condition(arguments[1], inner, role: "the condition of `\(name.text)`")
        perElement = PerElement(element: slot, body: c)
      } else if aggregate != .count, element != .bool, element != .unknown {
        error(
          .typeMismatch,
          "`\(name.text)(xs)` needs a list of truth values, but this is \(quoted(list.type))",
          at: list.span, help: "give a condition for each element: `\(name.text)(xs, condition)`")
      }
      let type: ValueType = aggregate == .count ? .number : .bool
      return TypedExpr(.aggregate(aggregate, list, perElement: perElement), type, span: span)
    case "sum":
      guard arity(1...2, "sum(xs)` or `sum(xs, value)") else { return unknown }
      return checkAggregate(.sum, arguments, at: span, context)
    case "min", "max":
      guard
        arity(1...Int.max, "\(name.text)(xs)`, `\(name.text)(xs, value)` or `\(name.text)(a, b)")
      else { return unknown }
      let first = check(arguments[0], context)
      let isList: Bool
      if case .list = first.type { isList = true } else { isList = false }
      if isList && arguments.count <= 2 {
        return checkAggregate(
          name.text == "min" ? .min : .max, arguments, at: span, context, first: first)
      }
      guard arguments.count >= 2 else {
        error(
          .notAList, "`\(name.text)` of one value needs a list, but this is \(quoted(first.type))",
          at: first.span,
          help: "give a list (`\(name.text)(xs)`) or two or more values (`\(name.text)(a, b)`)")
        return unknown
      }
      let values = [first] + arguments.dropFirst().map { check($0, context) }
      var failed = false
      let (common, converted) = unify(values) { value, common in
        failed = true
        if case .money(let a?) = common, case .money(let b?) = value.type, a != b {
          error(
            .currencyMismatch,
            "`\(name.text)` cannot compare \(quoted(common)) with \(quoted(value.type))",
            at: value.span,
            help: "amounts in different currencies never compare: use amounts in one currency")
        } else {
          error(
            .typeMismatch,
            "the values of `\(name.text)` must have one type, but this is \(quoted(value.type)) and the ones before it are \(quoted(common))",
            at: value.span, help: "compare values of the same kind")
        }
      }
      if failed { return unknown }
      if !common.isOrdered {
        error(
          .invalidComparison,
          "\(quoted(common)) values have no order, so `\(name.text)` cannot compare them",
          at: span,
          help: "`min` and `max` compare numbers, money, percentages, dates, durations and grades")
        return unknown
      }
      let extremum: Extremum = name.text == "min" ? .min : .max
      return TypedExpr(.extremum(extremum, converted), common, span: span)
    case "round":
      guard arity(2...3, "round(x, places)` or `round(x, places, \"half-even\")") else {
        return unknown
      }
      return checkRound(arguments, at: span, context)
    case "years_between", "months_between", "age_by_year_of_birth":
      guard arity(2...2, "\(name.text)(from, to)") else { return unknown }
      let dates = arguments.map { argument in
        require(check(argument, context), .date) {
          "`\(name.text)` measures between two dates, but this is \($0)"
        }
      }
      let builtin: Builtin =
        switch name.text {
        case "years_between": .yearsBetween
        case "months_between": .monthsBetween
        default: .ageByYearOfBirth
        }
      return TypedExpr(.builtin(builtin, arguments: dates), .number, span: span)
    case "end_of_year":
      guard arity(1...1, "end_of_year(date)") else { return unknown }
      let day = require(check(arguments[0], context), .date) {
        "`end_of_year` needs a date, but this is \($0)"
      }
      return TypedExpr(.builtin(.endOfYear, arguments: [day]), .date, span: span)
    case "balance":
      guard arity(1...1, "balance(\"scheme\")") else { return unknown }
      let scheme = require(check(arguments[0], context), .text) {
        "a funding scheme is named by `Text`, but this is \($0)"
      }
      if context.isParamValue {
        error(
          .paramNotConstant, "a param's value cannot use `balance`", at: span,
          help: "a param is a fixed figure of the rule; compute balances with `let`")
      }
      recordReadsDate(in: context)
      return TypedExpr(.builtin(.balance, arguments: [scheme]), .money(nil), span: span)
    case "points":
      guard arity(1...1, "points(grade)") else { return unknown }
      return checkPoints(arguments[0], at: span, context)
    default:
      return unknown
    }
  }

  /// `sum`, and `min`/`max` of a list: over the elements or over a per-element value.
  private func checkAggregate(
    _ aggregate: Aggregate, _ arguments: [Expr], at span: Span, _ context: Context,
    first: TypedExpr? = nil
  ) -> TypedExpr {
    let list = first ?? check(arguments[0], context)
    let name = aggregate.rawValue
    guard let element = listElement(list, role: "`\(name)`") else {
      if arguments.count == 2 { _ = check(arguments[1], context.withElement(.unknown).0) }
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    var perElement: PerElement?
    var valueType = element
    var valueSpan = list.span
    if arguments.count == 2 {
      let (inner, slot) = context.withElement(element)
      let body = check(arguments[1], inner)
      perElement = PerElement(element: slot, body: body)
      valueType = body.type
      valueSpan = body.span
    }
    let fits = aggregate == .sum ? valueType.isSummable : valueType.isOrdered
    if !fits {
      let what = aggregate == .sum ? "add up" : "compare"
      error(
        .typeMismatch, "`\(name)` cannot \(what) \(quoted(valueType)) values", at: valueSpan,
        help: aggregate == .sum
          ? "`sum` adds numbers, money, percentages or durations; give the value to add per element: `sum(xs, credential.credits)`"
          : "`\(name)` compares numbers, money, percentages, dates, durations or grades; give the value to compare per element: `\(name)(xs, awarded_on)`"
      )
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    return TypedExpr(.aggregate(aggregate, list, perElement: perElement), valueType, span: span)
  }

  /// The rounding rules by the names policies write.
  static let roundingRules: [String: RoundingRule] = [
    "half-away-from-zero": .halfAwayFromZero, "half-even": .halfEven,
    "half-toward-zero": .halfTowardZero, "ceiling": .ceiling, "floor": .floor,
    "toward-zero": .towardZero, "away-from-zero": .awayFromZero,
  ]

  /// `round(x, places[, "rule"])`.
  private func checkRound(_ arguments: [Expr], at span: Span, _ context: Context) -> TypedExpr {
    let value = check(arguments[0], context)
    switch value.type {
    case .number, .money, .percent, .unknown: break
    default:
      error(
        .typeMismatch,
        "`round` rounds numbers, money and percentages, but this is \(quoted(value.type))",
        at: value.span, help: "round a number, an amount or a percentage")
    }
    let places = require(check(arguments[1], context), .number) {
      "the number of decimal places must be a `Number`, but this is \($0)"
    }
    if case .constant(.number(let n)) = places.node {
      if n.intValue.map({ (0...ExactDecimal.maxScale).contains($0) }) != true {
        error(
          .invalidArgument, "cannot round to `\(n)` decimal places", at: places.span,
          help: "give a whole number of places from 0 to \(ExactDecimal.maxScale)")
      }
    }
    var rule = RoundingRule.halfAwayFromZero
    if arguments.count == 3 {
      let ruleExpr = check(arguments[2], context)
      if case .constant(.text(let text)) = ruleExpr.node {
        if let named = Self.roundingRules[text] {
          rule = named
        } else {
          let names = Self.roundingRules.keys.sorted()
          error(
            .invalidArgument, "`\"\(text)\"` is not a rounding rule", at: ruleExpr.span,
            help: closest(to: text, among: names).map { "did you mean `\"\($0)\"`?" }
              ?? "the rules are \(alternatives(names.map { "`\"\($0)\"`" }, "and"))")
        }
      } else if ruleExpr.type != .unknown {
        error(
          .invalidArgument, "the rounding rule must be written as text, such as `\"half-even\"`",
          at: ruleExpr.span,
          help:
            "the rules are \(alternatives(Self.roundingRules.keys.sorted().map { "`\"\($0)\"`" }, "and"))"
        )
      }
    }
    return TypedExpr(.round(value, places: places, rule: rule), value.type, span: span)
  }

  /// `points(g)`: a grade on a scale with points, or a mark read on the file's scale.
  private func checkPoints(_ argument: Expr, at span: Span, _ context: Context) -> TypedExpr {
    var grade = check(argument, context)
    if grade.type == .text, case .constant(.text(let mark)) = grade.node {
      guard case .scale(let scale) = awardGrades[context.policy.index] else {
        error(
          .unknownScale, "`points(\"\(mark)\")` needs a scale to read `\"\(mark)\"` on",
          at: grade.span, help: "read it on a scale: `points(scale_name(\"\(mark)\"))`")
        return TypedExpr(.constant(.unknown), .number, span: span)
      }
      grade = gradeLiteral(mark, on: scale, at: grade.span)
    }
    switch grade.type {
    case .grade(let scale):
      if let checked = scales[scale.index], !checked.hasPoints {
        error(
          .scaleWithoutPoints, "the grades of scale `\(checked.name)` have no points",
          at: span,
          help: "give the grades points in the scale (`\"A\" points 5.0 < …`), or compare "
            + "grades directly")
      }
    case .unknown:
      break
    default:
      error(
        .typeMismatch, "`points` needs a grade, but this is \(quoted(grade.type))", at: grade.span,
        help: "pass a grade, such as an award's `grade`")
    }
    return TypedExpr(.builtin(.points, arguments: [grade]), .number, span: span)
  }
}

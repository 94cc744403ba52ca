import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  // MARK: Binary operators

  func checkBinary(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, at span: Span, _ context: Context
  )
    -> TypedExpr
  {
    switch op {
    case .and, .or:
      let l = condition(lhs, context, role: "each side of `\(op.rawValue)`")
      let r = condition(rhs, context, role: "each side of `\(op.rawValue)`")
      return TypedExpr(op == .and ? .and(l, r) : .or(l, r), .bool, span: span)
    case .in, .notIn:
      return checkMembership(lhs, rhs, negated: op == .notIn, at: span, context)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      return checkComparison(op, lhs, rhs, at: span, context)
    case .add, .subtract, .multiply, .divide:
      return checkArithmetic(op, check(lhs, context), check(rhs, context), at: span)
    }
  }

  // MARK: Arithmetic

  /// `-x`.
  func checkNegation(_ operandSyntax: Expr, at span: Span, _ context: Context) -> TypedExpr {
    let operand = check(operandSyntax, context)
    let negation: Negation
    switch operand.type {
    case .number, .unknown: negation = .number
    case .money: negation = .money
    case .percent: negation = .percent
    case .duration: negation = .duration
    default:
      error(
        .invalidOperands, "cannot negate \(quoted(operand.type))", at: span,
        help: "`-` negates numbers, money, percentages and durations")
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    return TypedExpr(.negate(negation, operand), operand.type, span: span)
  }

  /// `a + b`, `a - b`, `a * b`, `a / b`: the operation for the operand types.
  func checkArithmetic(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr, at span: Span)
    -> TypedExpr
  {
    // An operand of unknown type (the literal `unknown`) takes the other's type.
    let lt = l.type == .unknown ? r.type : l.type
    let rt = r.type == .unknown ? l.type : r.type
    if lt == .unknown && rt == .unknown {
      return TypedExpr(.arithmetic(.addNumbers, l, r), .unknown, span: span)
    }
    func result(_ operation: Arithmetic, _ type: ValueType) -> TypedExpr {
      TypedExpr(.arithmetic(operation, l, r), type, span: span)
    }
    switch (op, lt, rt) {
    case (.add, .number, .number): return result(.addNumbers, .number)
    case (.subtract, .number, .number): return result(.subtractNumbers, .number)
    case (.multiply, .number, .number): return result(.multiplyNumbers, .number)
    case (.divide, .number, .number): return result(.divideNumbers, .number)
    case (.add, .money(let a), .money(let b)), (.subtract, .money(let a), .money(let b)),
      (.divide, .money(let a), .money(let b)):
      guard let currency = sameCurrency(a, b, op, l, r, at: span) else {
        return TypedExpr(.constant(.unknown), .unknown, span: span)
      }
      switch op {
      case .add: return result(.addMoney, .money(currency))
      case .subtract: return result(.subtractMoney, .money(currency))
      default: return result(.divideMoneyByMoney, .number)
      }
    case (.multiply, .money, .number): return result(.multiplyMoneyByNumber, lt)
    case (.multiply, .number, .money): return result(.multiplyNumberByMoney, rt)
    case (.divide, .money, .number): return result(.divideMoneyByNumber, lt)
    case (.multiply, .money, .percent): return result(.multiplyMoneyByPercent, lt)
    case (.multiply, .percent, .money): return result(.multiplyPercentByMoney, rt)
    case (.multiply, .number, .percent): return result(.multiplyNumberByPercent, .number)
    case (.multiply, .percent, .number): return result(.multiplyPercentByNumber, .number)
    case (.add, .percent, .percent): return result(.addPercents, .percent)
    case (.subtract, .percent, .percent): return result(.subtractPercents, .percent)
    case (.add, .duration, .duration): return result(.addDurations, .duration)
    case (.subtract, .duration, .duration): return result(.subtractDurations, .duration)
    case (.add, .date, .duration): return result(.addDurationToDate, .date)
    case (.add, .duration, .date): return result(.addDateToDuration, .date)
    case (.subtract, .date, .duration): return result(.subtractDurationFromDate, .date)
    default:
      error(
        .invalidOperands, "cannot \(verb(op)) \(quoted(lt)) \(preposition(op)) \(quoted(rt))",
        at: span, help: arithmeticHelp(op, lt, rt))
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
  }

  /// The currency of both sides, or nil after reporting a mismatch. A currency from the
  /// records is checked at run time and takes the other side's.
  private func sameCurrency(
    _ a: CurrencyCode?, _ b: CurrencyCode?, _ op: BinaryOperator, _ l: TypedExpr,
    _ r: TypedExpr, at span: Span
  ) -> CurrencyCode?? {
    if let a, let b, a != b {
      error(
        .currencyMismatch,
        "cannot \(verb(op)) \(quoted(l.type)) \(preposition(op)) \(quoted(r.type))",
        at: span,
        labels: [
          .init("in \(a)", at: l.span), .init("in \(b)", at: r.span),
        ],
        help: "amounts in different currencies never mix, and there is no implicit "
          + "conversion: use amounts in one currency")
      return nil
    }
    return .some(a ?? b)
  }

  private func verb(_ op: BinaryOperator) -> String {
    switch op {
    case .add: "add"
    case .subtract: "subtract"
    case .multiply: "multiply"
    case .divide: "divide"
    default: "combine"
    }
  }

  private func preposition(_ op: BinaryOperator) -> String {
    switch op {
    case .subtract: "and"
    case .multiply: "by"
    case .divide: "by"
    default: "and"
    }
  }

  private func arithmeticHelp(_ op: BinaryOperator, _ l: ValueType, _ r: ValueType) -> String {
    switch (op, l, r) {
    case (.add, .number, .money), (.add, .money, .number), (.subtract, .money, .number),
      (.subtract, .number, .money):
      return "write the number as money, with its currency: `5 SGD`"
    case (.add, .number, .percent), (.add, .percent, .number), (.subtract, .percent, .number),
      (.subtract, .number, .percent):
      return "write the number as a percentage: `10%`"
    case (.subtract, .date, .date):
      return "measure the time between two dates with `years_between(a, b)` or "
        + "`months_between(a, b)`"
    case (.add, .date, .number), (.subtract, .date, .number):
      return "add a duration with its unit: `30 days`, `6 months`, `5 years`"
    case (.multiply, .money, .money):
      return "multiply money by a number or a percentage"
    default:
      return "`+` and `-` work on numbers, money, percentages, durations and a date with a "
        + "duration; `*` and `/` on numbers, and money or a percentage with a number"
    }
  }

  // MARK: Comparison

  func checkComparison(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, at span: Span, _ context: Context
  )
    -> TypedExpr
  {
    var l = check(lhs, context)
    var r = check(rhs, context)
    guard let comparisonOp = Comparison.Operator(rawValue: op.rawValue) else {
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    let isEquality = op == .equal || op == .notEqual
    if isEquality,
      lhs.withoutParentheses.kind == .literal(.unknown)
        || rhs.withoutParentheses.kind == .literal(.unknown)
    {
      warning(
        .comparisonWithUnknown, "comparing with `unknown` always gives unknown", at: span,
        help: "ask whether a value is there with `x is unknown` or `x is known`")
    }
    // A text literal next to a grade is read on the grade's scale.
    if case .grade(let scale) = l.type, r.type == .text, case .constant(.text(let m)) = r.node {
      r = gradeLiteral(m, on: scale, at: r.span)
    }
    if case .grade(let scale) = r.type, l.type == .text, case .constant(.text(let m)) = l.node {
      l = gradeLiteral(m, on: scale, at: l.span)
    }
    func result(_ domain: Comparison.Domain) -> TypedExpr {
      TypedExpr(.compare(Comparison(comparisonOp, domain), l, r), .bool, span: span)
    }
    let lt = l.type == .unknown ? r.type : l.type
    let rt = r.type == .unknown ? l.type : r.type
    let domain: Comparison.Domain?
    switch (lt, rt) {
    case (.unknown, .unknown): domain = .unknown
    case (.bool, .bool): domain = .bool
    case (.number, .number): domain = .number
    case (.percent, .percent): domain = .percent
    case (.text, .text): domain = .text
    case (.date, .date): domain = .date
    case (.duration, .duration): domain = .duration
    case (.money(let a), .money(let b)):
      if let a, let b, a != b {
        error(
          .currencyMismatch, "cannot compare \(quoted(lt)) with \(quoted(rt))", at: span,
          labels: [.init("in \(a)", at: l.span), .init("in \(b)", at: r.span)],
          help: "amounts in different currencies never compare, and there is no implicit "
            + "conversion: use amounts in one currency")
        return result(.unknown)
      }
      domain = .money
    case (.grade(let a), .grade(let b)):
      if a != b {
        error(
          .invalidComparison,
          "cannot compare grades on different scales, \(quoted(lt)) and \(quoted(rt))",
          at: span,
          help:
            "read one of them on the other's scale: `\(scaleDecls[a.index].syntax.name.text)(g.mark)`"
        )
        return result(.unknown)
      }
      domain = .grade
    case (.list, .list) where join(lt, rt) != nil && lt.isEquatable:
      domain = .list
    default:
      domain = nil
    }
    guard let domain else {
      error(
        .invalidComparison, "cannot compare \(quoted(lt)) with \(quoted(rt))", at: span,
        help: comparisonHelp(lt, rt))
      return result(.unknown)
    }
    // An operand of unknown type (the literal `unknown`, or a mistake already reported)
    // makes the comparison unknown whatever the operator.
    if !isEquality, l.type != .unknown, r.type != .unknown {
      switch domain {
      case .bool, .text, .list:
        error(
          .invalidComparison,
          "\(quoted(lt)) values have no order, so `\(op.rawValue)` cannot compare them",
          at: span,
          help: domain == .text
            ? "text compares only with `==` and `!=`; to rank grades, read them on a scale"
            : "compare with `==` or `!=`")
        return result(.unknown)
      default:
        break
      }
    }
    return result(domain)
  }

  private func comparisonHelp(_ l: ValueType, _ r: ValueType) -> String {
    switch (l, r) {
    case (.number, .money), (.money, .number):
      return "write the number as money, with its currency: `0 SGD`"
    case (.number, .percent), (.percent, .number):
      return "write the number as a percentage: `40%`"
    case (.date, .number), (.number, .date):
      return "compare a date with a date (`2026-01-01`), or compute a number from it first, "
        + "such as `years_between(birth_date, as_of)`"
    case (.grade, .text), (.text, .grade):
      return "read the text on the grade's scale: `scale_name(text)`"
    case (.record, _), (_, .record):
      return "records do not compare; compare their fields, such as their `id`s"
    case (.decision, _), (_, .decision):
      return "decisions do not compare; ask for a status (`x is eligible`) or a value "
        + "(`x.amount`)"
    default:
      return "both sides of a comparison must be the same kind of value"
    }
  }

  // MARK: Membership

  func checkMembership(_ lhs: Expr, _ rhs: Expr, negated: Bool, at span: Span, _ context: Context)
    -> TypedExpr
  {
    var element = check(lhs, context)
    var list = check(rhs, context)
    let word = negated ? "not in" : "in"
    func result() -> TypedExpr {
      TypedExpr(.contains(element: element, list: list, negated: negated), .bool, span: span)
    }
    guard case .list(let elementType) = list.type else {
      if list.type != .unknown {
        error(
          .notAList, "`\(word)` needs a list on its right, but this is \(quoted(list.type))",
          at: list.span, help: "write a list, such as `[\"a\", \"b\"]`, or a list-valued name")
      }
      return result()
    }
    if case .grade(let scale) = elementType, element.type == .text,
      case .constant(.text(let mark)) = element.node
    {
      element = gradeLiteral(mark, on: scale, at: element.span)
    }
    if case .grade = element.type, elementType == .text || elementType == .unknown,
      let converted = convert(list, to: .list(element.type))
    {
      list = converted
    }
    let listElement = list.type.elementType ?? .unknown
    guard let common = join(element.type, listElement), common.isEquatable else {
      error(
        .invalidComparison,
        "cannot look for \(quoted(element.type)) in \(quoted(list.type))", at: span,
        help: "the value and the list's elements must be the same kind of value")
      return result()
    }
    if let converted = convert(element, to: common) { element = converted }
    return result()
  }
}

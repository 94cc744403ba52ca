import CredenceSyntax
import CredenceValues

/// Checking expressions: the dispatcher, literals and the simple forms. Names, operators,
/// built-ins, collections and tables have their own files.
extension ProgramChecker {
  /// Checks `expr` in `context`: its type, its names resolved, its operators chosen.
  func check(_ expr: Expr, _ context: Context) -> TypedExpr {
    let span = expr.span
    switch expr.kind {
    case .literal(let literal):
      return checkLiteral(literal, at: span)
    case .name(let name):
      return resolveName(name, context)
    case .call(let name, let arguments):
      return checkCall(name, arguments, at: span, context)
    case .member(let base, let name):
      return checkMember(base, name, at: span, context)
    case .asOf(let base, let date):
      return checkAsOf(base, date: date, at: span, context)
    case .unary(.negate, let operand):
      return checkNegation(operand, at: span, context)
    case .unary(.not, let operand):
      let inner = condition(operand, context, role: "`not`")
      return TypedExpr(.not(inner), .bool, span: span)
    case .binary(let op, let lhs, let rhs):
      return checkBinary(op, lhs, rhs, at: span, context)
    case .filter(let base, let condition):
      return checkFilter(base, condition, at: span, context)
    case .status(let base, let status):
      return checkStatus(base, status, at: span, context)
    case .presence(let base, let presence):
      let inner = check(base, context)
      return TypedExpr(.presence(inner, presence), .bool, span: span)
    case .list(let items):
      return checkList(items, at: span, context)
    case .record(let record):
      for field in record.fields { _ = check(field.value, context) }
      error(
        .recordOutsideFixture, "a record can only be written in a test's `given`",
        at: record.span,
        help: "policies read records from the learner's data: `learner`, `learner.awards`, …")
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    case .conditional(let test, let then, let otherwise):
      return checkConditional(test, then, otherwise, at: span, context)
    case .firstMatch(let table):
      return checkTable(table, at: span, context)
    case .distinct(let base, let key):
      return checkDistinct(base, key, at: span, context)
    case .parenthesized(let inner):
      return check(inner, context)
    case .invalid:
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
  }

  /// Checks a truth-valued expression, reporting `role` if it is something else.
  func condition(_ expr: Expr, _ context: Context, role: String) -> TypedExpr {
    let typed = check(expr, context)
    return require(
      typed, .bool, code: .conditionNotBool,
      help: "write a comparison or a test, such as `x >= 3` or `\"tag\" in xs`"
    ) { "\(role) must be a truth value (`Bool`), but this is \($0)" }
  }

  // MARK: Literals

  func checkLiteral(_ literal: Literal, at span: Span) -> TypedExpr {
    func constant(_ c: Constant, _ type: ValueType) -> TypedExpr {
      TypedExpr(.constant(c), type, span: span)
    }
    let unknown = TypedExpr(.constant(.unknown), .unknown, span: span)
    switch literal {
    case .number(let text):
      return number(text, at: span).map { constant(.number($0), .number) } ?? unknown
    case .percent(let text):
      return number(text, at: span).map { constant(.percent(Percent($0)), .percent) } ?? unknown
    case .money(let text, let code):
      let amount = number(text, at: span)
      guard let currency = currency(code, at: span) else { return unknown }
      guard let amount else {
        return TypedExpr(.constant(.unknown), .money(currency), span: span)
      }
      return constant(.money(Money(amount, currency)), .money(currency))
    case .duration(let count, let unit):
      let duration: CalendarDuration =
        switch unit {
        case .day: .days(count)
        case .week: .weeks(count)
        case .month: .months(count)
        case .year: .years(count)
        }
      return constant(.duration(duration), .duration)
    case .date(let d):
      guard let value = date(DateLiteral(d, span: span)) else {
        return TypedExpr(.constant(.unknown), .date, span: span)
      }
      return constant(.date(value), .date)
    case .string(let text):
      return constant(.text(text), .text)
    case .bool(let value):
      return constant(.bool(value), .bool)
    case .unknown:
      return unknown
    }
  }

  // MARK: Lists, conditionals

  func checkList(_ items: [Expr], at span: Span, _ context: Context) -> TypedExpr {
    let typed = items.map { check($0, context) }
    let (common, converted) = unify(typed) { value, common in
      error(
        .typeMismatch,
        "the elements of a list must have one type, but this is \(quoted(value.type)) "
          + "and the ones before it are \(quoted(common))",
        at: value.span, help: "make every element the same kind of value")
    }
    return TypedExpr(.list(converted), .list(common), span: span)
  }

  func checkConditional(
    _ test: Expr, _ then: Expr, _ otherwise: Expr, at span: Span, _ context: Context
  ) -> TypedExpr {
    let c = condition(test, context, role: "the condition of `if`")
    let a = check(then, context)
    let b = check(otherwise, context)
    let (common, branches) = unify([a, b]) { value, common in
      error(
        .typeMismatch,
        "`then` gives \(quoted(common)) but `else` gives \(quoted(value.type))",
        at: value.span, help: "both branches of `if` must give the same kind of value")
    }
    return TypedExpr(.conditional(c, then: branches[0], else: branches[1]), common, span: span)
  }
}

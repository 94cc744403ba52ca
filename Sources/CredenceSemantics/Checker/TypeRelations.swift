import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  /// The type both `a` and `b` can be seen as, or nil if there is none. Money of a known
  /// currency joins money whose currency comes from the records (checked at run time).
  func join(_ a: ValueType, _ b: ValueType) -> ValueType? {
    if a == b { return a }
    switch (a, b) {
    case (.unknown, _): return b
    case (_, .unknown): return a
    case (.money(let x), .money(let y)):
      if x == nil { return b }
      if y == nil { return a }
      return nil
    case (.list(let x), .list(let y)):
      return join(x, y).map { .list($0) }
    default:
      return nil
    }
  }

  /// `expr` as a value of `expected`, or nil if it is not one (the caller reports). Money
  /// whose currency comes from the records gets a run-time currency check; a text literal
  /// where a grade is expected is read on the grade's scale (reported here if it is not on
  /// it).
  func convert(_ expr: TypedExpr, to expected: ValueType) -> TypedExpr? {
    if expr.type == expected { return expr }
    switch (expr.type, expected) {
    case (_, .unknown):
      return expr
    case (.unknown, _):
      return TypedExpr(expr.node, expected, span: expr.span)
    case (.money(nil), .money(let currency?)):
      return TypedExpr(.assertCurrency(expr, currency), expected, span: expr.span)
    case (.money(_?), .money(nil)):
      return expr
    case (.text, .grade(let scale)):
      guard case .constant(.text(let mark)) = expr.node else { return nil }
      return gradeLiteral(mark, on: scale, at: expr.span)
    case (.list(let actual), .list(let element)):
      if case .list(let items) = expr.node {
        var converted: [TypedExpr] = []
        for item in items {
          guard let c = convert(item, to: element) else { return nil }
          converted.append(c)
        }
        return TypedExpr(.list(converted), expected, span: expr.span)
      }
      if actual == .unknown { return TypedExpr(expr.node, expected, span: expr.span) }
      if case .money(nil) = actual, case .money(let currency?) = element {
        return TypedExpr(.assertCurrency(expr, currency), expected, span: expr.span)
      }
      if case .money(_?) = actual, case .money(nil) = element { return expr }
      return nil
    default:
      return nil
    }
  }

  /// A grade literal on `scale`; an unknown grade is reported (with a suggestion) and
  /// checked as `unknown` so that nothing else complains about it.
  func gradeLiteral(_ mark: String, on scale: ScaleID, at span: Span) -> TypedExpr {
    guard let checked = scales[scale.index] else {
      return TypedExpr(.constant(.unknown), .grade(scale), span: span)
    }
    guard let rank = checked.scale.rank(of: mark) else {
      let names = checked.scale.grades.map(\.name) + checked.scale.aliases.keys.sorted()
      error(
        .unknownGrade, "`\"\(mark)\"` is not a grade on scale `\(checked.name)`", at: span,
        help: closest(to: mark, among: names).map { "did you mean `\"\($0)\"`?" }
          ?? "the grades of `\(checked.name)` are \(alternatives(names.map { "`\"\($0)\"`" }, "and"))"
      )
      return TypedExpr(.constant(.unknown), .grade(scale), span: span)
    }
    return TypedExpr(.constant(.grade(scale, rank: rank, mark: mark)), .grade(scale), span: span)
  }

  /// `expr` as `expected`, reporting `message(found)` if it is not one.
  func require(
    _ expr: TypedExpr, _ expected: ValueType, code: DiagnosticCode = .typeMismatch,
    help: String? = nil, _ message: (String) -> String
  ) -> TypedExpr {
    if let converted = convert(expr, to: expected) { return converted }
    error(
      code, message(quoted(expr.type)), at: expr.span,
      help: help ?? mismatchHelp(expected: expected, found: expr.type))
    return TypedExpr(expr.node, expected, span: expr.span)
  }

  /// What to do when a value of `found` stands where `expected` is needed.
  func mismatchHelp(expected: ValueType, found: ValueType) -> String {
    switch (expected, found) {
    case (.money(let a?), .money(let b?)) where a != b:
      return "amounts in different currencies never mix, and there is no implicit "
        + "conversion: use amounts in \(a)"
    case (.percent, .number):
      return "write it as a percentage, such as `90%`"
    case (.money(let currency), .number):
      return "write it as money with its currency, such as `5 \(currency.map { "\($0)" } ?? "SGD")`"
    case (.grade(let scale), .text):
      return "read the text on the scale: `\(scaleDecls[scale.index].syntax.name.text)(…)`"
    case (.date, .text):
      return "write a date without quotes: `2026-07-01`"
    case (.number, .text), (.money, .text), (.percent, .text):
      return "write the value without quotes"
    default:
      return "give \(quoted(expected)) here, or change what is expected"
    }
  }

  /// Several values that must have one type (list elements, branches, table rows): their
  /// common type and the values converted to it, or nil after reporting `mismatch(i)` at
  /// the first value `i` that does not fit.
  func unify(
    _ values: [TypedExpr], mismatch: (_ value: TypedExpr, _ common: ValueType) -> Void
  ) -> (ValueType, [TypedExpr]) {
    var common: ValueType = .unknown
    if let grade = values.first(where: { if case .grade = $0.type { true } else { false } }) {
      common = grade.type
    }
    for value in values {
      if let joined = join(common, value.type) {
        common = joined
      } else if case .grade = common, value.type == .text,
        case .constant(.text) = value.node
      {
        continue  // read on the scale below
      } else {
        mismatch(value, common)
        return (.unknown, values)
      }
    }
    let converted = values.map { convert($0, to: common) ?? $0 }
    return (common, converted)
  }
}

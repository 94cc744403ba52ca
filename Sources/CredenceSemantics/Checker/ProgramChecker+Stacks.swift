import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  /// The pool of a stack or equivalence: a list of awards.
  func checkPool(_ pool: Expr?, _ context: Context, of kind: String) -> TypedExpr? {
    pool.map { expr in
      require(check(expr, context), .list(.record(.award))) {
        "the pool of \(kind) (`using …`) must be `List(Award)`, but this is \($0)"
      }
    }
  }

  func checkStack(_ id: StackID) -> CheckedStack? {
    let declared = stackDecls[id.index]
    let d = declared.syntax
    let context = Context(file: declared.file, policy: declared.policy, owner: .stack(id))
    let pool = checkPool(d.pool, context, of: "a stack")
    let requirements = d.requirements.compactMap { checkRequirement($0, context) }
    let size = 1 + d.requirements.reduce(0) { $0 + Self.requirementCount($1) }
    if size > CheckerLimits.maximumStackRequirements {
      error(
        .tooManyRequirements,
        "`\(d.name.text)` has \(size) requirements (counting groups and the stack itself); "
          + "a stack may have at most \(CheckerLimits.maximumStackRequirements)",
        at: d.name.span,
        help: "split it into nested stacks, or list codes in one requirement: "
          + "`require at least 3 of [\"A\", \"B\", …]`")
    }
    checkCreditThresholds(d.requirements)
    return CheckedStack(
      name: d.name.text, title: d.title.value, pool: pool, requirements: requirements,
      localCount: context.frame.count, policy: declared.policy,
      documentation: declared.documentation, span: d.name.span)
  }

  private func checkRequirement(_ requirement: Requirement, _ context: Context)
    -> CheckedRequirement?
  {
    let kind: CheckedRequirement.Kind
    switch requirement.kind {
    case .invalid:
      return nil
    case .group(let group):
      var minimum: (TypedExpr, ExactDecimal?)?
      let quantifier: CheckedRequirement.Quantifier
      switch group.quantifier {
      case .all: quantifier = .all
      case .any: quantifier = .any
      case .atLeast(let q):
        let typed = quantity(q, whole: true, unit: "items", context)
        minimum = typed
        quantifier = .atLeast(typed.0)
      }
      switch group.items {
      case .list(let expr):
        let codes = require(check(expr, context), .list(.text)) {
          "a requirement's list holds credential codes (`List(Text)`), but this is \($0)"
        }
        if let (typed, n) = minimum, let n, case .list(let items) = codes.node,
          n > ExactDecimal(items.count)
        {
          error(
            .impossibleCount, "at least \(n) of a list of \(items.count) can never be met",
            at: typed.span, help: "lower the number, or add codes to the list")
        }
        kind = .codes(quantifier, codes: codes)
      case .block(let items):
        let children = items.compactMap { checkRequirement($0, context) }
        if let (typed, n) = minimum, let n, n > ExactDecimal(items.count) {
          error(
            .impossibleCount,
            "at least \(n) of \(count(items.count, "requirement")) can never be met",
            at: typed.span, help: "lower the number, or add requirements to the block")
        }
        kind = .group(quantifier, children)
      }
    case .count(let c):
      let (minimum, _) = quantity(
        c.minimum, whole: c.unit == .credentials,
        unit: c.unit == .credentials ? "credentials" : "credits", context)
      var filter: PerElement?
      if let expr = c.filter {
        let (inner, slot) = context.withElement(.record(.award))
        filter = PerElement(
          element: slot, body: condition(expr, inner, role: "a requirement's `where` condition"))
      }
      kind = .count(minimum: minimum, unit: c.unit, filter: filter)
    case .condition(let expr):
      if case .name(let name) = expr.withoutParentheses.kind, !isLocal(name.text, context),
        let symbol = symbols[name.text]
      {
        switch symbol {
        case .stack(let nested):
          recordUse(symbol, at: name.span, in: context)
          kind = .nested(nested)
        case .fund, .equivalence:
          recordUse(symbol, at: name.span, in: context)
          let status = symbol.kindName == "fund" ? "is eligible" : "is achieved"
          error(
            .invalidRequirement, "a \(symbol.kindName) is not a requirement of a stack",
            at: name.span,
            help: "require a condition on it, such as `\(name.text) \(status)`; only a stack "
              + "named alone is a nested requirement")
          return nil
        default:
          kind = .condition(condition(expr, context, role: "a requirement"))
        }
      } else {
        kind = .condition(condition(expr, context, role: "a requirement"))
      }
    }
    return CheckedRequirement(
      kind: kind, because: requirement.because?.value, span: requirement.span)
  }

  /// Refuses credit thresholds the allocation could never decide: it counts every credit of
  /// a stack in units of the last decimal place any threshold (or credit) uses, as 64-bit
  /// integers up to `CheckerLimits.maximumScaledCredits`.
  private func checkCreditThresholds(_ requirements: [Requirement]) {
    var thresholds: [(ExactDecimal, Span)] = []
    func collect(_ requirement: Requirement) {
      switch requirement.kind {
      case .count(let c) where c.unit == .credits:
        if case .number(let literal) = c.minimum,
          let value = ExactDecimal(parsing: literal.value.description)
        {
          thresholds.append((value.normalized, literal.span))
        }
      case .group(let group):
        if case .block(let items) = group.items { items.forEach(collect) }
      default: break
      }
    }
    requirements.forEach(collect)
    let scale = thresholds.map(\.0.scale).max() ?? 0
    for (value, span) in thresholds
    where value.fixedPoint(scale: scale).map({ $0 > CheckerLimits.maximumScaledCredits }) ?? true {
      error(
        .creditsOutOfRange,
        "at least \(value) credits is beyond the largest credit total a stack can count",
        at: span,
        help: "write thresholds of at most \(CheckerLimits.maximumScaledCredits) units of the "
          + "last decimal place this stack's thresholds use (\(CheckerLimits.maximumScaledCredits) "
          + "whole credits when none has decimals)")
      return
    }
  }

  /// The requirements in `requirement`'s tree as the allocation counts them: one per group
  /// or leaf; a list of codes is one.
  static func requirementCount(_ requirement: Requirement) -> Int {
    guard case .group(let group) = requirement.kind, case .block(let items) = group.items else {
      return 1
    }
    return 1 + items.reduce(0) { $0 + requirementCount($1) }
  }

  /// `N` in `at least N …`: a number, or the name of a Number param or let. Returns the
  /// checked quantity and its value when it is a literal.
  private func quantity(_ q: Quantity, whole: Bool, unit: String, _ context: Context)
    -> (TypedExpr, ExactDecimal?)
  {
    switch q {
    case .number(let literal):
      guard let n = number(literal.value, at: literal.span) else {
        return (TypedExpr(.constant(.unknown), .number, span: literal.span), nil)
      }
      if whole, !n.isInteger {
        error(
          .invalidQuantity, "`\(literal.value)` is not a whole number of \(unit)",
          at: literal.span, help: "count \(unit) in whole numbers")
      }
      return (TypedExpr(.constant(.number(n)), .number, span: literal.span), n)
    case .name(let name):
      let typed = resolveName(name, context)
      switch typed.node {
      case .param, .value:
        if typed.type == .number || typed.type == .unknown { return (typed, nil) }
        error(
          .invalidQuantity,
          "`\(name.text)` is \(quoted(typed.type)), but a count of \(unit) is a `Number`",
          at: name.span, help: "name a Number param or let, or write the number")
      case .constant(.unknown):
        break  // already reported
      default:
        error(
          .invalidQuantity, "a count of \(unit) is a number or the name of a Number param or let",
          at: name.span,
          help: "declare it with `param \(name.text): Number = …` or `let \(name.text) = …`")
      }
      return (TypedExpr(.constant(.unknown), .number, span: name.span), nil)
    }
  }
}

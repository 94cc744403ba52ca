import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  /// Checks a fund if it has not been yet (funds are checked on demand when another body
  /// needs a fund's currency).
  func ensureFundChecked(_ id: FundID) {
    if fundStates[id.index] == .pending { checkFund(id) }
  }

  /// The statically known currency of a fund's amount (checking the fund on demand, at
  /// most `inferenceDepthLimit` deep, as for lets).
  func fundCurrency(_ id: FundID, at span: Span) -> CurrencyCode? {
    if fundStates[id.index] == .pending {
      guard onDemandDepth < inferenceDepthLimit else {
        inferenceCutoffs.append((.fund(id), span))
        return nil
      }
      onDemandDepth += 1
      defer { onDemandDepth -= 1 }
      checkFund(id)
    }
    return funds[id.index]?.currency
  }

  private func checkFund(_ id: FundID) {
    fundStates[id.index] = .inProgress
    defer { fundStates[id.index] = .done }
    let declared = fundDecls[id.index]
    let d = declared.syntax
    var context = Context(file: declared.file, policy: declared.policy, owner: .fund(id))
    var perEnrolment: CheckedFund.PerEnrolment?
    if let per = d.perEnrolment {
      let slot = context.frame.allocate()
      context.scope.append(
        .local(
          Local(
            name: per.binder.text, slot: slot, type: .record(.enrolment), span: per.binder.span,
            role: .enrolment)))
      let filter = per.filter.map { condition($0, context, role: "the `where` of `per enrolment`") }
      perEnrolment = CheckedFund.PerEnrolment(binder: slot, filter: filter)
    }
    var seen: [String: Span] = [:]
    for clause in d.clauses {
      let word: String
      switch clause.kind {
      case .eligible: continue
      case .rate: word = "rate"
      case .amount: word = "amount"
      }
      if let first = seen[word] {
        error(
          .duplicateClause, "the fund `\(d.name.text)` has two `\(word)` clauses", at: clause.span,
          labels: [.init("the first one", at: first)], help: "keep one of the two")
      } else {
        seen[word] = clause.span
      }
    }
    var rate: TypedExpr?
    var body = context
    var rateSlot: LocalSlot?
    if let rateSyntax = d.rate {
      let ownRate = context.with(
        .local(
          Local(
            name: "rate", slot: LocalSlot(-1), type: .percent, span: rateSyntax.span,
            role: .rateItself)))
      rate = require(check(rateSyntax, ownRate), .percent) {
        "a fund's rate must be a `Percent`, but this is \($0)"
      }
      let slot = context.frame.allocate()
      rateSlot = slot
      body = context.with(
        .local(Local(name: "rate", slot: slot, type: .percent, span: rateSyntax.span, role: .rate)))
    }
    let eligibility = d.eligibility.map { c in
      CheckedFund.Condition(
        expression: condition(c.expression, body, role: "an `eligible when` condition"),
        because: c.because?.value)
    }
    var amount: TypedExpr?
    var currency: CurrencyCode?
    if let amountSyntax = d.amount {
      let typed = check(amountSyntax, body)
      switch typed.type {
      case .money(let c): currency = c
      case .unknown: break
      default:
        error(
          .typeMismatch, "a fund's amount must be money, but this is \(quoted(typed.type))",
          at: typed.span,
          help: "give the amount with its currency, such as `500 SGD` or `rate * e.fee`")
      }
      amount = typed
    }
    if let slot = rateSlot, !context.frame.used.contains(slot) { rateSlot = nil }
    funds[id.index] = CheckedFund(
      name: d.name.text, title: d.title.value, perEnrolment: perEnrolment,
      eligibility: eligibility, rate: rate, rateSlot: rateSlot, amount: amount,
      currency: currency, localCount: context.frame.count, policy: declared.policy,
      documentation: declared.documentation, span: d.name.span)
  }

  // MARK: Equivalences

  func checkEquivalence(_ id: EquivalenceID) -> CheckedEquivalence? {
    let declared = equivalenceDecls[id.index]
    let d = declared.syntax
    let context = Context(file: declared.file, policy: declared.policy, owner: .equivalence(id))
    let pool = checkPool(d.pool, context, of: "an equivalence")
    var rules: [CheckedEquivalence.Rule] = []
    var categories: [String] = []
    for rule in d.rules {
      var creditsContext = context
      let source: CheckedEquivalence.Rule.Source
      switch rule.source {
      case .code(let code):
        source = .code(code.value)
      case .allOf(let expr):
        source = .allOf(
          require(check(expr, context), .list(.text)) {
            "`all of` takes a list of credential codes (`List(Text)`), but this is \($0)"
          })
      case .each(let expr):
        let (inner, slot) = context.withElement(.record(.award))
        source = .each(
          element: slot, condition: condition(expr, inner, role: "the condition of `each where`"))
        creditsContext = inner
      }
      let credits = require(check(rule.credits, creditsContext), .number) {
        "the credits a rule grants must be a `Number`, but this is \($0)"
      }
      let target: CheckedEquivalence.Rule.Target =
        switch rule.target.kind {
        case .module(let code): .module(code.value)
        case .elective: .elective
        }
      if let category = rule.target.category?.value, !categories.contains(category) {
        categories.append(category)
      }
      rules.append(
        CheckedEquivalence.Rule(
          source: source, target: target, category: rule.target.category?.value,
          credits: credits, span: rule.span))
    }
    var caps: [CheckedEquivalence.Cap] = []
    var capped: [String?: Span] = [:]
    for cap in d.caps {
      let limit = require(check(cap.limit, context), .number) {
        "a cap is a `Number` of credits, but this is \($0)"
      }
      let category = cap.category?.value
      if let first = capped[category] {
        error(
          .duplicateCap,
          category.map { "the category `\"\($0)\"` is capped twice" }
            ?? "the total is capped twice",
          at: cap.span, labels: [.init("the first cap", at: first)],
          help: "keep one of the two caps")
      } else {
        capped[category] = cap.span
      }
      if let literal = cap.category, !categories.contains(literal.value) {
        error(
          .unknownCategory, "no rule counts in the category `\"\(literal.value)\"`",
          at: literal.span,
          help: closest(to: literal.value, among: categories).map {
            "did you mean `\"\($0)\"`?"
          }
            ?? (categories.isEmpty
              ? "give rules a category with `counts as … in \"\(literal.value)\"`"
              : "the categories are \(alternatives(categories.map { "`\"\($0)\"`" }, "and"))"))
      }
      caps.append(CheckedEquivalence.Cap(limit: limit, category: category, span: cap.span))
    }
    return CheckedEquivalence(
      name: d.name.text, title: d.title.value, pool: pool, rules: rules, caps: caps,
      localCount: context.frame.count, policy: declared.policy,
      documentation: declared.documentation, span: d.name.span)
  }
}

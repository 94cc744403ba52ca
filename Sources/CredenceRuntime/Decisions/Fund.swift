import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// A compiled `fund`.
struct CompiledFund: Sendable {
  struct Condition: Sendable {
    var expression: CompiledExpr
    var because: String?
  }

  var name: String
  var title: String
  var policy: Int
  /// The enrolment's slot and the filter selecting claims, for a `per enrolment` fund.
  var perEnrolment: (binder: Int, filter: CompiledExpr?)?
  var conditions: [Condition]
  var rate: CompiledExpr?
  var rateSlot: Int?
  var amount: CompiledExpr?
  var currency: CurrencyCode?
  var localCount: Int
  var span: Span
}

extension Compiler {
  func compileFund(_ fund: CheckedFund) -> CompiledFund {
    CompiledFund(
      name: fund.name, title: fund.title, policy: fund.policy.index,
      perEnrolment: fund.perEnrolment.map { ($0.binder.index, $0.filter.map(compile)) },
      conditions: fund.eligibility.map {
        .init(expression: compile($0.expression), because: $0.because)
      },
      rate: fund.rate.map(compile), rateSlot: fund.rateSlot?.index,
      amount: fund.amount.map(compile),
      currency: fund.currency, localCount: fund.localCount, span: fund.span)
  }
}

/// What an explanation of a fund decision needs.
struct FundDetail: Sendable {
  /// The enrolment decided, for a `per enrolment` fund.
  var enrolment: Int?
  /// Whether the enrolment is a claim under the fund (`where`).
  var isClaim: Truth
  /// The rate, when it was computed before the conditions.
  var rate: Value?
  /// The value of each condition the decision evaluated, in order (it stops at the first
  /// false one); kept only when explanations are recorded.
  var conditionValues: [Value] = []
}

/// The details an explanation reads, by kind of decision.
enum OutcomeDetail: Sendable {
  case none
  case fund(FundDetail)
  case stack(StackDetail)
  case equivalence(EquivalenceDetail)
  /// `mces("E9")` where the learner has no enrolment `E9`.
  case noSuchEnrolment(String)
  /// A claim whose enrolment id is unknown.
  case unknownEnrolment
}

extension Machine {
  /// The per-learner fund `index` (memoised).
  func fundOutcome(_ index: Int) -> DecisionOutcome {
    if let memo = fundMemo[index] { return memo }
    let outcome = decideFund(index, enrolment: nil)
    fundMemo[index] = outcome
    return outcome
  }

  /// The claim under per-enrolment fund `fund` for the learner's enrolment at `enrolment`.
  func claimOutcome(fund: Int, enrolment: Int) -> DecisionOutcome {
    if let memo = claimMemo[fund][enrolment] { return memo }
    let outcome = decideFund(fund, enrolment: enrolment)
    claimMemo[fund][enrolment] = outcome
    return outcome
  }

  /// The claim for the enrolment with `id`; ineligible ("no such enrolment") when the
  /// learner has none.
  func claimOutcome(fund: Int, enrolmentID id: String) -> DecisionOutcome {
    guard let index = learner.enrolments.firstIndex(where: { $0.id == id }) else {
      let definition = program.funds[fund]
      return DecisionOutcome(
        status: .ineligible, amount: definition.amount == nil ? .unknown : zeroAmount(definition),
        rate: definition.rate == nil ? .unknown : .percent(.zero), detail: .noSuchEnrolment(id))
    }
    return claimOutcome(fund: fund, enrolment: index)
  }

  /// A claim whose enrolment id is unknown.
  func unknownClaim(fund: Int) -> DecisionOutcome {
    DecisionOutcome(status: .undetermined, detail: .unknownEnrolment)
  }

  /// An ineligible fund's amount: zero in its currency.
  func zeroAmount(_ fund: CompiledFund) -> Value {
    .money(Money(.zero, fund.currency ?? LedgerBalance.noCurrency))
  }

  /// Decides a fund for the learner, or for one of its enrolments.
  func decideFund(_ index: Int, enrolment: Int?) -> DecisionOutcome {
    let fund = program.funds[index]
    guard program.policies[fund.policy].isInEffect(on: asOf) else { return .bare(.notInEffect) }
    do {
      try step(at: fund.span)
      return try inFrame(fund.localCount) { m throws(EvaluationFailure) in
        try m.decideFundInFrame(fund, enrolment: enrolment)
      }
    } catch {
      return DecisionOutcome(status: .error, failure: error)
    }
  }

  private func decideFundInFrame(_ fund: CompiledFund, enrolment: Int?)
    throws(EvaluationFailure) -> DecisionOutcome
  {
    var detail = FundDetail(enrolment: enrolment, isClaim: .true, rate: nil)
    if let perEnrolment = fund.perEnrolment, let enrolment {
      setLocal(perEnrolment.binder, .record(.enrolment(Int32(enrolment))))
      if let filter = perEnrolment.filter { detail.isClaim = try filter.code(self).truth }
    }
    let ineligibleRate: Value = fund.rate == nil ? .unknown : .percent(.zero)
    if detail.isClaim == .false {
      return DecisionOutcome(
        status: .ineligible, amount: fund.amount == nil ? .unknown : zeroAmount(fund),
        rate: ineligibleRate, detail: .fund(detail))
    }
    if let slot = fund.rateSlot, let rate = fund.rate {
      let value = try rate.code(self)
      detail.rate = value
      setLocal(slot, value)
    }
    var eligible = detail.isClaim
    for condition in fund.conditions {
      let value = try condition.expression.code(self)
      if recordsExplanations { detail.conditionValues.append(value) }
      let truth = value.truth
      coverage?.observe(condition.expression.expr.span, truth)
      eligible = eligible.and(truth)
      if eligible == .false { break }
    }
    switch eligible {
    case .false:
      return DecisionOutcome(
        status: .ineligible, amount: fund.amount == nil ? .unknown : zeroAmount(fund),
        rate: ineligibleRate, detail: .fund(detail))
    case .unknown:
      return DecisionOutcome(status: .undetermined, detail: .fund(detail))
    case .true:
      var rate = detail.rate ?? .unknown
      if detail.rate == nil, let code = fund.rate { rate = try code.code(self) }
      var amount = Value.unknown
      if let code = fund.amount { amount = try code.code(self) }
      let missing = (fund.rate != nil && rate.isUnknown) || (fund.amount != nil && amount.isUnknown)
      return DecisionOutcome(
        status: missing ? .undetermined : .eligible, amount: amount, rate: rate,
        detail: .fund(detail))
    }
  }
}

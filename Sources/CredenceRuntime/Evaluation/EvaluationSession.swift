import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// Evaluates a compiled program for one learner at a time, on one date.
///
/// Not thread-safe: use one session per thread (they are cheap; the compiled program is
/// shared). Results are the same whether or not explanations are asked for; explanations are
/// built only when they are.
public final class EvaluationSession {
  public let program: CompiledProgram
  /// The decisions reported, in order.
  public let decisions: [DecisionID]
  public let asOf: CredenceValues.CivilDate
  public let options: EvaluationOptions
  let machine: Machine
  /// The name, title and kind of each of `decisions`, in the same order: looked up once
  /// rather than per result (a look-up copies the decision's whole checked form).
  private let labels: [DecisionLabel]

  /// A session reporting `decisions` (every decision of the program when nil).
  public init(
    program: CompiledProgram, asOf: CredenceValues.CivilDate, decisions: [DecisionID]? = nil,
    options: EvaluationOptions = EvaluationOptions()
  ) {
    self.program = program
    self.decisions = decisions ?? program.decisions
    self.asOf = asOf
    self.options = options
    machine = Machine(program: program, asOf: asOf, options: options)
    labels = self.decisions.map { decision in
      DecisionLabel(
        name: program.name(of: decision), title: Self.title(of: decision, in: program),
        kind: Self.kind(of: decision))
    }
  }

  /// Every selected decision for a learner from a record source; a learner whose records
  /// break the contract gets `error` results naming the rows.
  public func evaluate(_ record: LearnerRecord) -> LearnerResults {
    switch record {
    case .valid(let learner): return evaluate(learner)
    case .invalid(let id, let errors): return errorResults(id, errors)
    }
  }

  /// Every selected decision for a learner from a record source, each result's fields given
  /// to `body` in order and read in place (nothing is built for them); returns whether some
  /// result is an `error`. The fields are exactly those of ``evaluate(_:)-(LearnerRecord)``'s
  /// results, without explanations: what a plain batch writes.
  public func evaluate(_ record: LearnerRecord, each body: (ResultFields) -> Void) -> Bool {
    var hasError = false
    switch record {
    case .valid(let learner):
      decide(learner, given: GivenFacts()) { _, _, _, fields in
        if fields.status == .error { hasError = true }
        body(fields)
      }
    case .invalid(let id, let errors):
      let reasons = errors.map(\.description)
      for index in decisions.indices {
        body(errorFields(index, id, reasons))
        hasError = true
      }
    }
    return hasError
  }

  /// `error` results for a learner whose records break the contract.
  private func errorResults(_ id: LearnerID, _ errors: [RecordError]) -> LearnerResults {
    let reasons = errors.map(\.description)
    return LearnerResults(
      learner: id.text,
      results: decisions.indices.map { index in
        var result = DecisionResult(errorFields(index, id, reasons))
        if options.explain {
          let title = labels[index].title
          result.explanation = Explanation(
            .error, title + ": error", errors.map { Explanation(.error, $0.description) })
        }
        return result
      })
  }

  /// The fields of the `error` result of the `index`th decision for a learner whose records
  /// break the contract.
  private func errorFields(_ index: Int, _ id: LearnerID, _ reasons: [String]) -> ResultFields {
    let label = labels[index]
    return ResultFields(
      decisionIndex: index, decision: label.name, title: label.title, kind: label.kind,
      learner: id.text, enrolment: nil, status: .error, amount: nil, rate: nil, credits: nil,
      granted: ResultTexts([]), used: ResultTexts([]), missing: ResultTexts([]),
      reasons: reasons)
  }

  /// Every selected decision for a learner, with the typed `facts` a test's fixtures give.
  public func evaluate(_ learner: Learner, given facts: GivenFacts = GivenFacts())
    -> LearnerResults
  {
    var results: [DecisionResult] = []
    results.reserveCapacity(decisions.count + learner.enrolments.count)
    decide(learner, given: facts) { decision, outcome, enrolment, fields in
      var result = DecisionResult(fields)
      if options.explain {
        result.explanation = machine.explain(decision, outcome, enrolment: enrolment)
      }
      results.append(result)
    }
    // Side passes restore the main pass's count, so this is the decisions' own budget.
    return LearnerResults(
      learner: machine.learner.id.text, results: results,
      reachedStepLimit: machine.steps > options.stepsPerLearner)
  }

  /// Decides every selected decision for `learner` in order (a `per enrolment` fund once per
  /// enrolment it claims), calling `body` with each decision, its outcome, the enrolment and
  /// the result's fields.
  private func decide(
    _ learner: Learner, given facts: GivenFacts,
    _ body: (DecisionID, DecisionOutcome, Int?, ResultFields) -> Void
  ) {
    // The lists of a learner changed after it was made may be out of order; in order (as a
    // source gives them), this is one pass that neither moves nor copies anything.
    var learner = learner
    learner.sortRecords()
    machine.reset(for: learner, given: facts)
    for index in decisions.indices {
      let decision = decisions[index]
      if case .fund(let id) = decision, program.funds[id.index].perEnrolment != nil {
        for enrolment in machine.learner.enrolments.indices {
          let outcome = machine.claimOutcome(fund: id.index, enrolment: enrolment)
          if case .fund(let detail) = outcome.detail, detail.isClaim == .false { continue }
          body(decision, outcome, enrolment, fields(index, outcome, enrolment: enrolment))
        }
        continue
      }
      let outcome = machine.outcome(of: decision)
      body(decision, outcome, nil, fields(index, outcome, enrolment: nil))
    }
  }

  /// The fields of the result for the `index`th decision's outcome. Reads the machine's
  /// learner in place: binding it to a name copied it (a retain and release per list).
  private func fields(_ index: Int, _ outcome: DecisionOutcome, enrolment: Int?) -> ResultFields {
    let label = labels[index]
    let amount: Money? = if case .money(let amount) = outcome.amount { amount } else { nil }
    let rate: Percent? = if case .percent(let rate) = outcome.rate { Percent(rate) } else { nil }
    let credits: ExactDecimal? =
      if case .number(let credits) = outcome.credits { credits } else { nil }
    let reasons: [String]
    switch outcome.status {
    case .undetermined:
      // A claim's reasons are its fund's, read off the claim's outcome.
      reasons = machine.reasons(for: decisions[index], outcome)
    case .error:
      reasons = [outcome.failure.map(machine.describe) ?? "the decision could not be made"]
    default:
      reasons = []
    }
    return ResultFields(
      decisionIndex: index, decision: label.name, title: label.title, kind: label.kind,
      learner: machine.learner.id.text,
      enrolment: enrolment.map { machine.learner.enrolments[$0].id }, status: outcome.status,
      amount: amount, rate: rate, credits: credits, granted: ResultTexts(texts: outcome.granted),
      used: ResultTexts(awardIDsOf: outcome.used, in: machine.learner.awards),
      missing: ResultTexts(texts: outcome.missing), reasons: reasons)
  }

  func title(of decision: DecisionID) -> String { Self.title(of: decision, in: program) }

  func kind(of decision: DecisionID) -> DecisionKind { Self.kind(of: decision) }

  static func title(of decision: DecisionID, in program: CompiledProgram) -> String {
    switch decision {
    case .stack(let id): program.stacks[id.index].title
    case .fund(let id): program.funds[id.index].title
    case .equivalence(let id): program.equivalences[id.index].title
    }
  }

  static func kind(of decision: DecisionID) -> DecisionKind {
    switch decision {
    case .stack: .stack
    case .fund: .fund
    case .equivalence: .equivalence
    }
  }
}

/// What every result of one decision repeats: its name, title and kind.
private struct DecisionLabel {
  let name: String
  let title: String
  let kind: DecisionKind
}

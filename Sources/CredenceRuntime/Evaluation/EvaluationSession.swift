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

  /// `error` results for a learner whose records break the contract.
  private func errorResults(_ id: LearnerID, _ errors: [RecordError]) -> LearnerResults {
    LearnerResults(
      learner: id.text,
      results: decisions.map { decision in
        DecisionResult(
          decision: program.name(of: decision), title: title(of: decision),
          kind: kind(of: decision), learner: id.text, status: .error,
          reasons: errors.map(\.description),
          explanation: options.explain
            ? Explanation(
              .error, title(of: decision) + ": error",
              errors.map { Explanation(.error, $0.description) }) : nil)
      })
  }

  /// Every selected decision for a learner, with the typed `facts` a test's fixtures give.
  public func evaluate(_ learner: Learner, given facts: GivenFacts = GivenFacts())
    -> LearnerResults
  {
    // The lists of a learner changed after it was made may be out of order; in order (as a
    // source gives them), this is one pass that neither moves nor copies anything.
    var learner = learner
    learner.sortRecords()
    machine.reset(for: learner, given: facts)
    var results: [DecisionResult] = []
    results.reserveCapacity(decisions.count)
    for (decision, label) in zip(decisions, labels) {
      if case .fund(let id) = decision, program.funds[id.index].perEnrolment != nil {
        for enrolment in machine.learner.enrolments.indices {
          let outcome = machine.claimOutcome(fund: id.index, enrolment: enrolment)
          if case .fund(let detail) = outcome.detail, detail.isClaim == .false { continue }
          results.append(result(decision, label, outcome, enrolment: enrolment))
        }
        continue
      }
      results.append(result(decision, label, machine.outcome(of: decision), enrolment: nil))
    }
    // Side passes restore the main pass's count, so this is the decisions' own budget.
    return LearnerResults(
      learner: learner.id.text, results: results,
      reachedStepLimit: machine.steps > options.stepsPerLearner)
  }

  /// The result for one decision's outcome.
  /// Every field is computed first and the result built once: setting the fields of a
  /// result one by one made the optimiser copy the whole result (a dozen retains and
  /// releases) twice per decision.
  private func result(
    _ decision: DecisionID, _ label: DecisionLabel, _ outcome: DecisionOutcome, enrolment: Int?
  ) -> DecisionResult {
    let learner = machine.learner
    let amount: Money? = if case .money(let amount) = outcome.amount { amount } else { nil }
    let rate: Percent? = if case .percent(let rate) = outcome.rate { Percent(rate) } else { nil }
    let credits: ExactDecimal? =
      if case .number(let credits) = outcome.credits { credits } else { nil }
    let reasons: [String]
    switch outcome.status {
    case .undetermined:
      // A claim's reasons are its fund's, read off the claim's outcome.
      reasons = machine.reasons(for: decision, outcome)
    case .error:
      reasons = [outcome.failure.map(machine.describe) ?? "the decision could not be made"]
    default:
      reasons = []
    }
    return DecisionResult(
      decision: label.name, title: label.title, kind: label.kind, learner: learner.id.text,
      enrolment: enrolment.map { learner.enrolments[$0].id }, status: outcome.status,
      amount: amount, rate: rate, credits: credits, granted: Self.texts(outcome.granted),
      used: Self.awardIDs(outcome.used, of: learner), missing: Self.texts(outcome.missing),
      reasons: reasons,
      explanation: options.explain
        ? machine.explain(decision, outcome, enrolment: enrolment) : nil)
  }

  /// The texts of a list value (empty for anything else).
  private static func texts(_ value: Value) -> [String] {
    guard case .list(let list) = value else { return [] }
    return list.elements.compactMap { if case .text(let t) = $0 { t } else { nil } }
  }

  /// The ids of the awards of a list value (empty for anything else).
  private static func awardIDs(_ value: Value, of learner: Learner) -> [String] {
    guard case .list(let list) = value else { return [] }
    return list.elements.compactMap {
      if case .record(.award(let index)) = $0 { learner.awards[Int(index)].id } else { nil }
    }
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

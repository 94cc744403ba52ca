import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceValues

/// Decides the policies for learners on one date: one learner, the learners named, every
/// learner of a record source (on every core), or a what-if question.
///
/// Made once per request; `evaluate(_:)` keeps a session for the thread that calls it, so an
/// evaluator is used from one thread (a batch makes a session per worker itself).
public final class Evaluator {
  public let policies: Policies
  public let asOf: CivilDate
  /// Whether each result carries its explanation (results are the same either way).
  public let explain: Bool
  let session: EvaluationSession
  /// With explanations over a catalogue: plans the cheapest completion of each stack not
  /// achieved, beside the decisions (``completeStacks(over:)``).
  private var completions: StackCompletions?

  /// An evaluator reporting the decisions named (every decision when none is), in the
  /// order given; a name not in the policies is an error with the closest name there is.
  /// Raising `cancellation` (Ctrl-C, a server's time limit) stops a running evaluation
  /// within a few thousand steps: its results are `error`, and the caller, which raised
  /// the flag, decides what to say.
  /// `stepsPerLearner` lowers the evaluator's step limit (nil: its 10 million), so that a
  /// server's tests can reach it.
  public convenience init(
    _ policies: Policies, asOf: CivilDate, decisions names: [String] = [], explain: Bool = false,
    cancellation: EvaluationCancellation? = nil, stepsPerLearner: Int? = nil
  ) throws(UnknownDecision) {
    let program = policies.program
    let selected = Evaluation.decisions(named: names, in: program)
    if let name = selected.unknown.first {
      throw UnknownDecision(name: name, suggestion: Evaluation.suggestion(for: name, in: program))
    }
    self.init(
      policies, asOf: asOf, decisions: names.isEmpty ? nil : selected.found, explain: explain,
      cancellation: cancellation, stepsPerLearner: stepsPerLearner)
  }

  /// An evaluator reporting every decision (the REPL's): no name to get wrong.
  public convenience init(
    allDecisionsOf policies: Policies, asOf: CivilDate, explain: Bool = false,
    cancellation: EvaluationCancellation? = nil
  ) {
    self.init(
      policies, asOf: asOf, decisions: nil, explain: explain, cancellation: cancellation,
      stepsPerLearner: nil)
  }

  private init(
    _ policies: Policies, asOf: CivilDate, decisions: [DecisionID]?, explain: Bool,
    cancellation: EvaluationCancellation?, stepsPerLearner: Int?
  ) {
    self.policies = policies
    self.asOf = asOf
    self.explain = explain
    var options = EvaluationOptions(explain: explain)
    options.cancellation = cancellation
    if let stepsPerLearner { options.stepsPerLearner = stepsPerLearner }
    session = EvaluationSession(
      program: policies.program, asOf: asOf, decisions: decisions, options: options)
  }

  /// With explanations: name, in the explanation of each stack a learner has not achieved, its
  /// cheapest completion after funding within two credentials of `catalogue`. Planned apart
  /// from the decision (its own machine and node limit); results are otherwise the same.
  /// Applies to learners evaluated one at a time, not to ``evaluateAll(from:batchSize:into:progress:)``.
  public func completeStacks(over catalogue: [Credential]) {
    guard explain else { return }
    completions = StackCompletions(program: policies.program, asOf: asOf, catalogue: catalogue)
  }

  /// The names of the decisions reported, in order (the columns of a table or CSV).
  public var decisionNames: [String] { session.decisions.map { policies.program.name(of: $0) } }

  /// A writer of this evaluator's results in `format`.
  public func writer(_ format: ResultFormat) -> ResultWriter {
    ResultWriter(format: format, explain: explain, decisions: decisionNames)
  }

  /// Every reported decision for a learner as a record source gave it; records that break
  /// the contract give `error` results naming the rows.
  public func evaluate(_ record: LearnerRecord) -> LearnerResults {
    completed(session.evaluate(record), record)
  }

  /// Every reported decision for a learner.
  public func evaluate(_ learner: Learner) -> LearnerResults {
    completed(session.evaluate(learner), .valid(learner))
  }

  /// `results` of `learner` with the cheapest completion of each stack not achieved, over
  /// `catalogue` (the REPL's `:why`, whose results come one decision at a time).
  public func completing(
    _ results: [DecisionResult], for learner: Learner, given facts: GivenFacts = GivenFacts(),
    over catalogue: [Credential]
  ) -> [DecisionResult] {
    StackCompletions(program: policies.program, asOf: asOf, catalogue: catalogue)
      .complete(results, for: learner, given: facts)
  }

  /// `results` with the completions of ``completeStacks(over:)`` when asked for.
  private func completed(_ results: LearnerResults, _ record: LearnerRecord) -> LearnerResults {
    guard let completions, case .valid(let learner) = record else { return results }
    var results = results
    results.results = completions.complete(results.results, for: learner)
    return results
  }

  /// The learners named, in the order given, each written to `stream` as it is decided.
  /// Learners not in the source are counted in the summary, not written.
  public func evaluate(
    ids: [String], from source: any RecordSource, into stream: ResultStream
  ) throws -> EvaluationSummary {
    var summary = EvaluationSummary()
    for id in ids {
      guard let record = try source.learner(id: LearnerID(id)) else {
        summary.missing.append(id)
        continue
      }
      let results = evaluate(record)
      summary.learners += 1
      if results.hasError { summary.withErrors += 1 }
      stream.emit(results)
    }
    return summary
  }

  /// Every learner of `source`, in learner-id order, evaluated on every core and written to
  /// `stream` (``BatchEvaluation``); `progress` hears how many learners are written so far.
  /// Raising the evaluator's cancellation stops reading: what was written is a prefix of
  /// the output, and this throws `CancellationError`.
  public func evaluateAll(
    from source: any RecordSource, batchSize: Int, into stream: ResultStream,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> EvaluationSummary {
    let batch = BatchEvaluation(
      program: policies.program, asOf: asOf, decisions: session.decisions,
      options: session.options, writer: stream.writer)
    let counts = try batch.run(source, batchSize: batchSize, into: stream, progress: progress)
    return EvaluationSummary(learners: counts.learners, withErrors: counts.withErrors)
  }
}

/// How an evaluation of several learners went: how many were decided, how many of them
/// have a decision with status `error`, and which learners asked for by id were not found.
public struct EvaluationSummary: Sendable, Hashable {
  public var learners = 0
  public var withErrors = 0
  public var missing: [String] = []

  public init(learners: Int = 0, withErrors: Int = 0, missing: [String] = []) {
    self.learners = learners
    self.withErrors = withErrors
    self.missing = missing
  }
}

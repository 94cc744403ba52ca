import CredenceSyntax
import CredenceValues

/// What a side pass (explanations, reasons for unknowns) leaves behind when it ends: the
/// machine as the decisions had it.
struct DecisionState {
  var letMemo: [Result<Value, EvaluationFailure>?]
  var factMemo: [Result<Value, EvaluationFailure>?]
  var stackMemo: [DecisionOutcome?]
  var fundMemo: [DecisionOutcome?]
  var equivalenceMemo: [DecisionOutcome?]
  var claimMemo: [[Int: DecisionOutcome]]
  var balanceMemo: SchemeBalances
  var paramsOnAsOf: [Result<Value, EvaluationFailure>?]
  var paramsOnDates: [Int64: Result<Value, EvaluationFailure>]
  var paramDate: CredenceValues.CivilDate?
  var steps: Int
  var stepCheckpoint: Int
  var stepLimit: Int
  var coverage: CoverageRecorder?
  var localCount: Int
  var base: Int
}

extension Machine {
  /// Runs `body` (words about decisions already made: an explanation, why a value is
  /// unknown) so that it cannot change any decision: it reads what the decisions memoised,
  /// but everything it computes or memoises itself is forgotten when it ends, and it spends
  /// a budget of its own (``EvaluationOptions/explanationSteps``), never the learner's.
  ///
  /// The invariant: the state a decision reads (memo tables, params kept for the run, the
  /// step count, the coverage recorder, the frames) is the same after `body` as before it,
  /// so a learner's results are the same whether or not anything is explained
  /// (`ExplanationParityTests`). Saving is a handful of retains; a table is copied only if
  /// `body` writes to it.
  func sidePass<T>(_ body: (Machine) -> T) -> T {
    // Nested passes share the outermost one's budget and saved state.
    if sidePassDepth > 0 { return body(self) }
    let saved = DecisionState(
      letMemo: letMemo, factMemo: factMemo, stackMemo: stackMemo, fundMemo: fundMemo,
      equivalenceMemo: equivalenceMemo, claimMemo: claimMemo, balanceMemo: balanceMemo,
      paramsOnAsOf: paramsOnAsOf, paramsOnDates: paramsOnDates, paramDate: paramDate,
      steps: steps, stepCheckpoint: stepCheckpoint, stepLimit: stepLimit, coverage: coverage,
      localCount: locals.count, base: base)
    sidePassDepth = 1
    sidePassExhausted = false
    steps = 0
    stepCheckpoint = 0
    stepLimit = options.explanationSteps
    coverage = nil
    defer {
      sidePassDepth = 0
      letMemo = saved.letMemo
      factMemo = saved.factMemo
      stackMemo = saved.stackMemo
      fundMemo = saved.fundMemo
      equivalenceMemo = saved.equivalenceMemo
      claimMemo = saved.claimMemo
      balanceMemo = saved.balanceMemo
      paramsOnAsOf = saved.paramsOnAsOf
      paramsOnDates = saved.paramsOnDates
      paramDate = saved.paramDate
      steps = saved.steps
      stepCheckpoint = saved.stepCheckpoint
      stepLimit = saved.stepLimit
      coverage = saved.coverage
      if locals.count > saved.localCount { locals.removeSubrange(saved.localCount...) }
      base = saved.base
    }
    return body(self)
  }

  /// Whether a side pass is running.
  var inSidePass: Bool { sidePassDepth > 0 }

  /// The words a side pass that ran out of its budget adds to what it produced.
  var sidePassLimitText: String {
    "some details are left out: explaining this took more than \(options.explanationSteps) "
      + "steps (the limit for an explanation); the decision itself is not affected"
  }

  /// Whether `failure` is a side pass running out of its budget (not a failure of the
  /// decision being explained).
  func isSidePassLimit(_ failure: EvaluationFailure) -> Bool {
    inSidePass && sidePassExhausted && failure.message == sidePassLimitFailureText
  }

  /// The failure a side pass throws at its limit.
  var sidePassLimitFailureText: String {
    "explaining this took more than \(options.explanationSteps) steps"
  }
}

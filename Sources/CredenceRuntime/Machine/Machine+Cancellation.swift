import CredenceSyntax

extension Machine {
  /// Where ``step(_:at:)`` next leaves its fast path: at the first step of a learner (set by
  /// `reset`), then at the limit, or every ``EvaluationCancellation/stepsBetweenChecks``
  /// steps when the evaluation can be cancelled. The limit is the learner's budget, or a
  /// side pass's own (``sidePass(_:)``).
  @inline(never)
  func stepCheckpointReached(at span: Span?) throws(EvaluationFailure) {
    if steps > stepLimit {
      if inSidePass {
        sidePassExhausted = true
        throw EvaluationFailure(sidePassLimitFailureText, at: span)
      }
      throw EvaluationFailure(
        "evaluating this learner took more than \(options.stepsPerLearner) steps "
          + "(the limit per learner); the records are too large for this rule", at: span)
    }
    guard let cancellation = options.cancellation else {
      stepCheckpoint = stepLimit
      return
    }
    if cancellation.isCancelled {
      throw EvaluationFailure(EvaluationCancellation.message, at: span)
    }
    stepCheckpoint = min(steps &+ EvaluationCancellation.stepsBetweenChecks, stepLimit)
  }
}

import Logging

/// Decision logs, as OPA keeps them: at `debug` level only, one line per request that
/// decided, with the learners, the policy version and the results as the reply gave them.
/// Learner ids and results are personal data: at `info` and above (the default) nothing of
/// them is logged, and the messages are built only when `debug` is on.
enum DecisionLog {
  static func record(
    _ answer: Evaluator.Answer, learners: [String], version: PolicyVersion,
    _ context: ServerContext
  ) {
    record(
      answer.json, reachedStepLimit: answer.reachedStepLimit, learners: learners,
      version: version, context)
  }

  /// `json` is the reply's decisions (or what-if answer) as it was sent.
  static func record(
    _ json: @autoclosure () -> String, reachedStepLimit: Bool, learners: [String],
    version: PolicyVersion, _ context: ServerContext
  ) {
    context.logger.debug(
      "decision",
      metadata: [
        "learners": "\(learners.joined(separator: ","))",
        "policy_version": "\(version)",
        "results": "\(Routes.trimmed(json()))",
        "step_limit_reached": "\(reachedStepLimit)",
      ])
  }
}

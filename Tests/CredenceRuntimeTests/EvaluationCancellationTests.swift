import CredenceRecords
import CredenceValues
import Testing

@testable import CredenceRuntime

/// `EvaluationCancellation`: the REPL's Ctrl-C stops an evaluation at its next checkpoint;
/// evaluations without a flag (batches) never look.
@Suite struct EvaluationCancellationTests {
  static let policy = """
    fund f "Counts awards"
      eligible when count(learner.awards where credential.credits > 1) >= 3 because "three awards"
      amount 10 SGD
    """

  @Test func aCancelledFlagMakesTheDecisionAnErrorSayingSo() throws {
    let program = try #require(Programs.compile(Self.policy))
    let learner = EvaluationLimitTests.learner(awards: (1...40).map { ("C\($0)", 2) })
    let flag = EvaluationCancellation()
    var options = EvaluationOptions()
    options.cancellation = flag
    let session = EvaluationSession(program: program, asOf: day("2026-01-01"), options: options)
    #expect(session.evaluate(learner).results[0].status == .eligible, "not cancelled yet")
    flag.cancel()
    let stopped = session.evaluate(learner).results[0]
    #expect(stopped.status == .error)
    #expect(stopped.reasons.first?.contains(EvaluationCancellation.message) == true)
    flag.reset()
    #expect(session.evaluate(learner).results[0].status == .eligible, "the flag was cleared")
    let batch = EvaluationSession(program: program, asOf: day("2026-01-01"))
    flag.cancel()
    #expect(batch.evaluate(learner).results[0].status == .eligible, "no flag, no looking")
  }

  /// `EvaluationCancellation.stepsBetweenChecks`: the flag is looked at on a learner's first
  /// step, then once every so many steps, and the step limit still holds.
  @Test func theFlagIsLookedAtEveryStepsBetweenChecks() throws {
    #expect(EvaluationCancellation.stepsBetweenChecks == 4096)
    let program = try #require(Programs.compile(Self.policy))
    let flag = EvaluationCancellation()
    var options = EvaluationOptions()
    options.cancellation = flag
    let machine = Machine(program: program, asOf: day("2026-01-01"), options: options)
    machine.reset(for: Learner(id: "L1"))
    try machine.step(at: nil)
    flag.cancel()
    for _ in 0..<EvaluationCancellation.stepsBetweenChecks { try machine.step(at: nil) }
    #expect(throws: EvaluationFailure.self) { try machine.step(at: nil) }
    machine.reset(for: Learner(id: "L2"))
    #expect(throws: EvaluationFailure.self, "a new learner looks at its first step") {
      try machine.step(at: nil)
    }
    flag.reset()
    var limited = options
    limited.stepsPerLearner = 10
    let small = Machine(program: program, asOf: day("2026-01-01"), options: limited)
    small.reset(for: Learner(id: "L3"))
    for _ in 0..<10 { try small.step(at: nil) }
    #expect(throws: EvaluationFailure.self, "the step limit comes before the next look") {
      try small.step(at: nil)
    }
  }
}

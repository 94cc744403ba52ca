import CredenceRecords
import CredenceRuntime
import CredenceSyntax
import CredenceValues
import Testing

/// Every limit of the evaluator is named, and reaching it gives `error` or `undetermined`
/// for that learner, never a wrong answer, a crash or a hang.
@Suite struct EvaluationLimitTests {
  static func learner(awards codes: [(String, Int)]) -> Learner {
    Learner(
      id: "L1", citizenship: "SG",
      awards: codes.enumerated().map { index, entry in
        Award(
          id: "A\(index + 1)",
          credential: Credential(
            code: entry.0, type: "micro-credential", credits: ExactDecimal(entry.1),
            field: "x"),
          awardedOn: CivilDate(year: 2025, month: 1, day: 1 + index % 28))
      })
  }

  @Test func theLimitsAreTheNamedConstants() {
    #expect(EvaluationLimits.defaultStepsPerLearner == 10_000_000)
    #expect(EvaluationLimits.defaultEquivalenceSearchNodes == 100_000)
    #expect(EvaluationLimits.maximumEquivalenceOptions == 4_096)
    let options = EvaluationOptions()
    #expect(options.stepsPerLearner == EvaluationLimits.defaultStepsPerLearner)
    #expect(options.allocationSearchNodes == AllocationLimits.defaultSearchNodes)
    #expect(options.equivalenceSearchNodes == EvaluationLimits.defaultEquivalenceSearchNodes)
  }

  @Test func stepsPerLearnerMakeTheDecisionAnErrorNamingTheLimit() throws {
    let program = try #require(
      Programs.compile(
        """
        fund f "Counts awards"
          eligible when count(learner.awards where credential.credits > 1) >= 3 because "three awards"
          amount 10 SGD
        """))
    let learner = Self.learner(awards: (1...40).map { ("C\($0)", 2) })
    let small = EvaluationSession(
      program: program, asOf: day("2026-01-01"), options: EvaluationOptions(stepsPerLearner: 20))
    let limitedResults = small.evaluate(learner)
    let limited = limitedResults.results[0]
    #expect(limited.status == .error)
    #expect(limited.reasons.first?.contains("more than 20 steps") == true)
    #expect(limitedResults.reachedStepLimit)
    let normal = EvaluationSession(program: program, asOf: day("2026-01-01"))
    #expect(normal.evaluate(learner).results[0].status == .eligible)
    #expect(!normal.evaluate(learner).reachedStepLimit)
    // The next learner starts with a fresh budget.
    let next = small.evaluate(Self.learner(awards: [("C1", 2)]))
    #expect(next.results[0].status == .ineligible)
    #expect(!next.reachedStepLimit)
    // With explanations (side passes with budgets of their own) the flag is the same.
    let explained = EvaluationSession(
      program: program, asOf: day("2026-01-01"),
      options: EvaluationOptions(explain: true, stepsPerLearner: 20))
    #expect(explained.evaluate(learner).reachedStepLimit)
    #expect(!explained.evaluate(Self.learner(awards: [("C1", 2)])).reachedStepLimit)
  }

  @Test func allocationNodesLeaveAStackUndeterminedNeverWrong() throws {
    // Two credit requirements competing for the same awards: a search decides them.
    let program = try #require(
      Programs.compile(
        """
        stack s "Competing credit requirements"
          require at least 8 credits where credential.field == "x" because "8 credits"
          require at least 6 credits where credential.code == "A"  because "6 credits from A"
        """))
    let learner = Self.learner(awards: [("A", 6), ("B", 4), ("C", 4)])
    let tiny = EvaluationSession(
      program: program, asOf: day("2026-01-01"),
      options: EvaluationOptions(explain: true, allocationSearchNodes: 1))
    let limited = tiny.evaluate(learner).results[0]
    #expect(limited.status == .undetermined)
    #expect(
      limited.reasons == [
        "the awards can be combined in too many ways to decide within the search limit"
      ])
    let normal = EvaluationSession(program: program, asOf: day("2026-01-01"))
    #expect(normal.evaluate(learner).results[0].status == .achieved)
  }

  @Test func equivalenceNodesLeaveItUndetermined() throws {
    let program = try #require(
      Programs.compile(
        """
        equivalence e "Awards that could count two ways"
          each where credential.credits >= 1 counts as "MOD1" for credential.credits credits
          each where credential.credits >= 1 counts as elective for 1 credit
        """))
    let learner = Self.learner(awards: (1...8).map { ("C\($0)", $0) })
    let tiny = EvaluationSession(
      program: program, asOf: day("2026-01-01"),
      options: EvaluationOptions(equivalenceSearchNodes: 5))
    let limited = tiny.evaluate(learner).results[0]
    #expect(limited.status == .undetermined)
    #expect(limited.reasons.first?.contains("search limit") == true)
    let normal = EvaluationSession(program: program, asOf: day("2026-01-01")).evaluate(learner)
    #expect(normal.results[0].status == .achieved)
    // MOD1 once for the 8-credit award, every other award an elective of 1 credit.
    #expect(normal.results[0].credits == ExactDecimal(15))
  }

  @Test func tooManyWaysToCountAwardsLeaveAnEquivalenceUndetermined() throws {
    let program = try #require(
      Programs.compile(
        """
        equivalence e "Every award as an elective"
          each where credential.credits >= 1 counts as elective for 1 credit
        """))
    let limit = EvaluationLimits.maximumEquivalenceOptions
    let session = EvaluationSession(program: program, asOf: day("2026-01-01"))
    let atLimit = session.evaluate(Self.learner(awards: (1...limit).map { ("C\($0)", 1) }))
    #expect(atLimit.results[0].status == .achieved)
    #expect(atLimit.results[0].credits == ExactDecimal(limit))
    let beyond = session.evaluate(Self.learner(awards: (1...(limit + 1)).map { ("C\($0)", 1) }))
    #expect(beyond.results[0].status == .undetermined)
    #expect(beyond.results[0].reasons.first?.contains("too many awards") == true)
  }
}

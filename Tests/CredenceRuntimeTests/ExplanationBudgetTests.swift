import CredenceRecords
import CredenceRuntime
import CredenceValues
import Testing

/// Explanations spend a budget of their own: a learner near the step limit gets the same
/// results with `--explain`, and an explanation never contradicts the result it explains.
@Suite struct ExplanationBudgetTests {
  /// Two funds, each adding up, for every award, how many awards have more than five credits
  /// (none has): n + n² steps each.
  static let twoQuadraticFunds = """
    fund first "First"
      eligible when sum(learner.awards, count(learner.awards where credential.credits > 5)) >= 0 because "a figure"
      amount 1 SGD

    fund second "Second"
      eligible when sum(learner.awards, count(learner.awards where credential.credits > 5)) >= 0 because "a figure"
      amount 1 SGD
    """

  static func learner(awards: Int) -> Learner {
    EvaluationLimitTests.learner(awards: (1...awards).map { ("C\($0)", 2) })
  }

  /// The reported shape (1,700 awards, 2,891,700 steps per fund of 10,000,000), scaled down
  /// to run quickly: 200 awards take 40,200 steps per fund, both funds 80,400 of 100,000;
  /// evaluating the first fund's condition again for its explanation (twice: the condition
  /// and its left side) used to push the second over the limit.
  @Test func explainingTheFirstDecisionLeavesTheSecondAsItWas() throws {
    let program = try #require(Programs.compile(Self.twoQuadraticFunds))
    let learner = Self.learner(awards: 200)
    func results(explain: Bool) -> [DecisionResult] {
      EvaluationSession(
        program: program, asOf: day("2026-01-01"),
        options: EvaluationOptions(explain: explain, stepsPerLearner: 100_000)
      ).evaluate(learner).results
    }
    let plain = results(explain: false)
    let explained = results(explain: true)
    #expect(plain.map(\.status) == [.eligible, .eligible])
    #expect(explained.map(\.withoutExplanation) == plain)
    // The first explanation keeps its figure.
    #expect(
      explained[0].explanation?.lines() == [
        "✓ First: eligible, 1 SGD", "  ✓ a figure: is 0", "  · amount: 1 SGD",
      ])
    #expect(
      explained[1].explanation?.lines()
        == explained[0].explanation.map {
          [$0.lines()[0].replacingOccurrences(of: "First", with: "Second")] + $0.lines().dropFirst()
        })
  }

  /// One decision near the limit: the explanation agrees with the result; where explaining
  /// needs more than its own budget, it says what it left out, and the result is unchanged.
  @Test func anEligibleResultIsNeverExplainedAsAnError() throws {
    let program = try #require(
      Programs.compile(
        """
        fund first "First"
          eligible when sum(learner.awards, count(learner.awards where credential.credits > 5)) >= 0 because "a figure"
          amount 1 SGD
        """))
    let learner = Self.learner(awards: 200)
    var options = EvaluationOptions(explain: true, stepsPerLearner: 50_000)
    let full = EvaluationSession(program: program, asOf: day("2026-01-01"), options: options)
      .evaluate(learner).results[0]
    #expect(full.status == .eligible)
    #expect(
      full.explanation?.lines() == [
        "✓ First: eligible, 1 SGD", "  ✓ a figure: is 0", "  · amount: 1 SGD",
      ])
    options.explanationSteps = 1_000
    let cut = EvaluationSession(program: program, asOf: day("2026-01-01"), options: options)
      .evaluate(learner).results[0]
    #expect(cut.withoutExplanation == full.withoutExplanation)
    #expect(
      cut.explanation?.lines() == [
        "✓ First: eligible, 1 SGD", "  ✓ a figure", "  · amount: 1 SGD",
        "  · some details are left out: explaining this took more than 1000 steps (the limit for"
          + " an explanation); the decision itself is not affected",
      ])
  }

  @Test func theExplanationLimitIsANamedConstant() {
    #expect(EvaluationLimits.defaultExplanationSteps == 10_000_000)
    #expect(EvaluationOptions().explanationSteps == EvaluationLimits.defaultExplanationSteps)
  }
}

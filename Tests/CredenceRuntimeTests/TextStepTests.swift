import CredenceRecords
import CredenceRuntime
import CredenceValues
import Testing

/// Reading long texts costs steps in proportion (`EvaluationLimits.textBytesPerStep`), so
/// the step limit bounds time: a record holding a huge text compared for every element
/// meets the limit instead of running for minutes in steps that each look like one.
@Suite struct TextStepTests {
  static func learner(fieldBytes: Int, awards: Int) -> Learner {
    let field = String(repeating: "y", count: fieldBytes)
    return Learner(
      id: "L1", citizenship: "SG",
      awards: (0..<awards).map { index in
        Award(
          id: "A\(index + 1)",
          credential: Credential(code: "C\(index)", type: "micro-credential", field: field),
          awardedOn: CivilDate(year: 2025, month: 1, day: 1 + index % 28))
      })
  }

  static let policy = """
    fund f "Counts awards in a field"
      eligible when count(learner.awards where credential.field == "x") >= 1 because "one award"
      amount 10 SGD
    fund g "Awards in a list of fields"
      eligible when count(learner.awards where credential.field in ["x", "z"]) >= 1 because "one"
      amount 10 SGD
    """

  @Test func longTextsCostStepsInProportion() throws {
    #expect(EvaluationLimits.textBytesPerStep == 1_024)
    let program = try #require(Programs.compile(Self.policy))
    let options = EvaluationOptions(stepsPerLearner: 2_000)
    let session = EvaluationSession(program: program, asOf: day("2026-01-01"), options: options)
    // 40 fields of 64 bytes: a few steps each, well within the budget.
    let short = session.evaluate(Self.learner(fieldBytes: 64, awards: 40)).results
    #expect(short.map(\.status) == [.ineligible, .ineligible])
    // 40 fields of 64 KiB: 64 steps more per comparison, 2,560 in all, past the budget.
    let long = session.evaluate(Self.learner(fieldBytes: 64 * 1_024, awards: 40)).results
    #expect(long.map(\.status) == [.error, .error])
    #expect(long.allSatisfy { $0.reasons.first?.contains("more than 2000 steps") == true })
    // The default budget decides the same learner.
    let unlimited = EvaluationSession(program: program, asOf: day("2026-01-01"))
    let decided = unlimited.evaluate(Self.learner(fieldBytes: 64 * 1_024, awards: 40)).results
    #expect(decided.map(\.status) == [.ineligible, .ineligible])
  }
}

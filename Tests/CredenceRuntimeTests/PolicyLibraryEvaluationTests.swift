import CredenceRuntime
import CredenceSyntax
import Testing

/// Every `test` of the example policies passes under the evaluator.
@Suite struct PolicyLibraryEvaluationTests {
  @Test func everyPolicyTestPasses() throws {
    let program = try #require(Programs.library)
    let runner = PolicyTestRunner(program: program, today: day("2026-07-01"))
    let outcomes = runner.runAll()
    #expect(outcomes.count > 50)
    var failed: [String] = []
    for outcome in outcomes where !outcome.passed {
      let row = outcome.row.map { " (row \($0 + 1))" } ?? ""
      for failure in outcome.failures {
        var text =
          "\(outcome.description)\(row): expected `\(failure.expectation)`, \(failure.actual)"
        for explanation in failure.explanations {
          text += "\n" + explanation.lines(indent: 4).joined(separator: "\n")
        }
        failed.append(text)
      }
    }
    #expect(
      failed.isEmpty,
      Comment(rawValue: "\(failed.count) failing:\n" + failed.joined(separator: "\n")))
  }
}

import CredenceRuntime
import CredenceSemantics
import CredenceSyntax
import Foundation
import Testing

/// The spec tests written in the language: every `.credence` file under `spec/`, one Swift
/// test per file, each `test` block (and examples row) an expectation of the evaluator.
@Suite struct SpecTests {
  static let files = Programs.files(under: "Tests/CredenceRuntimeTests/spec")
    .map(\.lastPathComponent)

  @Test(arguments: files)
  func specFile(_ name: String) throws {
    let url = Programs.root.appendingPathComponent("Tests/CredenceRuntimeTests/spec/\(name)")
    let program = try #require(Programs.compile(try Programs.sources([url])))
    let outcomes = PolicyTestRunner(program: program, today: day("2026-07-01")).runAll()
    #expect(!outcomes.isEmpty)
    for outcome in outcomes where !outcome.passed {
      let row = outcome.row.map { " (row \($0 + 1))" } ?? ""
      for failure in outcome.failures {
        var text =
          "\(name): \(outcome.description)\(row): `\(failure.expectation)` is \(failure.actual)"
        for explanation in failure.explanations {
          text += "\n" + explanation.lines(indent: 4).joined(separator: "\n")
        }
        Issue.record(Comment(rawValue: text))
      }
    }
  }

  @Test func theSpecFolderIsNotEmpty() {
    #expect(Self.files.count >= 8)
  }
}

/// The runner reports a failing expectation with what it found: spec tests can fail.
@Suite struct PolicyTestRunnerTests {
  @Test func aWrongExpectationFailsWithTheValuesFound() throws {
    let program = try #require(
      Programs.compile(
        """
        fund f "A fund"
          eligible when learner.citizenship == "SG" because "for citizens"
          amount 500 SGD

        test "wrong on purpose"
          as of 2026-01-01
          given learner { citizenship: "MY" }
          expect f is eligible
          expect f.amount == 400 SGD
        """))
    let outcomes = PolicyTestRunner(program: program, today: day("2026-07-01")).runAll()
    #expect(outcomes.count == 1)
    let failures = outcomes.first?.failures ?? []
    #expect(failures.map(\.expectation) == ["expect f is eligible", "expect f.amount == 400 SGD"])
    #expect(failures.first?.actual == "false: it is ineligible")
    #expect(failures.last?.actual == "false: `f.amount` is 0 SGD, `400 SGD` is 400 SGD")
    #expect(
      failures.first?.explanations.first?.lines()
        == ["✗ A fund: ineligible", "  ✗ for citizens: needs \"SG\", is \"MY\""])
  }

  @Test func aWrongPathFailsWithThePathFound() throws {
    let program = try #require(
      Programs.compile(
        """
        stack s "Two courses"
          require at least 2 credentials

        test "wrong on purpose"
          as of 2026-01-01
          given credential { code: "A", fee: 100 SGD }
          given credential { code: "B", fee: 50 SGD }
          given credential { code: "C", fee: 70 SGD }
          given award "A" on 2025-01-01
          expect path to s by cost is ["C"]
          expect path to s is []
          expect path to s by credits is ["B", "C", "A"]
        """))
    let outcomes = PolicyTestRunner(program: program, today: day("2026-07-01")).runAll()
    let failures = outcomes.first?.failures ?? []
    #expect(
      failures.map(\.actual) == [
        "the best path by cost is [\"B\"]",
        "the best path by fewest is [\"B\"]",
        "the best path by credits is [\"B\"]",
      ])
  }

  /// The rankings the checker accepts are the search's objectives.
  @Test func pathRankingsAreTheSearchObjectives() {
    #expect(CheckedTest.pathObjectives == PathwayObjective.allCases.map(\.rawValue))
  }

  @Test func examplesRunOncePerRow() throws {
    let program = try #require(
      Programs.compile(
        """
        let double(x: Number) = x * 2

        test "rows"
          expect double(input) == output
          examples
            | input | output |
            | 1     | 2      |
            | 2     | 5      |
        """))
    let outcomes = PolicyTestRunner(program: program, today: day("2026-07-01")).runAll()
    #expect(outcomes.map(\.passed) == [true, false])
    #expect(outcomes.map(\.row) == [0, 1])
  }
}

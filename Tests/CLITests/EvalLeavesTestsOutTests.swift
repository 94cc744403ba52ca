import Foundation
import Testing

/// `credence eval` checks the rules but not the bodies of tests (docs/decisions.md): a
/// mistake inside a `test`, a type error or a syntax error, is `credence check`'s and
/// `credence test`'s to report.
@Suite struct EvalLeavesTestsOutTests {
  static let policy = """
    policy "p"
      version "1"

    ## Used only by the test below: still not "never used".
    let lots = 100 SGD

    fund credit "Credit"
      eligible when learner.citizenship == "SG" because "for Singapore Citizens"
      amount 100 SGD

    test "a mistake inside a test"
      as of 2026-01-01
      given learner { citizenship: "SG" }
      expect credit.amount == "lots"
      expect credit.amount == lots

    """

  @Test func aTypeErrorInATestFailsCheckButNotEval() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    _ = try dir.write("tested.credence", Self.policy)
    let check = try DBCommand.run(["check", "tested.credence"], in: dir.url)
    #expect(check.status == 65)
    #expect(check.standardOutput.contains("tested.credence:14:"))
    let eval = try DBCommand.run(
      [
        "eval", "tested.credence", "--db", store, "--learner", "L1", "--format", "csv",
        "--as-of", "2026-06-30",
      ], in: dir.url)
    #expect(eval.status == 0, "\(eval.standardError)")
    #expect(eval.standardError.isEmpty)
    #expect(eval.standardOutput.contains("\nL1,credit,,"))
  }

  @Test func aSyntaxErrorInATestFailsCheckButNotEval() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let broken = Self.policy.replacingOccurrences(
      of: "expect credit.amount == \"lots\"", with: "expect credit.amount == == 1")
    _ = try dir.write("tested.credence", broken)
    let check = try DBCommand.run(["check", "tested.credence"], in: dir.url)
    #expect(check.status == 65)
    #expect(check.standardOutput.contains("tested.credence:14:"))
    let eval = try DBCommand.run(
      [
        "eval", "tested.credence", "--db", store, "--learner", "L1", "--format", "csv",
        "--as-of", "2026-06-30",
      ], in: dir.url)
    #expect(eval.status == 0, "\(eval.standardError)")
    #expect(eval.standardOutput.contains("\nL1,credit,,"))
  }
}

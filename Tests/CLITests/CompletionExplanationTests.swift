import Foundation
import Testing

/// The explanation of a *not achieved* stack names its cheapest completion after funding
/// (`eval --learner --explain`, in every format), planned beside the decision: the results
/// themselves are those of `eval` without it.
@Suite struct CompletionExplanationTests {
  /// The path fixture: P1 holds D1 and needs one more data course (D2, net 300 SGD after the
  /// subsidy and the credit claim; D3 has no fee); `retired` has no completion.
  @Test(arguments: ["table", "json", "csv"])
  func fixtureLearnerOneAway(_ format: String) throws {
    let (dir, store) = try PathOutputTests.store()
    _ = dir
    let outcome = try DBCommand.run(
      [
        "eval", "policies", "--db", store, "--learner", "P1", "--as-of", "2026-06-30",
        "--explain", "--format", format,
      ], in: PathOutputTests.folder)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let suffix = format == "table" ? "txt" : format
    try PathOutputTests.expectGolden(outcome.standardOutput, "completion.\(suffix)")
    #expect(
      outcome.standardOutput.contains(
        format == "json"
          ? "\"completion\":{\"path\":{\"credentials\":[{\"code\":\"D2\""
          : "cheapest completion after funding: D2"))
  }

  /// A library stack and a sample learner one credential away (the README's learner).
  @Test func libraryStackOneCredentialAway() throws {
    let (dir, store) = try PathCommandTests.store()
    _ = dir
    let outcome = try DBCommand.run([
      "eval", PathCommandTests.policies, "--db", store, "--learner", "L0000039", "--as-of",
      "2026-06-30", "--decision", "nus_gc_is", "--explain",
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    try PathOutputTests.expectGolden(outcome.standardOutput, "completion-library.txt")
    // The README's Pathways section shows this output.
    let readme = try String(
      contentsOf: EvalFixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("```\n" + outcome.standardOutput.dropLast() + "```"))
    #expect(outcome.standardOutput.contains("cheapest completion after funding"))
  }

  /// Without --explain the results carry no completion, and with it the decisions are the
  /// same: the search beside them changes nothing.
  @Test func completionsNeverChangeTheResults() throws {
    let (dir, store) = try PathOutputTests.store()
    _ = dir
    func results(_ extra: [String]) throws -> [[String: String]] {
      let outcome = try DBCommand.run(
        [
          "eval", "policies", "--db", store, "--learner", "P1", "--as-of", "2026-06-30", "--format",
          "json",
        ]
          + extra, in: PathOutputTests.folder)
      let array = try #require(
        try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
          as? [[String: Any]])
      return array.map { object in
        [
          "decision": object["decision"] as? String ?? "",
          "status": object["status"] as? String ?? "",
        ]
      }
    }
    #expect(try results([]) == (try results(["--explain"])))
  }
}

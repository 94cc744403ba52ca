import Foundation
import Testing

/// `credence path` end to end: the README's example, and the errors it promises.
@Suite struct PathCommandTests {
  static func store() throws -> (DBScratchDirectory, String) {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "40", "--seed", "1"]).status == 0)
    return (dir, store)
  }

  static var policies: String { EvalFixtures.packageRoot.appendingPathComponent("policies").path }

  /// The first output block under "## Pathways" in the README.
  static func readmeExcerpt() throws -> String {
    let readme = try String(
      contentsOf: EvalFixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "## Pathways"))
    let parts = readme[section.upperBound...].components(separatedBy: "```")
    return String(parts[3].dropFirst())
  }

  @Test func theReadmeExampleIsWhatItPrints() throws {
    let (dir, store) = try Self.store()
    _ = dir
    let outcome = try DBCommand.run(
      [
        "path", Self.policies, "--db", store, "--learner", "L0000039", "--as-of", "2026-06-30",
        "--to", "nus_gc_is", "--by", "cost", "--limit", "1",
      ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput == (try Self.readmeExcerpt()))
  }

  @Test(arguments: [
    (
      ["--to", "nus_gc_iss"], 64,
      "no stack or equivalence named `nus_gc_iss` in these policies; did you mean `nus_gc_is`?"
    ),
    (["--to", "sfc_claim"], 64, "`sfc_claim` is a fund"),
    (["--to", "nus_cde_transfer"], 64, "say how many credits it should grant"),
    (["--to", "nus_gc_is", "--learner", "NOPE"], 65, "no learner `NOPE`"),
  ])
  func clearErrors(_ extra: [String], _ status: Int32, _ message: String) throws {
    let (dir, store) = try Self.store()
    _ = dir
    var arguments = ["path", Self.policies, "--db", store, "--as-of", "2026-06-30"] + extra
    if !extra.contains("--learner") { arguments += ["--learner", "L0000039"] }
    let outcome = try DBCommand.run(arguments)
    #expect(outcome.status == status)
    #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
  }
}

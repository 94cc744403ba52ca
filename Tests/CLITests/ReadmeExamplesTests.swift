import Foundation
import Testing

/// The explanation excerpts in the README are what the README's main-job command prints.
@Suite struct ReadmeExamplesTests {
  /// The fenced blocks under "What a decision looks like" that are output, not commands.
  static func excerpts() throws -> [String] {
    let readme = try String(
      contentsOf: EvalFixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let section = readme.range(of: "## What a decision looks like") else { return [] }
    let rest = readme[section.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    let parts = rest[..<end].components(separatedBy: "```")
    // Odd parts are inside fences; a fence opened with "sh" holds commands.
    return stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
      .filter { !$0.hasPrefix("sh") }
      .map { $0.hasPrefix("\n") ? String($0.dropFirst()) : $0 }
  }

  @Test func theExcerptsComeFromTheMainJob() throws {
    let excerpts = try Self.excerpts()
    #expect(excerpts.count == 2)
    // The sample generator makes each learner the same whatever the store's size.
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "40", "--seed", "1"]).status == 0)
    let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path
    let outcome = try DBCommand.run(
      [
        "eval", policies, "--db", store, "--learner", "L0000036", "--as-of", "2026-06-30",
        "--explain",
      ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    for excerpt in excerpts {
      #expect(
        outcome.standardOutput.contains(excerpt), "README excerpt not in the output:\n\(excerpt)")
    }
  }
}

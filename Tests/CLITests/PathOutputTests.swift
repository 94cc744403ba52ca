import Foundation
import Testing

/// `credence path` output over a small fixture whose paths are known by construction: fees,
/// funding (a subsidy and a credit claim sharing one balance), hours, a credential with no
/// fee, a stack already achieved and one no path reaches. JSON is golden and parsed, so a
/// crash or a malformed document on any of these shapes fails here (9003e2f crashed on every
/// path with hours).
@Suite struct PathOutputTests {
  static let folder = EvalFixtures.packageRoot.appendingPathComponent(
    "Tests/CLITests/Fixtures/path")

  /// A store holding the fixture's records, in a fresh scratch directory.
  static func store() throws -> (DBScratchDirectory, String) {
    let dir = try DBScratchDirectory()
    let path = dir.path("paths.db")
    let records = folder.appendingPathComponent("records")
    let files = try FileManager.default.contentsOfDirectory(atPath: records.path)
      .filter { $0.hasSuffix(".csv") }.sorted().map { records.appendingPathComponent($0).path }
    #expect(try DBCommand.run(["db", "init", path]).status == 0)
    let imported = try DBCommand.run(["db", "import", path] + files)
    #expect(imported.status == 0, "\(imported.standardError)")
    return (dir, path)
  }

  /// The cases: golden name, then the learner, target and options.
  static let cases: [(String, [String])] = [
    // One credential away: D2 with a subsidy, a credit claim and hours; D3 with no fee.
    ("one-away", ["--learner", "P1", "--to", "data"]),
    // Two away, ranked by cost: both courses claim the 300 SGD credit, cut to what it holds.
    ("shared-balance", ["--learner", "P4", "--to", "data", "--by", "cost", "--limit", "2"]),
    // Not a citizen: no funding, the fees alone; D1 graded C cannot be used.
    ("no-funding", ["--learner", "P3", "--to", "data", "--by", "hours"]),
    ("achieved", ["--learner", "P2", "--to", "data"]),
    ("unreachable", ["--learner", "P1", "--to", "retired"]),
  ]

  @Test(arguments: cases.map(\.0))
  func pathOutputIsGoldenInBothFormats(_ name: String) throws {
    let (dir, store) = try Self.store()
    _ = dir
    let options = try #require(Self.cases.first { $0.0 == name }).1
    for format in ["table", "json"] {
      let outcome = try DBCommand.run(
        ["path", "policies", "--db", store, "--as-of", "2026-06-30", "--format", format]
          + options, in: Self.folder)
      #expect(outcome.status == 0, "\(name) \(format): \(outcome.standardError)")
      try Self.expectGolden(outcome.standardOutput, "\(name).\(format == "json" ? "json" : "txt")")
      if format == "json" {
        let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
        #expect(document is [String: Any], "\(name): not a JSON object")
      }
    }
  }

  /// The structure a program reads, checked apart from the golden text.
  @Test func jsonCarriesHoursFundsUnknownFeesAndReasons() throws {
    let (dir, store) = try Self.store()
    _ = dir
    func plan(_ options: [String]) throws -> [String: Any] {
      let outcome = try DBCommand.run(
        ["path", "policies", "--db", store, "--as-of", "2026-06-30", "--format", "json"]
          + options, in: Self.folder)
      #expect(outcome.status == 0, "\(outcome.standardError)")
      let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
      return try #require(object as? [String: Any])
    }
    let oneAway = try plan(["--learner", "P1", "--to", "data"])
    #expect(oneAway["status"] as? String == "found")
    #expect(oneAway["unknown_fees"] as? [String] == ["D3"])
    let paths = try #require(oneAway["paths"] as? [[String: Any]])
    let first = try #require(paths.first)
    #expect(first["hours"] as? Int == 30)
    let step = try #require((first["credentials"] as? [[String: Any]])?.first)
    #expect(step["code"] as? String == "D2")
    let funds = try #require(step["funding"] as? [[String: Any]]).compactMap {
      $0["fund"] as? String
    }
    #expect(funds == ["subsidy", "credit_claim"])
    #expect((first["net_cost"] as? [String: Any])?["amount"] as? String == "300.00")
    let unknown = try #require(paths.last)
    #expect(unknown["net_cost"] is NSNull)

    let achieved = try plan(["--learner", "P2", "--to", "data"])
    #expect(achieved["status"] as? String == "already achieved")
    #expect((achieved["paths"] as? [Any])?.isEmpty == true)

    let unreachable = try plan(["--learner", "P1", "--to", "retired"])
    #expect(unreachable["status"] as? String == "not found")
    let reasons = try #require(unreachable["reasons"] as? [String])
    #expect(reasons.contains { $0.contains("GONE1") }, "\(reasons)")
  }

  static func expectGolden(_ actual: String, _ name: String) throws {
    let file = EvalFixtures.packageRoot.appendingPathComponent("Tests/CLITests/Golden/path/\(name)")
    if ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: file)
      return
    }
    let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    #expect(
      actual == expected,
      "\(name) differs; re-record with CREDENCE_RECORD_GOLDEN=1 and review the diff")
  }
}

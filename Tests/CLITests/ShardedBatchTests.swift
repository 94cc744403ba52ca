import Foundation
import Testing

/// `--shard K/N` on the batch commands besides `eval` (`path --all`, `diff --all`): the
/// shards' outputs merge into the unsharded one, from SQLite, and from PostgreSQL when a
/// server is there.
@Suite struct ShardedBatchTests {
  static let asOf = "2026-06-30"

  /// The stores to shard: a 300-learner sample, and its copy in PostgreSQL (dropped by the
  /// caller) when the tests have a server.
  static func stores(_ folder: DBScratchDirectory) throws -> (
    stores: [String], postgres: PostgresScratch?
  ) {
    let sqlite = folder.path("sample.db")
    let sample = try DBCommand.run(["db", "sample", sqlite, "--learners", "300", "--seed", "1"])
    #expect(sample.status == 0, "\(sample.standardError)")
    guard PostgresTestServer.available else { return ([sqlite], nil) }
    let database = try PostgresScratch()
    let copied = try DBCommand.run(["db", "copy", sqlite, database.url])
    #expect(copied.status == 0, "\(copied.standardError)")
    return ([sqlite, database.url], database)
  }

  static func run(_ arguments: [String]) throws -> String {
    let outcome = try DBCommand.run(arguments)
    #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
    return outcome.standardOutput
  }

  /// A cohort's CSV: its learner rows, then its per-credential section, as the shards add
  /// it up: credential code to (completes alone, in a smallest path).
  static func cohortParts(_ csv: String) -> (rows: [Substring], tallies: [Substring: [Int]]) {
    let sections = csv.components(separatedBy: "\n\n")
    let rows = sections[0].split(separator: "\n").dropFirst()
    var tallies: [Substring: [Int]] = [:]
    for line in sections[1].split(separator: "\n").dropFirst() {
      // The title between may hold quoted commas; the code and the counts do not.
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      tallies[fields[0]] = fields.suffix(2).map { Int($0) ?? -1 }
    }
    return (Array(rows), tallies)
  }

  @Test func pathCohortShardsMergeIntoTheUnshardedCohort() throws {
    let folder = try DBScratchDirectory()
    let (stores, postgres) = try Self.stores(folder)
    defer { postgres?.drop() }
    for db in stores {
      let arguments = [
        "path", PostgresCommandTests.policies, "--db", db, "--all", "--to", "nus_gc_is",
        "--within", "2", "--as-of", Self.asOf, "--format", "csv",
      ]
      let whole = Self.cohortParts(try Self.run(arguments))
      #expect(whole.rows.count > 100)
      #expect(!whole.tallies.isEmpty)
      var files: [String] = []
      var tallies: [Substring: [Int]] = [:]
      for index in 0..<4 {
        let output = try Self.run(arguments + ["--shard", "\(index)/4"])
        let part = Self.cohortParts(output)
        // Each shard's learner section alone, for the documented row merge.
        files.append(
          try folder.write(
            "path-\(index).csv",
            ([PathCohortHeader.text] + part.rows.map { String($0) + "\n" }).joined()))
        tallies.merge(part.tallies) { zip($0, $1).map(+) }
      }
      let merged = try PostgresCommandTests.merge(files)
      #expect(merged.split(separator: "\n").dropFirst() == whole.rows[...])
      #expect(tallies == whole.tallies)
    }
  }

  @Test func diffShardsMergeIntoTheUnshardedDiff() throws {
    let folder = try DBScratchDirectory()
    let (stores, postgres) = try Self.stores(folder)
    defer { postgres?.drop() }
    let new = folder.url.appendingPathComponent("new-policies")
    try FileManager.default.copyItem(
      at: EvalFixtures.packageRoot.appendingPathComponent("policies"), to: new)
    let edited = new.appendingPathComponent("funding/skillsfuture-credit.credence")
    let text = try String(contentsOf: edited, encoding: .utf8)
    try Data(
      text.replacingOccurrences(of: "= 500 SGD from 2016-01-01", with: "= 600 SGD from 2016-01-01")
        .utf8
    ).write(to: edited)
    for db in stores {
      let arguments = [
        "diff", PostgresCommandTests.policies, new.path, "--db", db, "--all", "--as-of",
        Self.asOf, "--format", "csv",
      ]
      let whole = try Self.run(arguments)
      #expect(whole.split(separator: "\n").count > 50)
      var files: [String] = []
      for index in 0..<4 {
        files.append(
          try folder.write(
            "diff-\(index).csv", try Self.run(arguments + ["--shard", "\(index)/4"])))
      }
      #expect(try PostgresCommandTests.merge(files) == whole)
    }
  }

  @Test func aShardNeedsAllAndAShape() throws {
    let folder = try DBScratchDirectory()
    let store = folder.path("none.db")
    for arguments in [
      ["path", "policies", "--db", store, "--learner", "L1", "--to", "x", "--shard", "0/2"],
      ["diff", "a", "b", "--db", store, "--all", "--shard", "2/2"],
    ] {
      let outcome = try DBCommand.run(arguments)
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.standardError.contains("--shard"), "\(outcome.standardError)")
    }
  }
}

/// The header of a cohort's CSV learner section.
enum PathCohortHeader {
  static let text = "learner,status,smallest_path,paths,credentials\n"
}

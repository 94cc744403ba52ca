import Foundation
import Testing

/// The PostgreSQL server for these tests: `CREDENCE_TEST_POSTGRES_URL` (`.ci/run` starts a
/// throwaway cluster). Skipped locally without it; CredencePostgresTests fails CI without it.
enum PostgresTestServer {
  static let url = ProcessInfo.processInfo.environment["CREDENCE_TEST_POSTGRES_URL"]
    .flatMap { $0.isEmpty ? nil : $0 }
  static var available: Bool { url != nil }

  /// Runs `psql` on the server's own database.
  @discardableResult
  static func psql(_ sql: String, database: String? = nil) throws -> String {
    var target = url ?? ""
    if let database, let slash = target.range(of: "/", options: .backwards) {
      target = String(target[..<slash.upperBound]) + database
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", target, "-c", sql]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "psql: \(sql)")
    return String(decoding: data, as: UTF8.self)
  }
}

/// A new database on the test server for one test; `drop()` it when done.
final class PostgresScratch {
  let name = "credence_cli_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"

  init() throws { try PostgresTestServer.psql("CREATE DATABASE \(name)") }

  /// The database's URL.
  var url: String {
    let base = PostgresTestServer.url ?? ""
    guard let slash = base.range(of: "/", options: .backwards) else { return base }
    return String(base[..<slash.upperBound]) + name
  }

  func drop() { _ = try? PostgresTestServer.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
}

@Suite(.enabled(if: PostgresTestServer.available, "no PostgreSQL server"))
struct PostgresCommandTests {
  static let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path

  /// `eval --all --format csv` of `db` (plus `extra` options).
  static func evalCSV(_ db: String, _ extra: [String] = []) throws -> String {
    let outcome = try DBCommand.run(
      ["eval", policies, "--db", db, "--all", "--as-of", "2026-06-30", "--format", "csv"]
        + extra)
    // 65: some learners' decisions are `error` (the sample has a few broken on purpose).
    #expect(outcome.status == 0 || outcome.status == 65, "\(outcome.standardError)")
    return outcome.standardOutput
  }

  @Test func theSampleGivesByteIdenticalCSVFromSQLiteAndPostgresAndBackAgain() throws {
    let folder = try DBScratchDirectory()
    let sqlite = folder.path("sample.db")
    let sample = try DBCommand.run(["db", "sample", sqlite, "--learners", "300", "--seed", "1"])
    #expect(sample.status == 0, "\(sample.standardError)")
    let database = try PostgresScratch()
    defer { database.drop() }
    let initialised = try DBCommand.run(["db", "init", database.url])
    #expect(initialised.status == 0, "\(initialised.standardError)")
    #expect(initialised.standardOutput.contains("created"))
    let copied = try DBCommand.run(["db", "copy", sqlite, database.url])
    #expect(copied.status == 0, "\(copied.standardError)")
    #expect(copied.standardOutput.contains("learners 300"), "\(copied.standardOutput)")

    let expected = try Self.evalCSV(sqlite)
    #expect(expected.split(separator: "\n").count > 300)
    #expect(try Self.evalCSV(database.url) == expected)

    // Back into a new SQLite file: the same rows, the same output.
    let back = folder.path("back.db")
    let returned = try DBCommand.run(["db", "copy", database.url, back])
    #expect(returned.status == 0, "\(returned.standardError)")
    #expect(try Self.evalCSV(back) == expected)
    // A store that holds records is not copied into.
    let again = try DBCommand.run(["db", "copy", sqlite, database.url])
    #expect(again.status == 65)
    #expect(again.standardError.contains("already holds records"))
  }

  @Test func fourShardsMergeIntoTheUnshardedOutput() throws {
    let folder = try DBScratchDirectory()
    let sqlite = folder.path("sample.db")
    _ = try DBCommand.run(["db", "sample", sqlite, "--learners", "200", "--seed", "3"])
    let database = try PostgresScratch()
    defer { database.drop() }
    _ = try DBCommand.run(["db", "copy", sqlite, database.url])
    for db in [sqlite, database.url] {
      let whole = try Self.evalCSV(db)
      var shardFiles: [String] = []
      var learners: [Set<Substring>] = []
      for index in 0..<4 {
        let output = try Self.evalCSV(db, ["--shard", "\(index)/4"])
        #expect(output.hasPrefix("learner,decision,"))
        learners.append(
          Set(output.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }))
        shardFiles.append(try folder.write("shard-\(index).csv", output))
      }
      // Disjoint, and none empty (200 learners in 4 shards).
      #expect(learners.allSatisfy { !$0.isEmpty })
      let total: Int = learners.map(\.count).reduce(0, +)
      var union: Set<Substring> = []
      for part in learners { union.formUnion(part) }
      #expect(total == union.count)
      // The documented merge (docs/postgres.md).
      #expect(try Self.merge(shardFiles) == whole)
    }
  }

  /// The README's merge: the first shard's header, then the shards' rows merged by learner id
  /// in byte order (`LC_ALL=C sort -m -s -t, -k1,1`).
  static func merge(_ files: [String]) throws -> String {
    let script =
      "head -n 1 \"$1\"; for f in \"$@\"; do tail -n +2 \"$f\" > \"$f.rows\"; done; "
      + "LC_ALL=C sort -m -s -t, -k1,1 $(for f in \"$@\"; do printf '%s.rows ' \"$f\"; done)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, "merge"] + files
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func importsRefusedOnPostgresLeaveNothingAndMessagesHideThePassword() throws {
    let database = try PostgresScratch()
    defer { database.drop() }
    _ = try DBCommand.run(["db", "init", database.url])
    let folder = try DBScratchDirectory()
    let learners = try folder.write("learners.csv", "id,name\nL1,Ann\nL1,Ann Again\n")
    let refused = try DBCommand.run(["db", "import", database.url, learners])
    #expect(refused.status == 65)
    #expect(refused.standardError.contains("learners.csv:3"), "\(refused.standardError)")
    #expect(
      try PostgresTestServer.psql("SELECT count(*) FROM learners", database: database.name) == "0\n"
    )
    // A password in the URL is warned about and never printed.
    let withPassword = database.url.replacingOccurrences(
      of: "://postgres@", with: "://postgres:s3cret-pw@")
    let stats = try DBCommand.run([
      "eval", Self.policies, "--db", withPassword, "--learner", "NOBODY",
    ])
    #expect(stats.standardError.contains("visible to every user in the process list"))
    #expect(!stats.standardError.contains("s3cret-pw"))
    #expect(!stats.standardOutput.contains("s3cret-pw"))
    #expect(stats.standardError.contains("no learner `NOBODY`"))
  }
}

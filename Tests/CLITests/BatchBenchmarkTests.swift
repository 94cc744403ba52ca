import Foundation
import Testing

/// The batch benchmark's correctness on a small sample (Benchmarks/batch.sh times the same
/// commands on a million learners): Credence and the hand-written SQL decide alike, and the
/// fast path gives the same results as the explained one.
@Suite struct BatchBenchmarkTests {
  static let benchmark = EvalFixtures.packageRoot.appendingPathComponent("Benchmarks/batch")
  static let policy = benchmark.appendingPathComponent("batch.credence").path
  static let query = benchmark.appendingPathComponent("batch.sql")
  /// The date batch.sql is written for (Benchmarks/batch.sh passes the same).
  static let asOf = "2026-01-15"

  /// The sqlite3 CLI, when installed (.ci/run installs it).
  static let sqlite3: URL? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
    .map { URL(fileURLWithPath: $0) }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

  /// A sample store of `learners` learners in a scratch directory.
  static func sample(_ learners: Int) throws -> (DBScratchDirectory, String) {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    let made = try DBCommand.run([
      "db", "sample", store, "--learners", "\(learners)", "--seed", "1",
    ])
    #expect(made.status == 0, "\(made.standardError)")
    return (dir, store)
  }

  /// Credence's CSV reduced as batch.sh reduces it: the first eight columns, the stack's
  /// credits left out, sorted.
  static func normalised(_ csv: String) -> [String] {
    csv.split(separator: "\n").dropFirst().map { line in
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).prefix(8)
        .map(String.init)
      if fields.count == 8, fields[1] == "bench_stack" { fields[7] = "" }
      return fields.joined(separator: ",")
    }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  @Test(.enabled(if: sqlite3 != nil, "needs the sqlite3 CLI"))
  func credenceAndTheHandWrittenSQLDecideAlike() throws {
    let (dir, store) = try Self.sample(1500)
    _ = dir
    let eval = try DBCommand.run(
      ["eval", Self.policy, "--db", store, "--all", "--format", "csv", "--as-of", Self.asOf])
    #expect(eval.status == 0, "\(eval.standardError)")
    // Standard error is a pipe here, not a terminal: no progress line.
    #expect(eval.standardError.isEmpty)

    let process = Process()
    process.executableURL = Self.sqlite3
    process.arguments = ["-readonly", "-batch", store]
    process.standardInput = try FileHandle(forReadingFrom: Self.query)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let sql = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

    let credence = Self.normalised(eval.standardOutput)
    #expect(credence.count == sql.count)
    let differences = zip(credence, sql).filter { $0 != $1 }
    #expect(differences.isEmpty, "first differences (Credence, SQL): \(differences.prefix(5))")

    // Every kind of outcome occurs, so agreeing means something.
    var outcomes: Set<String> = []
    for line in credence {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      outcomes.insert("\(fields[1]) \(fields[3])")
    }
    for decision in ["bench_stack", "bench_transfer"] {
      for status in ["achieved", "not achieved", "undetermined"] {
        #expect(outcomes.contains("\(decision) \(status)"), "no \(decision) \(status)")
      }
    }
    for status in ["eligible", "ineligible", "undetermined"] {
      #expect(outcomes.contains("bench_subsidy \(status)"), "no bench_subsidy \(status)")
    }
    #expect(outcomes.contains("bench_credit_left eligible"))
    #expect(outcomes.contains("bench_credit_left ineligible"))
  }

  @Test func theFastPathGivesTheExplainedPathsResults() throws {
    let (dir, store) = try Self.sample(600)
    _ = dir
    let arguments = [
      "eval", Self.policy, "--db", store, "--all", "--format", "ndjson", "--as-of", Self.asOf,
    ]
    let fast = try DBCommand.run(arguments)
    let explained = try DBCommand.run(arguments + ["--explain"])
    #expect(fast.status == 0 && explained.status == 0)
    let fastLines = fast.standardOutput.split(separator: "\n")
    let explainedLines = explained.standardOutput.split(separator: "\n")
    #expect(fastLines.count == explainedLines.count)
    #expect(fastLines.count > 600 * 3)
    for (without, with) in zip(fastLines, explainedLines) {
      // The explanation is the last field of each object.
      guard let cut = with.range(of: ",\"explanation\":") else {
        Issue.record("no explanation in \(with.prefix(80))")
        continue
      }
      #expect(String(with[..<cut.lowerBound]) + "}" == String(without))
    }
  }
}

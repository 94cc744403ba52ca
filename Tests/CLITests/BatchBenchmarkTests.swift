import Foundation
import Testing

/// One workload of Benchmarks/batch.sh: a policy, the SQL that computes the same decisions
/// and the covering indexes that SQL reads.
struct BatchWorkload: Sendable, CustomTestStringConvertible {
  /// The folder and file stem under Benchmarks (`batch`, `batch2`).
  let name: String
  /// The date the SQL is written for (batch.sh passes the same to `--as-of`).
  let asOf: String
  /// Every `decision status` that must occur on the sample, so that agreeing means something.
  let outcomes: [String]

  var testDescription: String { name }

  var directory: URL { EvalFixtures.packageRoot.appendingPathComponent("Benchmarks/\(name)") }
  var policy: String { directory.appendingPathComponent("\(name).credence").path }
  var query: URL { directory.appendingPathComponent("\(name).sql") }
  var indexes: URL { directory.appendingPathComponent("\(name)-indexes.sql") }
  /// The first, plain SQL, when the workload keeps one to compare against.
  var naiveQuery: URL? {
    let url = directory.appendingPathComponent("\(name)-naive.sql")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static let all = [
    BatchWorkload(
      name: "batch", asOf: "2026-01-15",
      outcomes: outcomes("bench_stack", "achieved", "not achieved", "undetermined")
        + outcomes("bench_transfer", "achieved", "not achieved", "undetermined")
        + outcomes("bench_subsidy", "eligible", "ineligible", "undetermined")
        + outcomes("bench_credit_left", "eligible", "ineligible")),
    BatchWorkload(
      name: "batch2", asOf: "2025-06-30",
      outcomes: outcomes("bench2_credit", "eligible", "ineligible")
        + outcomes("bench2_mid_career", "eligible", "ineligible", "undetermined")
        + outcomes("bench2_stack", "achieved", "not achieved", "undetermined")
        + outcomes("bench2_transfer", "achieved", "not achieved", "undetermined")
        + outcomes("bench2_subsidy", "eligible", "ineligible", "undetermined")),
  ]

  private static func outcomes(_ decision: String, _ statuses: String...) -> [String] {
    statuses.map { "\(decision) \($0)" }
  }
}

/// The batch benchmark's correctness on small samples, for each workload (Benchmarks/batch.sh
/// times the same commands on a million learners): Credence and the hand-written SQL decide
/// alike, and the fast path gives the same results as the explained one.
@Suite struct BatchBenchmarkTests {
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

  /// Runs the sqlite3 CLI on `store` with `script` as its input; its standard output.
  static func runSQLite(_ store: String, _ script: URL, readOnly: Bool) throws -> String {
    let process = Process()
    process.executableURL = sqlite3
    process.arguments = (readOnly ? ["-readonly"] : []) + ["-batch", store]
    process.standardInput = try FileHandle(forReadingFrom: script)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "sqlite3 failed on \(script.lastPathComponent)")
    return String(decoding: data, as: UTF8.self)
  }

  static func sortedLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init)
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Credence's CSV reduced as batch.sh reduces it: the first eight columns, a stack's
  /// credits left out, sorted.
  static func normalised(_ csv: String) -> [String] {
    sortedLines(
      csv.split(separator: "\n").dropFirst().map { line in
        var fields = line.split(separator: ",", omittingEmptySubsequences: false).prefix(8)
          .map(String.init)
        if fields.count == 8, fields[1].hasSuffix("_stack") { fields[7] = "" }
        return fields.joined(separator: ",")
      }.joined(separator: "\n"))
  }

  static func expectSame(_ credence: [String], _ sql: [String], _ what: String) {
    #expect(credence.count == sql.count, "\(what): \(credence.count) against \(sql.count) rows")
    let differences = zip(credence, sql).filter { $0 != $1 }
    #expect(
      differences.isEmpty, "\(what): first differences (Credence, SQL): \(differences.prefix(5))")
  }

  @Test(.enabled(if: sqlite3 != nil, "needs the sqlite3 CLI"), arguments: BatchWorkload.all)
  func credenceAndTheHandWrittenSQLDecideAlike(_ workload: BatchWorkload) throws {
    let (dir, store) = try Self.sample(1500)
    _ = dir
    // The SQL's covering indexes, added as batch.sh adds them: both sides read this file.
    _ = try Self.runSQLite(store, workload.indexes, readOnly: false)
    let eval = try DBCommand.run([
      "eval", workload.policy, "--db", store, "--all", "--format", "csv", "--as-of",
      workload.asOf,
    ])
    #expect(eval.status == 0, "\(eval.standardError)")
    // Standard error is a pipe here, not a terminal: no progress line.
    #expect(eval.standardError.isEmpty)
    let credence = Self.normalised(eval.standardOutput)

    let sql = Self.sortedLines(try Self.runSQLite(store, workload.query, readOnly: true))
    Self.expectSame(credence, sql, workload.query.lastPathComponent)
    if let naive = workload.naiveQuery {
      let plain = Self.sortedLines(try Self.runSQLite(store, naive, readOnly: true))
      Self.expectSame(credence, plain, naive.lastPathComponent)
    }

    var outcomes: Set<String> = []
    for line in credence {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      outcomes.insert("\(fields[1]) \(fields[3])")
    }
    for outcome in workload.outcomes {
      #expect(outcomes.contains(outcome), "no \(outcome) on the sample")
    }
  }

  @Test(arguments: BatchWorkload.all)
  func theFastPathGivesTheExplainedPathsResults(_ workload: BatchWorkload) throws {
    let (dir, store) = try Self.sample(600)
    _ = dir
    let arguments = [
      "eval", workload.policy, "--db", store, "--all", "--format", "ndjson", "--as-of",
      workload.asOf,
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

import Foundation
import Testing

/// The fixtures of the `eval` command tests: example policies, records as CSV, golden output.
enum EvalFixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  /// The folder the tests run `credence eval` in (paths in the output are relative to it).
  static let folder = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/eval")
  static let golden = packageRoot.appendingPathComponent("Tests/CLITests/Golden/eval")

  /// A store holding the fixture records, in a fresh scratch directory.
  static func store() throws -> (DBScratchDirectory, String) {
    let dir = try DBScratchDirectory()
    let path = dir.path("records.db")
    let records = folder.appendingPathComponent("records")
    let files = try FileManager.default.contentsOfDirectory(atPath: records.path)
      .filter { $0.hasSuffix(".csv") }.sorted().map { records.appendingPathComponent($0).path }
    let created = try DBCommand.run(["db", "init", path])
    #expect(created.status == 0, "\(created.standardError)")
    let imported = try DBCommand.run(["db", "import", path] + files)
    #expect(imported.status == 0, "\(imported.standardError)")
    return (dir, path)
  }

  /// Runs `credence eval policies --db STORE ARGUMENTS…` in the fixtures folder.
  static func eval(_ store: String, _ arguments: [String]) throws -> DBCommand.Outcome {
    try DBCommand.run(["eval", "policies", "--db", store] + arguments, in: folder)
  }

  /// Compares `actual` with the golden file `name`, or records it when
  /// `CREDENCE_RECORD_GOLDEN=1`.
  static func expectGolden(_ actual: String, _ name: String) throws {
    let file = golden.appendingPathComponent(name)
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

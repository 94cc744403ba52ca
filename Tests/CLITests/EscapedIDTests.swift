import Foundation
import Testing

/// Ids and codes with control characters (a store another tool wrote, or a command line)
/// are printed escaped in every error line and table: a raw ESC or BEL would act on the
/// terminal, a raw line break would forge a line of output.
@Suite struct EscapedIDTests {
  /// A sample store with one more learner, `L` ESC `[2J`, whose award `A` BEL names the
  /// credential `NO` LF `PE`, which the catalogue lacks.
  static func store() throws -> (DBScratchDirectory, String) {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "3", "--seed", "1"]).status == 0)
    let id = "'L' || char(27) || '[2J'"
    #expect(
      try DBCommand.sqlite(
        store,
        "INSERT INTO learners (id) VALUES (\(id)); "
          + "INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES "
          + "('A' || char(7), \(id), 'NO' || char(10) || 'PE', '2025-01-01');") == 0)
    return (dir, store)
  }

  static var policies: String { EvalFixtures.packageRoot.appendingPathComponent("policies").path }

  /// No control character but the line end and tab reaches the terminal.
  static func expectNoControls(_ text: String, _ what: String) {
    let raw = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }
    #expect(raw.isEmpty, "\(what) prints raw controls: \(raw.map(\.value))")
  }

  static let awardError =
    "`awards` row `A\\u{7}`, column `credential_code`: names `NO\\u{A}PE`, which "
    + "`credentials` does not have"

  @Test func dbStatsCheckEscapesTheLearnerTheRowAndTheCode() throws {
    let (dir, store) = try Self.store()
    _ = dir
    let outcome = try DBCommand.run(["db", "stats", store, "--check"])
    #expect(outcome.status == 65)
    #expect(
      outcome.standardOutput.contains("learner `L\\u{1B}[2J`: \(Self.awardError)"),
      "\(outcome.standardOutput)")
    #expect(
      outcome.standardOutput.contains("`awards` row `A\\u{7}`: `credential_code` `NO\\u{A}PE`"))
    Self.expectNoControls(outcome.standardOutput + outcome.standardError, "db stats --check")
  }

  @Test(arguments: [
    ["--all"], ["--learner", "L\u{1B}[2J"], ["--all", "--explain"], ["--all", "--format", "csv"],
  ])
  func evalEscapesTheLearnerAndItsErrors(_ extra: [String]) throws {
    let (dir, store) = try Self.store()
    _ = dir
    let outcome = try DBCommand.run(
      ["eval", Self.policies, "--db", store, "--as-of", "2026-06-30"] + extra)
    #expect(outcome.status == 65)
    #expect(outcome.standardOutput.contains("L\\u{1B}[2J"), "\(outcome.standardOutput)")
    Self.expectNoControls(outcome.standardOutput + outcome.standardError, "eval \(extra)")
  }

  @Test func aLearnerNotFoundIsNamedEscaped() throws {
    let (dir, store) = try Self.store()
    _ = dir
    for command in [
      ["eval", Self.policies, "--db", store, "--learner", "X\u{7}Y"],
      ["path", Self.policies, "--db", store, "--learner", "X\u{7}Y", "--to", "nus_gc_is"],
    ] {
      let outcome = try DBCommand.run(command)
      #expect(outcome.status == 65)
      #expect(
        outcome.standardError.contains("error: no learner `X\\u{7}Y`"), "\(outcome.standardError)")
      Self.expectNoControls(outcome.standardError, command[0])
    }
  }
}

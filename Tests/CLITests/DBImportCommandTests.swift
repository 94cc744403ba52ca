import Foundation
import Testing

/// `credence db import`, run as a user would, including being killed mid-import.
@Suite struct DBImportCommandTests {
  static func makeStore(_ dir: DBScratchDirectory) throws {
    #expect(try DBCommand.run(["db", "init", "records.db"], in: dir.url).status == 0)
  }

  @Test func importsCSVAndReportsRowsPerTable() throws {
    let dir = try DBScratchDirectory()
    try Self.makeStore(dir)
    try dir.write("learners.csv", "id,name\nL1,Ann\nL2,Bo\n")
    try dir.write("credentials.csv", "code,title,type\nC1,Intro,course\n")
    try dir.write("awards.csv", "id,learner_id,credential_code,awarded_on\nA1,L1,C1,2024-06-30\n")
    let outcome = try DBCommand.run(
      ["db", "import", "records.db", "awards.csv", "learners.csv", "credentials.csv"], in: dir.url)
    #expect(outcome.standardError == "")
    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput
        == "imported 3 files into `records.db`: learners +2, credentials +1, awards +1\n")
  }

  @Test func aBadRowExitsDataErrorNamesTheLineAndChangesNothing() throws {
    let dir = try DBScratchDirectory()
    try Self.makeStore(dir)
    try dir.write("learners.csv", "id,birth_date\nL1,1990-01-01\nL2,1990-02-30\n")
    let before = dir.bytes("records.db")
    let outcome = try DBCommand.run(["db", "import", "records.db", "learners.csv"], in: dir.url)
    #expect(outcome.status == 65)
    #expect(
      outcome.standardError
        == "error: learners.csv:3:4: column `birth_date` is not a date (expected YYYY-MM-DD)\n")
    #expect(dir.bytes("records.db") == before)
  }

  /// A nightly sync imports the same export again: nothing changes, byte for byte, and the
  /// summary says so; a changed row is refused unless `--on-conflict replace` is given.
  @Test func aNightlyReimportLeavesTheStoreUnchangedAndSaysSo() throws {
    let dir = try DBScratchDirectory()
    try Self.makeStore(dir)
    try dir.write("learners.csv", "id,name\nL1,Ann\nL2,Bo\n")
    try dir.write("credentials.csv", "code,title,type\nC1,Intro,course\n")
    try dir.write("awards.csv", "id,learner_id,credential_code,awarded_on\nA1,L1,C1,2024-06-30\n")
    let files = ["learners.csv", "credentials.csv", "awards.csv"]
    #expect(try DBCommand.run(["db", "import", "records.db"] + files, in: dir.url).status == 0)
    let before = dir.bytes("records.db")
    let again = try DBCommand.run(["db", "import", "records.db"] + files, in: dir.url)
    #expect(again.status == 0)
    #expect(
      again.standardOutput
        == "imported 3 files into `records.db`: no rows added; already stored, identical, "
        + "skipped: learners 2, credentials 1, awards 1 (the store is unchanged)\n")
    #expect(dir.bytes("records.db") == before)

    try dir.write("awards.csv", "id,learner_id,credential_code,awarded_on\nA1,L1,C1,2024-07-01\n")
    let changed = try DBCommand.run(["db", "import", "records.db", "awards.csv"], in: dir.url)
    #expect(changed.status == 65)
    #expect(
      changed.standardError.hasPrefix(
        "error: awards.csv:2: `awards` already has a row `A1` that differs from this one in "
          + "`awarded_on`"))
    #expect(dir.bytes("records.db") == before)
    let replaced = try DBCommand.run(
      ["db", "import", "records.db", "awards.csv", "--on-conflict", "replace"], in: dir.url)
    #expect(
      replaced.standardOutput
        == "imported 1 file into `records.db`: no rows added; replaced: awards 1\n")
  }

  /// The same nightly sync from a badge platform: an Open Badges 3.0 credential imported
  /// again leaves the store byte for byte as it was, and the summary says so.
  @Test func aNightlyBadgeReimportLeavesTheStoreUnchangedAndSaysSo() throws {
    let dir = try DBScratchDirectory()
    try Self.makeStore(dir)
    try dir.write(
      "badge.json",
      """
      { "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:b1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://uni.example/issuers/1", "type": ["Profile"], "name": "Example"},
        "validFrom": "2024-06-30T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"], "id": "did:example:learner42",
          "result": [{"type": ["Result"], "resultDescription": "urn:uuid:rd1", "value": "B+"}],
          "achievement": {"id": "https://uni.example/ach/IS5004", "type": ["Achievement"],
            "name": "Platform Design", "description": "…", "criteria": {"narrative": "Pass"},
            "humanCode": "IS5004",
            "resultDescription": [{"id": "urn:uuid:rd1", "type": ["ResultDescription"],
              "name": "Grade", "resultType": "LetterGrade", "allowedValue": ["C", "B", "B+", "A"]}]}}}
      """)
    let first = try DBCommand.run(["db", "import", "records.db", "badge.json"], in: dir.url)
    #expect(first.status == 0, "\(first.standardError)")
    let before = dir.bytes("records.db")
    let again = try DBCommand.run(["db", "import", "records.db", "badge.json"], in: dir.url)
    #expect(again.status == 0, "\(again.standardError)")
    #expect(again.standardOutput.hasPrefix("imported 1 file into `records.db`: no rows added; "))
    #expect(
      again.standardOutput.hasSuffix(" (the store is unchanged)\n"), "\(again.standardOutput)")
    #expect(dir.bytes("records.db") == before)
  }

  @Test func aMissingInputFileExitsNoInput() throws {
    let dir = try DBScratchDirectory()
    try Self.makeStore(dir)
    let outcome = try DBCommand.run(["db", "import", "records.db", "nope.csv"], in: dir.url)
    #expect(outcome.status == 66)
    #expect(outcome.standardError == "error: cannot read `nope.csv`: there is no such file\n")
  }

  /// Kills an import with SIGKILL while it is writing, then finds the store intact: the
  /// rows from before, none of the killed import's, and ready for the next import.
  @Test func killingAnImportMidwayLeavesTheStoreIntact() throws {
    let dir = try DBScratchDirectory()
    try Self.makeStore(dir)
    try dir.write("seed.csv", "id\nS1\n")
    #expect(try DBCommand.run(["db", "import", "records.db", "seed.csv"], in: dir.url).status == 0)
    var rows = "id,name,birth_date\n"
    for index in 0..<400_000 { rows += "L\(index),Learner \(index),1990-01-01\n" }
    try dir.write("learners.csv", rows)

    let process = try DBCommand.start(["db", "import", "records.db", "learners.csv"], in: dir.url)
    // Wait until the import has written into the write-ahead log, then kill it.
    let deadline = Date().addingTimeInterval(60)
    var walSize = 0
    while Date() < deadline && process.isRunning {
      let attributes = try? FileManager.default.attributesOfItem(atPath: dir.path("records.db-wal"))
      walSize = (attributes?[.size] as? Int) ?? 0
      if walSize > 256 * 1024 { break }
      usleep(2_000)
    }
    #expect(process.isRunning, "the import finished before it could be killed")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(walSize > 0)

    let stats = try DBCommand.run(["db", "stats", "records.db"], in: dir.url)
    #expect(stats.status == 0)
    #expect(stats.standardOutput.hasPrefix("learners         1\n"))
    let check = try DBCommand.run(
      ["db", "import", "records.db", "seed.csv", "--on-conflict", "fail"], in: dir.url)
    #expect(check.standardError.contains("duplicate key: `learners` already has a row `S1`"))
    try dir.write("more.csv", "id\nS2\n")
    let more = try DBCommand.run(["db", "import", "records.db", "more.csv"], in: dir.url)
    #expect(more.status == 0)
  }
}

import Foundation
import Testing

/// `credence db sample` and `credence db stats --check`, run as a user would.
@Suite struct DBSampleCommandTests {
  @Test func sampleWritesADeterministicPopulationThatChecksClean() throws {
    let dir = try DBScratchDirectory()
    let first = try DBCommand.run(
      ["db", "sample", "a.db", "--learners", "200", "--seed", "5"], in: dir.url)
    #expect(first.standardError == "")
    #expect(first.status == 0)
    #expect(
      first.standardOutput.hasPrefix(
        "wrote a sample of 200 learners (seed 5) to `a.db`: learners 200, credentials "))
    let second = try DBCommand.run(
      ["db", "sample", "b.db", "--learners", "200", "--seed", "5"], in: dir.url)
    #expect(
      second.standardOutput.replacingOccurrences(of: "b.db", with: "a.db") == first.standardOutput)

    let check = try DBCommand.run(["db", "stats", "a.db", "--check"], in: dir.url)
    #expect(check.status == 0)
    #expect(check.standardOutput.hasPrefix("learners         200\n"))
    #expect(
      check.standardOutput.hasSuffix("read 200 learners: 200 valid, 0 with contract errors\n"))

    let again = try DBCommand.run(["db", "sample", "a.db", "--learners", "10"], in: dir.url)
    #expect(again.status == 65)
    #expect(again.standardError.hasPrefix("error: `a.db` already has learners"))
    #expect(again.standardError.contains("add `--replace`"))
  }

  @Test func replaceWritesANewSampleInPlaceOfAStore() throws {
    let dir = try DBScratchDirectory()
    #expect(
      try DBCommand.run(["db", "sample", "a.db", "--learners", "30"], in: dir.url).status == 0)
    let replaced = try DBCommand.run(
      ["db", "sample", "a.db", "--learners", "12", "--replace"], in: dir.url)
    #expect(replaced.status == 0, "\(replaced.standardError)")
    let stats = try DBCommand.run(["db", "stats", "a.db", "--check"], in: dir.url)
    #expect(stats.standardOutput.hasPrefix("learners         12\n"))
    // No temporary file is left beside it.
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
    #expect(!left.contains { $0.hasSuffix(".partial") })
    // A store that was read (its -wal and -shm are there) is replaced too, and the new file
    // is read alone, not with the old log.
    let again = try DBCommand.run(
      ["db", "sample", "a.db", "--learners", "7", "--replace"], in: dir.url)
    #expect(again.status == 0, "\(again.standardError)")
    let restats = try DBCommand.run(["db", "stats", "a.db", "--check"], in: dir.url)
    #expect(restats.standardOutput.hasPrefix("learners         7\n"))
    #expect(restats.status == 0)
    // --replace on a missing file simply creates it.
    #expect(
      try DBCommand.run(["db", "sample", "new.db", "--learners", "3", "--replace"], in: dir.url)
        .status == 0)
  }

  @Test func replaceRefusesWhatIsNotAStoreOrIsInUse() throws {
    let dir = try DBScratchDirectory()
    try dir.write("notes.db", "my notes, not a database\n")
    let refused = try DBCommand.run(
      ["db", "sample", "notes.db", "--learners", "3", "--replace"], in: dir.url)
    #expect(refused.status == 65)
    #expect(refused.standardError.hasPrefix("error: `notes.db` is not a SQLite database"))
    #expect(dir.bytes("notes.db") == Data("my notes, not a database\n".utf8))

    #expect(
      try DBCommand.run(["db", "sample", "s.db", "--learners", "5"], in: dir.url).status == 0)
    let before = dir.bytes("s.db")
    // Another program holds a lock on the store while the sample is asked for.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = ["sqlite3", dir.path("s.db")]
    let input = Pipe()
    holder.standardInput = input
    holder.standardOutput = Pipe()
    try holder.run()
    input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nSELECT 1;\n".utf8))
    defer {
      try? input.fileHandleForWriting.close()
      holder.waitUntilExit()
    }
    Thread.sleep(forTimeInterval: 0.5)
    let busy = try DBCommand.run(
      ["db", "sample", "s.db", "--learners", "3", "--replace"], in: dir.url)
    #expect(busy.status == 65)
    #expect(busy.standardError.contains("is in use"))
    #expect(dir.bytes("s.db") == before)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
    #expect(!left.contains { $0.hasSuffix(".partial") })
  }

  @Test func checkReportsBrokenRowsWithIDsOnlyAndExitsDataError() throws {
    let dir = try DBScratchDirectory()
    #expect(try DBCommand.run(["db", "init", "r.db"], in: dir.url).status == 0)
    // A registrar's tool wrote a bad date straight into the file.
    try #require(
      try DBCommand.sqlite(
        dir.path("r.db"),
        "INSERT INTO learners (id, name, birth_date) VALUES ('L1', 'Private Name', '1990-02-31'), ('L2', NULL, NULL)"
      ) == 0, "needs the sqlite3 command-line tool")
    let check = try DBCommand.run(["db", "stats", "r.db", "--check"], in: dir.url)
    #expect(check.status == 65)
    #expect(
      check.standardOutput.hasSuffix(
        """
        read 2 learners: 1 valid, 1 with contract errors
          learner `L1`: `learners` row `L1`, column `birth_date`: not a date (expected YYYY-MM-DD)

        """))
    #expect(!check.standardOutput.contains("Private Name"))
    #expect(!check.standardOutput.contains("1990-02-31"))
  }
}

/// `db stats --check` shows at most its limit of errors, and counts them all.
@Suite struct DBCheckLimitTests {
  @Test func checkShowsTheFirstTwentyErrorsAndCountsAll() throws {
    let dir = try DBScratchDirectory()
    #expect(try DBCommand.run(["db", "init", "r.db"], in: dir.url).status == 0)
    let values = (0..<25).map { "('L\($0)', 'not a date')" }.joined(separator: ", ")
    try #require(
      try DBCommand.sqlite(
        dir.path("r.db"), "INSERT INTO learners (id, birth_date) VALUES \(values)") == 0,
      "needs the sqlite3 command-line tool")
    let check = try DBCommand.run(["db", "stats", "r.db", "--check"], in: dir.url)
    #expect(check.status == 65)
    #expect(check.standardOutput.contains("read 25 learners: 0 valid, 25 with contract errors\n"))
    let shown = check.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  learner ") }
    #expect(shown.count == 20)
  }
}

/// A sample run killed midway leaves nothing under the target name.
@Suite struct DBSampleKillTests {
  @Test func killingASampleMidwayLeavesNoStoreUnderTheTargetName() throws {
    let dir = try DBScratchDirectory()
    let process = try DBCommand.start(
      ["db", "sample", "big.db", "--learners", "5000000", "--seed", "1"], in: dir.url)
    // Wait until the temporary file exists and rows are being written, then kill the run.
    let deadline = Date().addingTimeInterval(60)
    var partial: String?
    while Date() < deadline && process.isRunning && partial == nil {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.url.path)) ?? []
      partial = names.first { $0.hasSuffix(".partial") }
      usleep(5_000)
    }
    usleep(500_000)
    #expect(process.isRunning, "the sample finished before it could be killed")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(partial?.hasPrefix(".big.db.sample-") == true)
    #expect(!FileManager.default.fileExists(atPath: dir.path("big.db")))
    // The name is free for the next run.
    let again = try DBCommand.run(["db", "sample", "big.db", "--learners", "20"], in: dir.url)
    #expect(again.status == 0)
    let stats = try DBCommand.run(["db", "stats", "big.db"], in: dir.url)
    #expect(stats.standardOutput.hasPrefix("learners         20\n"))
  }
}

/// `db stats --check` finds rows that name a learner or credential the store lacks: evaluation
/// never reads them, so without the check they would be lost silently.
@Suite struct DBCheckReferenceTests {
  @Test func rowsOfMissingLearnersAndCredentialsAreReported() throws {
    let dir = try DBScratchDirectory()
    #expect(try DBCommand.run(["db", "init", "r.db"], in: dir.url).status == 0)
    // Another tool wrote with SQLite's foreign-key check off (its default).
    try #require(
      try DBCommand.sqlite(
        dir.path("r.db"),
        """
        INSERT INTO learners (id) VALUES ('L1');
        INSERT INTO credentials (code, title, type) VALUES ('C1', 'Course', 'course');
        INSERT INTO awards (id, learner_id, credential_code, awarded_on)
          VALUES ('A1', 'L1', 'C1', '2025-01-02'), ('A2', 'L9', 'C1', '2025-01-02');
        INSERT INTO credential_tags (credential_code, tag) VALUES ('C7', 'ssg-funded');
        """) == 0, "needs the sqlite3 command-line tool")
    let check = try DBCommand.run(["db", "stats", "r.db", "--check"], in: dir.url)
    #expect(check.status == 65)
    #expect(
      check.standardOutput.hasSuffix(
        """
        read 1 learners: 1 valid, 0 with contract errors
        2 rows refer to a learner or credential that is not in the store
          `credential_tags` row `C7, ssg-funded`: `credential_code` `C7` is not in `credentials`: add the missing row or delete this one
          `awards` row `A2`: `learner_id` `L9` is not in `learners`: add the missing row or delete this one

        """), "\(check.standardOutput)")
  }

  @Test func aSampleHasNoBrokenReferences() throws {
    let dir = try DBScratchDirectory()
    #expect(
      try DBCommand.run(["db", "sample", "s.db", "--learners", "30"], in: dir.url).status == 0)
    let check = try DBCommand.run(["db", "stats", "s.db", "--check"], in: dir.url)
    #expect(check.status == 0)
    #expect(!check.standardOutput.contains("refer"))
  }
}

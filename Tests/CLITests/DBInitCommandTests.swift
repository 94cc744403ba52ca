import Foundation
import Testing

/// `credence db init` and `credence db stats`, run as a user would.
@Suite struct DBInitCommandTests {
  @Test func initCreatesAStoreAndStatsCountsItsRows() throws {
    let dir = try DBScratchDirectory()
    let created = try DBCommand.run(["db", "init", "records.db"], in: dir.url)
    #expect(created.status == 0)
    #expect(created.standardOutput == "created `records.db` (schema v1)\n")

    let again = try DBCommand.run(["db", "init", "records.db"], in: dir.url)
    #expect(again.status == 0)
    #expect(again.standardOutput == "`records.db` is already at schema v1\n")

    let stats = try DBCommand.run(["db", "stats", "records.db"], in: dir.url)
    #expect(stats.status == 0)
    #expect(
      stats.standardOutput == """
        learners         0
        credentials      0
        credential_tags  0
        awards           0
        enrolments       0
        funding_ledger   0
        learner_facts    0

        """)
  }

  @Test func statsOnAMissingStoreExitsNoInput() throws {
    let dir = try DBScratchDirectory()
    let outcome = try DBCommand.run(["db", "stats", "missing.db"], in: dir.url)
    #expect(outcome.status == 66)
    #expect(outcome.standardError.hasPrefix("error: no store at `missing.db`\n"))
  }

  @Test func initRefusesATextFileAndLeavesItAlone() throws {
    let dir = try DBScratchDirectory()
    try dir.write("learners.csv", "id\nL1\n")
    let outcome = try DBCommand.run(["db", "init", "learners.csv"], in: dir.url)
    #expect(outcome.status == 65)
    #expect(
      outcome.standardError
        == "error: `learners.csv` is not a Credence store: it is not an SQLite database\n")
    #expect(dir.bytes("learners.csv") == Data("id\nL1\n".utf8))
  }
}

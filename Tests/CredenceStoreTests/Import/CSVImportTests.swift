import CredenceRecords
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// CSV imports: good files land, any bad row leaves the store byte-identical.
@Suite struct CSVImportTests {
  @Test func goodFilesLandInDependencyOrderWithRFC4180Quoting() throws {
    let fixture = try ImportFixture()
    let summary = try fixture.importFiles([
      csv(
        "learner_facts.csv",
        "learner_id,name,value\nL3,monthly_income,2400.00\nL3,employment_status,\nL3,note,\"\"\n"),
      csv(
        "awards.csv",
        "\u{FEFF}id,learner_id,credential_code,awarded_on,grade,score\r\nA1,L3,IS5003,2024-06-30,\"B+\",87.5\r\n"
      ),
      csv("learners.csv", "id,name\nL3,\"Tan, Ah \"\"Kow\"\"\nLine two\"\n"),
    ])
    #expect(summary.inserted.map(\.table) == ["learners", "awards", "learner_facts"])
    let store = try RecordStore.openForReading(at: fixture.path)
    let learner = try #require(try store.recordSource.learner(id: "L3")?.learner)
    #expect(learner.name == "Tan, Ah \"Kow\"\nLine two")
    #expect(learner.awards.first?.grade == "B+")
    #expect(learner.awards.first?.score?.description == "87.5")
    #expect(learner.awards.first?.credential.fee?.amount.description == "1250.00")
    #expect(learner.fact("monthly_income") == "2400.00")
    #expect(learner.fact("employment_status") == nil, "an unquoted empty field is NULL")
    #expect(learner.facts.first { $0.name == "note" }?.value == "", "a quoted empty field is text")
    let stored = try store.reader.read { db in
      try Row.fetchOne(db, sql: "SELECT typeof(score) AS s FROM awards WHERE id = 'A1'")
    }
    #expect(stored?["s"] as String? == "text")
  }

  @Test func aBadDateIsRejectedWithFileLineAndColumn() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      csv(
        "awards.csv",
        "id,learner_id,credential_code,awarded_on\nA1,L1,IS5003,2024-06-30\nA2,L1,IS5003,2023-02-29\n"
      )
    ])
    #expect(error.location == "awards.csv:3:14")
    #expect(error.message == "column `awarded_on` is not a date (expected YYYY-MM-DD)")
    #expect(!error.description.contains("2023-02-29"), "the value is never echoed")
  }

  @Test func aMissingRequiredColumnIsRejected() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      csv("awards.csv", "id,learner_id,credential_code\nA1,L1,IS5003\n")
    ])
    #expect(error.location == "awards.csv:1")
    #expect(error.message == "missing required column `awarded_on` for table `awards`")
  }

  @Test func aDanglingCredentialCodeIsRejected() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      csv(
        "enrolments.csv",
        "id,learner_id,credential_code,start_on,status\nE1,L1,CYB999,2025-01-06,enrolled\n")
    ])
    #expect(error.location == "enrolments.csv:2")
    #expect(error.message == "`credential_code` names `CYB999`, which `credentials` does not have")
  }

  @Test func aDuplicateIDIsRejectedEvenAfterGoodRowsOfTheSameImport() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected(
      [csv("learners.csv", "id\nL7\nL8\nL1\n")], onConflict: .fail)
    #expect(error.location == "learners.csv:4")
    #expect(error.message == "duplicate key: `learners` already has a row `L1`")
    #expect(try fixture.counts()["learners"] == 2, "L7 and L8 were rolled back")
  }

  @Test func malformedCSVIsRejected() throws {
    let fixture = try ImportFixture()
    let unclosed = try fixture.expectRejected([csv("learners.csv", "id,name\nL7,\"Ann\nL8,Bo\n")])
    #expect(unclosed.location == "learners.csv:2:4")
    #expect(unclosed.message == "the quoted field starting here is never closed with `\"`")
    let fields = try fixture.expectRejected([csv("learners.csv", "id,name\nL7,Ann,extra\n")])
    #expect(fields.message == "this row has 3 fields but the header has 2")
    let stray = try fixture.expectRejected([csv("learners.csv", "id,name\nL7,An\"n\n")])
    #expect(stray.location == "learners.csv:2:6")
    let unknown = try fixture.expectRejected([csv("learners.csv", "id,birthdate\nL7,2000-01-01\n")])
    #expect(unknown.message == "`birthdate` is not a column of `learners`")
    #expect(unknown.help == "did you mean `birth_date`?")
    let words = try fixture.expectRejected([csv("learners.csv", "id,residency\nL7,PR\n")])
    #expect(words.message.hasPrefix("column `residency` is not one of `citizen`"))
    let number = try fixture.expectRejected([
      csv(
        "funding_ledger.csv",
        "learner_id,scheme,amount,currency,posted_on\nL1,sfc,1e3,SGD,2024-01-01\n")
    ])
    #expect(number.location == "funding_ledger.csv:2:8")
  }

  @Test func theTableComesFromTheHeaderWhenTheNameDoesNotSayIt() throws {
    let fixture = try ImportFixture()
    _ = try fixture.importFiles([
      csv(
        "export-2024.csv",
        "learner_id,scheme,amount,currency,posted_on\nL1,sfc,-120.50,SGD,2024-01-01\n")
    ])
    #expect(try fixture.counts()["funding_ledger"] == 1)
    let error = try fixture.expectRejected([csv("export.csv", "learner_id\nL1\n")])
    #expect(error.message == "cannot tell which table this file is for")
  }

  @Test func fieldsLongerThanTheLimitAreRejected() throws {
    var reader = CSVReader(
      Array(("id\n" + String(repeating: "x", count: CSVReader.maxFieldBytes + 1)).utf8))
    _ = try reader.next()
    #expect(throws: CSVReader.SyntaxError.self) { _ = try reader.next() }
    var fits = CSVReader(
      Array(("id\n" + String(repeating: "x", count: CSVReader.maxFieldBytes)).utf8))
    _ = try fits.next()
    #expect(try fits.next()?.fields.first?.text?.utf8.count == CSVReader.maxFieldBytes)
  }

  @Test func aForeignStoreIsAdoptedInTheImportsTransactionOrNotAtAll() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("export.db")
    try StoreOpeningTests.makeForeignStore(at: path)
    let before = fileBytes(path)
    let store = try RecordStore.openForWriting(at: path)
    #expect(throws: StoreError.self) {
      _ = try store.importFiles([csv("learners.csv", "id\nL1\n")], onConflict: .fail)
    }
    try store.close()
    #expect(fileBytes(path) == before, "neither adopted nor switched to WAL")
    let again = try RecordStore.openForWriting(at: path)
    let summary = try again.importFiles([csv("learners.csv", "id\nL2\n")])
    #expect(summary.preparation == .adopted)
    #expect(try again.appliedMigrations() == ["v1-schema"])
  }
}

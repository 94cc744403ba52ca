import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// `--on-conflict`: what an import does with rows whose key the store already has.
@Suite struct ImportConflictTests {
  static func badge(grade: String = "B+") -> ImportFile {
    OpenBadgesImportTests.json(
      "badge.json",
      OpenBadgesImportTests.badge().replacingOccurrences(
        of: #""value": "B+""#, with: #""value": "\#(grade)""#))
  }

  /// The nightly case: the same credential imported again changes nothing, byte for byte,
  /// and the summary says the row was already stored.
  @Test func importingTheSameBadgeTwiceLeavesTheStoreUnchanged() throws {
    let fixture = try ImportFixture()
    let first = try fixture.importFiles([Self.badge()])
    #expect(first.inserted.contains { $0.table == "awards" && $0.rows == 1 })
    let before = fileBytes(fixture.path)
    let again = try fixture.importFiles([Self.badge()])
    #expect(again.inserted.isEmpty)
    #expect(again.replaced.isEmpty)
    #expect(again.unchanged.map(\.table) == ["awards"])
    #expect(again.unchanged.first?.rows == 1)
    #expect(again.changedNothing)
    #expect(fileBytes(fixture.path) == before, "the store changed")
  }

  @Test func importingTheSameCSVRowsTwiceLeavesTheStoreUnchanged() throws {
    let fixture = try ImportFixture()
    let rows = [
      csv("learners.csv", "id,name\nL7,Bo\nL8,\n"),
      csv(
        "awards.csv",
        "id,learner_id,credential_code,awarded_on,grade\nA7,L7,IS5003,2025-05-02,A-\n"),
    ]
    _ = try fixture.importFiles(rows)
    let before = fileBytes(fixture.path)
    let again = try fixture.importFiles(rows)
    #expect(again.inserted.isEmpty)
    #expect(again.unchanged.map(\.table) == ["learners", "awards"])
    #expect(again.unchanged.map(\.rows) == [2, 1])
    #expect(fileBytes(fixture.path) == before, "the store changed")
  }

  /// Under the default, a row that differs from the stored one is refused, naming the key
  /// and the columns (never the values), and nothing of the import is kept.
  @Test func aDifferingRowIsRefusedByDefault() throws {
    let fixture = try ImportFixture()
    _ = try fixture.importFiles([Self.badge()])
    let error = try fixture.expectRejected([
      csv("learners.csv", "id\nL9\n"), Self.badge(grade: "A-"),
    ])
    #expect(error.location == "badge.json: $.id")
    #expect(
      error.message
        == "`awards` already has a row `urn:uuid:b1` that differs from this one in `grade`")
    #expect(error.help?.contains("--on-conflict replace") == true)
    #expect(!error.message.contains("A-"))
    #expect(try fixture.counts()["learners"] == 3, "L9 was rolled back")
  }

  @Test func replaceOverwritesADifferingRowAndSaysSo() throws {
    let fixture = try ImportFixture()
    _ = try fixture.importFiles([Self.badge()])
    let summary = try fixture.importFiles([Self.badge(grade: "A-")], onConflict: .replace)
    #expect(summary.inserted.isEmpty)
    #expect(summary.replaced.map(\.table) == ["awards"])
    #expect(!summary.changedNothing)
    let store = try RecordStore.openForReading(at: fixture.path)
    defer { try? store.close() }
    let grade = try store.reader.read { db in
      try String.fetchOne(db, sql: "SELECT grade FROM awards WHERE id = 'urn:uuid:b1'")
    }
    #expect(grade == "A-")
    let same = try fixture.importFiles([Self.badge(grade: "A-")], onConflict: .replace)
    #expect(same.replaced.isEmpty && same.unchanged.first?.rows == 1)
  }

  /// Columns the file does not name are neither compared nor changed.
  @Test func onlyTheSuppliedColumnsAreComparedAndReplaced() throws {
    let fixture = try ImportFixture()
    let same = try fixture.importFiles([csv("learners.csv", "id,citizenship\nL1,SG\n")])
    #expect(same.unchanged.first?.rows == 1)
    _ = try fixture.importFiles(
      [csv("learners.csv", "id,citizenship\nL1,MY\n")], onConflict: .replace)
    let store = try RecordStore.openForReading(at: fixture.path)
    defer { try? store.close() }
    let row = try store.reader.read { db in
      try Row.fetchOne(db, sql: "SELECT name, citizenship FROM learners WHERE id = 'L1'")
    }
    #expect(row?["name"] == "Ann")
    #expect(row?["citizenship"] == "MY")
  }

  @Test func failRefusesEvenAnIdenticalRow() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected(
      [csv("learners.csv", "id,name\nL1,Ann\n")], onConflict: .fail)
    #expect(error.message == "duplicate key: `learners` already has a row `L1`")
  }

  /// The same key twice in one import is settled the same way as against the store.
  @Test func aRowRepeatedInOneImportIsSettledToo() throws {
    let fixture = try ImportFixture()
    let summary = try fixture.importFiles([csv("learners.csv", "id,name\nL7,Bo\nL7,Bo\n")])
    #expect(summary.inserted.first { $0.table == "learners" }?.rows == 1)
    #expect(summary.unchanged.first?.rows == 1)
    let error = try fixture.expectRejected([csv("learners.csv", "id,name\nL8,Bo\nL8,Cy\n")])
    #expect(error.location == "learners.csv:3")
  }
}

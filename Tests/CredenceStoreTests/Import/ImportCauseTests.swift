import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// Import and init errors that name the real cause, at the earliest moment.
@Suite struct ImportCauseTests {
  @Test func unreadableInputsSayWhy() throws {
    let directory = try TemporaryDirectory()
    let folder = directory.path("folder")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let isDirectory = try #require(throws: StoreError.self) { try ImportFile(contentsOf: folder) }
    #expect(isDirectory.message == "cannot read `\(folder)`: it is a directory")
    #expect(isDirectory.category == .unreadableInput)
    let missing = directory.path("missing.csv")
    let noFile = try #require(throws: StoreError.self) { try ImportFile(contentsOf: missing) }
    #expect(noFile.message == "cannot read `\(missing)`: there is no such file")
    #expect(try ImportFile(contentsOf: "/dev/null").bytes.isEmpty)
  }

  @Test func anEmptyFileIsSaidToBeEmpty() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([ImportFile(name: "/dev/null", bytes: [])])
    #expect(error.location == "/dev/null:1")
    #expect(error.message == "the file is empty; a header row with column names is required")
  }

  @Test func aJSONFileGetsJSONMessagesWhateverItHolds() throws {
    let fixture = try ImportFixture()
    let empty = try fixture.expectRejected([ImportFile(name: "empty.json", bytes: [])])
    #expect(empty.message.hasPrefix("malformed JSON"))
    let null = try fixture.expectRejected([ImportFile(name: "null.JSON", bytes: Array("null".utf8))]
    )
    #expect(null.location == "null.JSON: $")
    #expect(
      null.message == "expected an Open Badges credential (an object) or an array of them, not null"
    )
  }

  @Test func initOnADirectorySaysSo() throws {
    let directory = try TemporaryDirectory()
    let folder = directory.path("store")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let error = try #require(throws: StoreError.self) { _ = try initStore(folder) }
    #expect(error.message == "`\(folder)` is a directory, not a Credence store")
    #expect(error.category == .notAStore)
  }

  /// A write SQLite refuses as read-only is the store's fault, not the row's.
  @Test func aReadOnlyStoreIsNamedNotARow() throws {
    let fixture = try ImportFixture()
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: fixture.path, configuration: configuration)
    let error = try #require(throws: StoreError.self) {
      try RecordStore.wrapDatabaseErrors(fixture.path) {
        try queue.inDatabase { db in
          try ImportSession(writer: SQLiteRecordWriting(db), policy: .fail).insert(
            into: Contract.learners, columns: ["id"], values: ["L9".databaseValue], at: "x.csv:2")
        }
      }
    }
    #expect(error.message == "`\(fixture.path)` is read-only: nothing can be written to it")
    #expect(error.location == nil)
    #expect(error.category == .database)
  }
}

import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// A foreign database whose tables lack the contract's key constraints is refused at
/// adoption when its rows break a key: a learner id on two rows would give that learner two
/// contradictory results, a NULL id would be skipped without a word.
@Suite struct ForeignKeyAdoptionTests {
  /// The foreign store of `StoreOpeningTests`, its `learners` table without a primary key.
  static func makeStore(at path: String, learners rows: [String?]) throws {
    try StoreOpeningTests.makeForeignStore(at: path)
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.execute(sql: "DROP TABLE learners")
      try db.execute(
        sql: "CREATE TABLE learners (id TEXT, name TEXT, birth_date TEXT, citizenship TEXT, "
          + "residency TEXT)")
      for id in rows {
        try db.execute(sql: "INSERT INTO learners (id) VALUES (?)", arguments: [id])
      }
    }
  }

  @Test func duplicateKeysAreRefusedAndTheFileIsUnchanged() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try Self.makeStore(at: path, learners: ["L1", "L2\u{1B}", "L2\u{1B}"])
    let before = fileBytes(path)
    let error = try #require(throws: StoreError.self) { _ = try initStore(path, create: false) }
    #expect(error.category == .contract)
    #expect(error.message == "table `learners` in `\(path)` has two rows with the key `L2\\u{1B}`")
    #expect(fileBytes(path) == before)
  }

  @Test func nullKeysAreRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try Self.makeStore(at: path, learners: ["L1", nil])
    let error = try #require(throws: StoreError.self) { _ = try initStore(path, create: false) }
    #expect(error.message == "table `learners` in `\(path)` has a row without its key (id)")
  }

  @Test func distinctKeysAreAdopted() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try Self.makeStore(at: path, learners: ["L1", "L2"])
    let (_, preparation) = try initStore(path, create: false)
    #expect(preparation == .adopted)
  }
}

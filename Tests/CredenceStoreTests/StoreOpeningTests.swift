import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// Opening, creating, upgrading and refusing databases.
@Suite struct StoreOpeningTests {
  @Test func initCreatesSchemaV1WithHistoryAndWAL() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("new.db")
    let (store, preparation) = try initStore(path)
    #expect(preparation == .created)
    #expect(try store.appliedMigrations() == ["v1-schema"])
    let mode = try store.reader.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
    let appID = try store.reader.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }
    #expect(appID == SchemaV1.applicationID)
    try store.close()

    let (again, second) = try initStore(path)
    #expect(second == .current)
    try again.close()
  }

  @Test func inMemoryStoreHasEveryTable() throws {
    let store = try RecordStore.inMemory()
    let counts = try store.rowCounts()
    #expect(counts.map(\.table) == Contract.tables.map(\.name))
    #expect(counts.allSatisfy { $0.rows == 0 })
  }

  @Test func anInMemoryCopyHoldsTheSameRowsAndIsWrittenAlone() throws {
    let original = try RecordStore.inMemory()
    _ = try original.importFiles(ImportFixture.baseline)
    let copy = try original.copyInMemory()
    #expect(try copy.rowCounts().map(\.rows) == original.rowCounts().map(\.rows))
    #expect(try copy.recordSource.learner(id: "L1")?.learner?.name == "Ann")
    _ = try copy.importFiles([
      ImportFile(name: "learners.csv", bytes: Array("id,name\nL3,Bo\n".utf8))
    ])
    #expect(try copy.recordSource.learner(id: "L3") != nil)
    #expect(try original.recordSource.learner(id: "L3") == nil, "the copy wrote the original")
    #expect(try original.rowCounts().first { $0.table == "learners" }?.rows == 2)
  }

  @Test func missingFileIsNoSuchStore() throws {
    let dir = try TemporaryDirectory()
    let error = try #require(throws: StoreError.self) {
      try RecordStore.openForReading(at: dir.path("missing.db"))
    }
    #expect(error.category == .noSuchStore)
    #expect(!FileManager.default.fileExists(atPath: dir.path("missing.db")))
  }

  @Test func textFileIsNotAStoreAndStaysUnchanged() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("notes.csv", "id,name\nL1,Ann\n")
    let before = fileBytes(path)
    for open in [
      { _ = try RecordStore.openForReading(at: path) },
      { _ = try initStore(path, create: false) },
    ] {
      let error = try #require(throws: StoreError.self) { try open() }
      #expect(error.category == .notAStore)
      #expect(error.message.contains("not an SQLite database"))
    }
    #expect(fileBytes(path) == before)
  }

  @Test func otherApplicationsDatabaseIsRefusedUnchanged() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("other.db")
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE notes (body TEXT); PRAGMA application_id = 42")
    }
    let before = fileBytes(path)
    let error = try #require(throws: StoreError.self) {
      try initStore(path)
    }
    #expect(error.category == .notAStore)
    #expect(error.message.contains("another application"))
    #expect(fileBytes(path) == before)
  }

  @Test func databaseWithoutContractTablesIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("plain.db")
    try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
    let before = fileBytes(path)
    let error = try #require(throws: StoreError.self) {
      try initStore(path)
    }
    #expect(error.category == .notAStore)
    #expect(fileBytes(path) == before)
  }

  @Test func newerStoreIsRefusedUnchanged() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("newer.db")
    try initStore(path).0.close()
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO credence_migrations VALUES (2, 'v2-from-the-future')")
    }
    let before = fileBytes(path)
    for open in [
      { _ = try RecordStore.openForReading(at: path) },
      { _ = try initStore(path, create: false) },
    ] {
      let error = try #require(throws: StoreError.self) { try open() }
      #expect(error.category == .newerStore)
      #expect(error.message.contains("`v2-from-the-future`"))
    }
    #expect(fileBytes(path) == before)
  }

  /// A registrar's export: the contract's tables, created by hand, no Credence history.
  static func makeForeignStore(at path: String, dropping column: String? = nil) throws {
    try DatabaseQueue(path: path).write { db in
      for statement in SchemaV1.statements where !statement.hasPrefix("CREATE INDEX") {
        var sql = statement
        if let column, sql.contains("CREATE TABLE awards") {
          sql = sql.replacingOccurrences(of: "  \(column) TEXT,\n", with: "")
        }
        try db.execute(sql: sql)
      }
      try db.execute(sql: "INSERT INTO learners (id) VALUES ('L1')")
    }
  }

  @Test func foreignStoreIsReadAsItIsWithoutWriting() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try Self.makeForeignStore(at: path)
    let before = fileBytes(path)
    let store = try RecordStore.openForReading(at: path)
    #expect(try store.rowCounts().first?.rows == 1)
    #expect(try store.appliedMigrations() == [])
    #expect(!store.isWritable)
    try store.close()
    #expect(fileBytes(path) == before)
  }

  @Test func foreignStoreIsAdoptedWhenWritten() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try Self.makeForeignStore(at: path)
    let (store, preparation) = try initStore(path, create: false)
    #expect(preparation == .adopted)
    #expect(try store.appliedMigrations() == ["v1-schema"])
    let indexed = try store.reader.read { try $0.indexes(on: "awards").map(\.name) }
    #expect(indexed.contains("awards_learner_id"))
    #expect(try store.rowCounts().first?.rows == 1)
  }

  @Test func foreignStoreMissingAColumnIsNamed() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try Self.makeForeignStore(at: path, dropping: "expires_on")
    let before = fileBytes(path)
    for open in [
      { _ = try RecordStore.openForReading(at: path) },
      { _ = try initStore(path, create: false) },
    ] {
      let error = try #require(throws: StoreError.self) { try open() }
      #expect(error.category == .contract)
      #expect(
        error.message
          == "table `awards` in `\(path)` has no column `expires_on`, which Credence needs")
    }
    #expect(fileBytes(path) == before)
  }

  @Test func emptyFileIsCreatedByInitButRefusedByReaders() throws {
    let dir = try TemporaryDirectory()
    let path = try dir.write("empty.db", "")
    let error = try #require(throws: StoreError.self) { try RecordStore.openForReading(at: path) }
    #expect(error.category == .notAStore)
    let (_, preparation) = try initStore(path, create: false)
    #expect(preparation == .created)
  }
}

/// Upgrading an older store: every pending step in one transaction, or none.
@Suite struct StoreUpgradeTests {
  static let v2 = SchemaMigration(identifier: "v2-test-notes") { db in
    try db.execute(sql: "CREATE TABLE test_notes (body TEXT)")
  }

  @Test func pendingStepsApplyTogetherOrNotAtAll() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("old.db")
    try initStore(path).0.close()
    let broken = SchemaMigration(identifier: "v3-test-broken") { db in
      try db.execute(sql: "ALTER TABLE no_such_table ADD COLUMN x TEXT")
    }
    let queue = try DatabaseQueue(path: path)
    #expect(throws: DatabaseError.self) {
      try queue.writeWithoutTransaction { db in
        _ = try StoreMigrator.prepare(
          db, name: path, migrations: Migrations.all + [Self.v2, broken])
      }
    }
    let (notes, history) = try queue.read { db in
      (
        try db.tableExists("test_notes"),
        try String.fetchAll(db, sql: "SELECT identifier FROM credence_migrations")
      )
    }
    #expect(!notes, "v2 was rolled back with v3")
    #expect(history == ["v1-schema"])
    let working = SchemaMigration(identifier: "v3-test-index") { db in
      try db.execute(sql: "CREATE INDEX test_notes_body ON test_notes(body)")
    }
    let preparation = try queue.writeWithoutTransaction { db in
      try StoreMigrator.prepare(db, name: path, migrations: Migrations.all + [Self.v2, working])
    }
    #expect(preparation == .upgraded(steps: ["v2-test-notes", "v3-test-index"]))
    let upgraded = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM credence_migrations ORDER BY step")
    }
    #expect(upgraded == ["v1-schema", "v2-test-notes", "v3-test-index"])
  }

  @Test func aStoreNeedingAnUpgradeIsRefusedByReaders() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path("old.db")
    try initStore(path).0.close()
    // Pretend this Credence knows a step the store lacks: drop v1 from its history instead.
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "DELETE FROM credence_migrations")
    }
    let error = try #require(throws: StoreError.self) { try RecordStore.openForReading(at: path) }
    #expect(error.category == .needsUpgrade)
    #expect(error.help == "run `credence db init \(path)` to upgrade it in place")
  }
}

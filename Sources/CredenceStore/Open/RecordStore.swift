import Foundation
import GRDB

/// A learner-record store: one SQLite database following the record contract (schema v1).
///
/// Open it for reading (evaluation) or for writing (init, import, sample). Opening first
/// looks at the file read-only and refuses, without changing anything, a file that is not a
/// Credence store or comes from a newer Credence. Writers upgrade an older store, or adopt
/// a foreign one, in one transaction before they write.
public final class RecordStore: Sendable {
  /// How the store refers to itself in messages: the path as the user gave it.
  public let name: String
  /// Where the database lives on disk; `nil` for an in-memory store.
  public let path: String?
  /// What the file was when it was opened (before any upgrade).
  let kind: StoreKind
  let reader: any DatabaseReader
  let writer: (any DatabaseWriter)?

  init(
    name: String, path: String?, kind: StoreKind, reader: any DatabaseReader,
    writer: (any DatabaseWriter)?
  ) {
    self.name = name
    self.path = path
    self.kind = kind
    self.reader = reader
    self.writer = writer
  }

  /// What opening for writing did to the file.
  public enum Preparation: Sendable, Equatable {
    /// The file was new or empty; schema v1 was created.
    case created
    /// The store was older; the named steps were applied.
    case upgraded(steps: [String])
    /// A database made by another tool was checked and schema v1 recorded in its history.
    case adopted
    /// The store was already current.
    case current
  }

  /// How long a connection waits for another process's lock before failing.
  static let busyTimeoutSeconds: Double = 10

  package static func configuration(readOnly: Bool) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .timeout(busyTimeoutSeconds)
    configuration.foreignKeysEnabled = true
    return configuration
  }

  /// Opens an existing store for reading: evaluation and statistics never change the file.
  ///
  /// A foreign database with the contract's tables is read as it is. A Credence store that
  /// needs an upgrade is refused with a hint, since a reader does not write.
  ///
  /// `parallelReads` asks for a pool of read connections on a store in WAL mode (`eval
  /// --all`); without it the one connection that inspected the file reads it too, which is
  /// all one learner needs (a pool opens two more connections).
  public static func openForReading(at path: String, parallelReads: Bool = true) throws
    -> RecordStore
  {
    try requireFile(path)
    let queue = try wrapDatabaseErrors(path) {
      try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
    }
    let kind: StoreKind
    let journalMode: String
    do {
      (kind, journalMode) = try inspect(queue, path)
      switch kind {
      case .empty:
        throw StoreError(
          .notAStore, "`\(path)` is an empty database, not a Credence store",
          help: "create the schema with `credence db init \(path)`")
      case .credence(let applied) where applied.count < Migrations.currentVersion:
        throw StoreError(
          .needsUpgrade, "`\(path)` was made by an older Credence and needs an upgrade",
          help: "run `credence db init \(path)` to upgrade it in place")
      case .credence, .foreign:
        break
      }
    } catch {
      try? queue.close()
      throw error
    }
    if journalMode != "wal" || !parallelReads {
      return RecordStore(name: path, path: path, kind: kind, reader: queue, writer: nil)
    }
    try? queue.close()
    return try wrapDatabaseErrors(path) {
      let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
      return RecordStore(name: path, path: path, kind: kind, reader: pool, writer: nil)
    }
  }

  /// Opens a store for writing, creating the file if `create` is set and it is missing.
  ///
  /// Changes nothing yet: ``prepareSchema()`` (for `init`) or the first write transaction
  /// (for imports, in the same transaction as the rows) creates, upgrades or adopts the
  /// schema. The connection keeps the file's journal mode: a store made by `init` is in WAL
  /// mode, and a foreign database keeps the mode its tool chose. (A GRDB `DatabasePool`
  /// would write a dummy transaction on open, and a failed import must leave the file
  /// byte-identical.)
  public static func openForWriting(at path: String, create: Bool = false) throws -> RecordStore {
    if !create { try requireFile(path) }
    var isDirectory: ObjCBool = false
    let existing = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if isDirectory.boolValue {
      throw StoreError(
        .notAStore, "`\(path)` is a directory, not a Credence store",
        help: "give the path of a store file, such as `\(path)/records.db`")
    }
    if existing, !FileManager.default.isWritableFile(atPath: path) {
      throw Self.readOnly(path)
    }
    let kind = existing ? try inspect(path) : StoreKind.empty
    return try wrapDatabaseErrors(path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
      return RecordStore(name: path, path: path, kind: kind, reader: queue, writer: queue)
    }
  }

  /// Creates, upgrades or adopts the schema in one transaction, and says which it did.
  ///
  /// A new store is put in WAL mode first, so readers see it before or after a write,
  /// never half of one, and never wait for a writer.
  public func prepareSchema() throws -> Preparation {
    let writer = try requireWriter()
    return try Self.wrapDatabaseErrors(name) {
      try writer.writeWithoutTransaction { db in
        if kind == .empty, path != nil {
          try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        return try StoreMigrator.prepare(db, name: name)
      }
    }
  }

  /// Runs `body` in one `BEGIN IMMEDIATE` transaction after bringing the schema up to date
  /// in that same transaction; rolls everything back if `body` throws.
  ///
  /// With `foreignKeys` off, SQLite skips reference checks (for generated data that is
  /// consistent by construction).
  package func writeTransaction<T>(foreignKeys: Bool = true, _ body: (Database) throws -> T) throws
    -> (
      T, Preparation
    )
  {
    let writer = try requireWriter()
    return try Self.wrapDatabaseErrors(name) {
      try writer.writeWithoutTransaction { db in
        if !foreignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
        defer { if !foreignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
        var result: T?
        var preparation = Preparation.current
        try db.inTransaction(.immediate) {
          preparation = try StoreMigrator.prepareInTransaction(
            db, name: name, mayCreate: path == nil)
          result = try body(db)
          return .commit
        }
        guard let result else { throw StoreError(.database, "the write produced no result") }
        return (result, preparation)
      }
    }
  }

  /// A fresh store in memory, with schema v1: for tests and the REPL.
  public static func inMemory() throws -> RecordStore {
    try wrapDatabaseErrors(":memory:") {
      let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
      _ = try queue.writeWithoutTransaction { db in try StoreMigrator.prepare(db, name: ":memory:")
      }
      return RecordStore(name: ":memory:", path: nil, kind: .empty, reader: queue, writer: queue)
    }
  }

  /// A copy of this store in memory, taken page by page (SQLite's backup), that can be
  /// written without touching this one: a fixture imported once and copied for every test
  /// case or fuzz input, instead of imported again each time.
  public func copyInMemory() throws -> RecordStore {
    try Self.wrapDatabaseErrors(name) {
      let queue = try DatabaseQueue(configuration: Self.configuration(readOnly: false))
      try reader.backup(to: queue)
      return RecordStore(name: ":memory:", path: nil, kind: kind, reader: queue, writer: queue)
    }
  }

  /// Whether the store can be written through this handle.
  public var isWritable: Bool { writer != nil }

  /// Releases the connections now rather than when the last reference goes away.
  public func close() throws {
    try Self.wrapDatabaseErrors(name) {
      if let pool = reader as? DatabasePool { try pool.close() }
      if let queue = reader as? DatabaseQueue { try queue.close() }
    }
  }

  /// The writer, or an error saying the store was opened for reading.
  func requireWriter() throws -> any DatabaseWriter {
    guard let writer else {
      throw StoreError(.database, "`\(name)` was opened for reading and cannot be written")
    }
    return writer
  }

  /// The store cannot be written: the file, or the folder SQLite writes its journal in.
  static func readOnly(_ name: String) -> StoreError {
    StoreError(
      .database, "`\(name)` is read-only: nothing can be written to it",
      help: "check the permissions of the file and of its folder (SQLite writes a journal "
        + "beside the store)")
  }

  private static func requireFile(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw StoreError(
        .noSuchStore, "no store at `\(path)`",
        help: "create one with `credence db init \(path)` or `credence db sample \(path)`")
    }
    if isDirectory.boolValue {
      throw StoreError(.notAStore, "`\(path)` is a directory, not a Credence store")
    }
  }

  /// Looks at the file read-only: what kind of store it is.
  private static func inspect(_ path: String) throws -> StoreKind {
    let queue = try wrapDatabaseErrors(path) {
      try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
    }
    defer { try? queue.close() }
    return try inspect(queue, path).kind
  }

  /// What kind of store `queue` holds, and its journal mode.
  private static func inspect(_ queue: DatabaseQueue, _ path: String) throws -> (
    kind: StoreKind, journalMode: String
  ) {
    try wrapDatabaseErrors(path) {
      try queue.read { db in
        let kind = try StoreInspection.inspect(db, name: path)
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        return (kind, mode.lowercased())
      }
    }
  }

  /// Runs `body`, turning SQLite's errors into worded store errors.
  package static func wrapDatabaseErrors<T>(_ name: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB {
        throw StoreError(
          .notAStore, "`\(name)` is not a Credence store: it is not an SQLite database")
      }
      if error.resultCode == .SQLITE_READONLY { throw readOnly(name) }
      throw StoreError(
        .database, "SQLite failed on `\(name)`: \(error.message ?? "\(error.resultCode)")")
    }
  }
}

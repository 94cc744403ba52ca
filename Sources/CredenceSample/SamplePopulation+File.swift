import CredenceStore
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SamplePopulation {
  /// Writes the population into the store file at `path`. Returns the rows per table.
  ///
  /// A file that exists is opened as a store and filled in one transaction (it must have no
  /// learners yet). A new file is built aside and then renamed into place: the sample is
  /// written to a temporary file in the same folder with no rollback journal and no syncs
  /// (nothing else can see that file, and a failed or killed run leaves only the temporary
  /// file, never a half store under `path`); the `learner_id` indexes are built after the
  /// rows; the finished file is switched to WAL mode, closed and renamed. Its schema is
  /// exactly what the migrations create.
  ///
  /// With `replacing`, an existing store file is not filled but replaced: the new file is built
  /// aside as above and renamed over it in one step, so readers see the old store or the new
  /// one. Only a SQLite file nobody else has open is replaced.
  public func write(toFile path: String, replacing: Bool = false) throws -> [(
    table: String, rows: Int
  )] {
    let exists = FileManager.default.fileExists(atPath: path)
    if exists && replacing { try Self.checkReplaceable(path) }
    if exists && !replacing {
      let store = try RecordStore.openForWriting(at: path, create: true)
      defer { try? store.close() }
      _ = try store.prepareSchema()
      return try write(into: store)
    }
    let temporary = Self.temporaryPath(beside: path)
    do {
      let counts = try RecordStore.wrapDatabaseErrors(path) {
        try buildNewFile(at: temporary)
      }
      if exists {
        try Self.replace(path, with: temporary)
      } else {
        try Self.moveIntoPlace(temporary, path)
      }
      return counts
    } catch {
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: temporary + suffix)
      }
      throw error
    }
  }

  /// `DIR/.NAME.sample-PID-RANDOM.partial`: hidden, in the target's folder (a rename across
  /// file systems would be a copy, and not atomic), and unique per run.
  static func temporaryPath(beside path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    return (folder as NSString).appendingPathComponent(".\(name).sample-\(unique).partial")
  }

  /// The suffix of the temporary files a sample run writes before renaming.
  static let temporarySuffix = ".partial"

  private func buildNewFile(at temporary: String) throws -> [(table: String, rows: Int)] {
    let queue = try DatabaseQueue(
      path: temporary, configuration: RecordStore.configuration(readOnly: false))
    var closed = false
    defer { if !closed { try? queue.close() } }
    let counts = try queue.writeWithoutTransaction { db in
      // Nobody else sees this file until it is renamed, and a failure deletes it: no
      // rollback journal, no syncs.
      try db.execute(sql: "PRAGMA journal_mode = OFF")
      try db.execute(sql: "PRAGMA synchronous = OFF")
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      // Rows arrive in key order, so B-trees grow at their right edge and a modest cache
      // holds the pages being filled.
      try db.execute(sql: "PRAGMA cache_size = -\(SamplePopulation.newFileCacheKiB)")
      var counts: [(table: String, rows: Int)] = []
      try db.inTransaction(.immediate) {
        try StoreMigrator.prepareCurrentSchema(db, name: temporary)
        // The contract's learner_id indexes are built once, from sorted rows, after the
        // fill, with the very statements the migration ran, so the schema is unchanged.
        for name in SchemaV1.indexNames { try db.execute(sql: "DROP INDEX \(name)") }
        counts = try fill(db)
        for statement in SchemaV1.indexes { try db.execute(sql: statement) }
        return .commit
      }
      try db.execute(sql: "PRAGMA foreign_keys = ON")
      return counts
    }
    // Switched last: readers of the finished store see it before or after a write.
    try queue.writeWithoutTransaction { db in
      _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
    closed = true
    // Closing the last connection checkpoints and removes the write-ahead log.
    try queue.close()
    return counts
  }

  /// The first bytes of every SQLite database file.
  static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

  /// Refuses to replace anything but a SQLite file.
  static func checkReplaceable(_ path: String) throws {
    let head = FileHandle(forReadingAtPath: path).map { handle in
      defer { try? handle.close() }
      return [UInt8]((try? handle.read(upToCount: sqliteHeader.count)) ?? Data())
    }
    guard head == sqliteHeader else {
      throw StoreError(
        .invalidInput, "`\(path)` is not a SQLite database, so it was not replaced",
        help: "give the path of a store, or a new file name")
    }
  }

  /// Renames `temporary` over the store at `path` in one step.
  ///
  /// The old store leaves write-ahead mode first: that needs the only connection to it (so a
  /// store in use is refused, unchanged), and it folds and removes its `-wal` and `-shm`
  /// files, which SQLite would otherwise read as part of the new file.
  private static func replace(_ path: String, with temporary: String) throws {
    try checkReplaceable(path)
    do {
      var configuration = Configuration()
      configuration.busyMode = .immediateError
      let old = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? old.close() }
      try old.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      }
      try old.close()
    } catch {
      throw StoreError(
        .invalidInput, "`\(path)` is in use or cannot be written, so it was not replaced",
        help: "close the programs that have it open, then run the command again")
    }
    guard rename(temporary, path) == 0 else {
      throw StoreError(
        .database,
        "could not move the sample into place at `\(path)`: \(String(cString: strerror(errno)))")
    }
  }

  /// Renames `temporary` to `path`, refusing to replace a file that appeared meanwhile.
  private static func moveIntoPlace(_ temporary: String, _ path: String) throws {
    // link(2) fails if `path` exists, so a concurrent writer's file is never replaced.
    if link(temporary, path) == 0 {
      unlink(temporary)
      return
    }
    let linkError = errno
    if linkError == EEXIST {
      throw StoreError(
        .invalidInput,
        "`\(path)` appeared while the sample was being written; it was left as it is",
        help: "use a new file, e.g. `credence db sample sample.db`")
    }
    // File systems without hard links: a plain rename, after one more look.
    guard !FileManager.default.fileExists(atPath: path), rename(temporary, path) == 0 else {
      throw StoreError(
        .database,
        "could not move the sample into place at `\(path)`: \(String(cString: strerror(errno)))")
    }
  }
}

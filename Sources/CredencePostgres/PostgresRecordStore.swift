import CredenceStore
import Foundation

/// A learner-record store in PostgreSQL: the same contract, imports and reader as the SQLite
/// `RecordStore`, opened from a `postgres://` URL and the environment (``PostgresLocation``).
public struct PostgresRecordStore: Sendable {
  public let location: PostgresLocation

  /// The store `url` names, parts left out taken from `environment`.
  public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws
  {
    location = try PostgresLocation(url: url, environment: environment)
  }

  public init(location: PostgresLocation) { self.location = location }

  /// Creates the schema in an empty database, or upgrades an older Credence schema, in one
  /// transaction (`credence db init postgres://…`).
  public func prepareSchema() throws -> RecordStore.Preparation {
    try PostgresFailure.unwrapping {
      let session = try PostgresSession(location, readOnly: false)
      defer { session.close() }
      return try PostgresSchema.prepare(session)
    }
  }

  /// Imports `files` in one transaction: all of them, or (on the first bad row) none; the
  /// same importers, checks and messages as a SQLite store.
  public func importFiles(_ files: [ImportFile], onConflict: ImportConflictPolicy = .skip)
    throws -> ImportSummary
  {
    try writeTransaction { connection in
      let session = ImportSession(writer: PostgresRecordWriting(connection), policy: onConflict)
      return ImportSummary(preparation: .current, counts: try session.importFiles(files))
    }
  }

  /// The store as a `RecordSource`, its sessions read-only; refuses a database that is not a
  /// current Credence store.
  public func recordSource(readsFacts: Bool = true) throws -> PostgresRecordSource {
    try PostgresFailure.unwrapping {
      let session = try PostgresSession(location, readOnly: true)
      defer { session.close() }
      try PostgresSchema.verifyCurrent(session)
    }
    return PostgresRecordSource(location: location, readsFacts: readsFacts)
  }

  /// Runs `body` in one transaction holding the writers' lock, on a current store; rolls
  /// back when it throws.
  func writeTransaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    try PostgresFailure.unwrapping {
      let session = try PostgresSession(location, readOnly: false)
      defer { session.close() }
      try session.execute("BEGIN")
      do {
        try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.writerLock))")
        try PostgresSchema.verifyCurrent(session)
        let result = try body(session)
        try session.execute("COMMIT")
        return result
      } catch {
        _ = try? session.execute("ROLLBACK")
        throw error
      }
    }
  }
}

extension PostgresRecordStore {
  /// Rows per contract table, in contract order (`credence db stats`).
  public func rowCounts() throws -> [(table: String, rows: Int)] {
    try PostgresFailure.unwrapping {
      let session = try PostgresSession(location, readOnly: true)
      defer { session.close() }
      try PostgresSchema.verifyCurrent(session)
      return try Contract.tables.map { table in
        let count = try session.query("SELECT count(*)::text FROM \(table.name)").first?.text(0)
        return (table.name, Int(count ?? "0") ?? 0)
      }
    }
  }
}

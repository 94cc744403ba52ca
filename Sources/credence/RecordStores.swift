import CredencePostgres
import CredenceStore
import Foundation

/// The store `--db` names: a SQLite file, or a PostgreSQL database given as a `postgres://`
/// URL (parts it leaves out, and the password, from the environment: `PostgresLocation`).
enum RecordStores {
  /// A store opened for reading, and how messages name it (a URL without its password).
  struct Opened {
    let source: any StoreRecordSource
    let name: String
    let close: () -> Void
  }

  static func isPostgres(_ db: String) -> Bool { PostgresLocation.isURL(db) }

  /// The PostgreSQL store `url` names; a password written in the URL gets a warning (it is
  /// visible in the process list), and is never printed.
  static func postgres(_ url: String) throws -> PostgresRecordStore {
    let store = try PostgresRecordStore(url: url)
    if store.location.passwordInURL {
      Terminal.printError(
        "warning: a password in the URL is visible to every user in the process list; "
          + "give it in PGPASSWORD or ~/.pgpass instead")
    }
    return store
  }

  /// How messages name the store `db`: the path, or the URL without its password.
  static func displayName(_ db: String) -> String {
    guard isPostgres(db) else { return db }
    return (try? PostgresLocation(url: db, environment: ProcessInfo.processInfo.environment))?
      .description ?? "the PostgreSQL store"
  }

  /// Opens `db` for reading: SQLite read-only, PostgreSQL in read-only sessions.
  static func openForReading(_ db: String, parallelReads: Bool = false, readsFacts: Bool = true)
    throws -> Opened
  {
    if isPostgres(db) {
      let store = try postgres(db)
      let source = try store.recordSource(readsFacts: readsFacts)
      return Opened(source: source, name: store.location.description, close: source.close)
    }
    let store = try RecordStore.openForReading(at: db, parallelReads: parallelReads)
    return Opened(
      source: SQLiteRecordSource(store: store, readsFacts: readsFacts), name: db,
      close: { try? store.close() })
  }
}

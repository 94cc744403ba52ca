import GRDB

/// One named, append-only step of the schema's history.
struct SchemaMigration: Sendable {
  /// The name recorded in the store's history; never renamed once released.
  let identifier: String
  let apply: @Sendable (Database) throws -> Void
}

/// Credence's schema migrations, oldest first, and the history table that records them.
///
/// GRDB's `DatabaseMigrator` runs each migration in its own transaction; the contract wants
/// a whole upgrade (and adopting a foreign store) to be one transaction, so the store runs
/// its own short list inside a single `BEGIN IMMEDIATE`.
enum Migrations {
  /// The table holding the identifiers of the migrations applied to this store.
  static let historyTable = "credence_migrations"

  static let createHistory = """
    CREATE TABLE credence_migrations (
      step INTEGER NOT NULL PRIMARY KEY,
      identifier TEXT NOT NULL UNIQUE
    )
    """

  /// The identifier of the step that creates schema v1; adopting a foreign store records it.
  static let v1 = "v1-schema"

  static let all: [SchemaMigration] = [
    SchemaMigration(identifier: v1) { db in
      for statement in SchemaV1.statements { try db.execute(sql: statement) }
    }
  ]

  /// The schema version a fully migrated store has: the number of steps.
  static var currentVersion: Int { all.count }
}

import CredenceStore

/// The record contract (`records.md`) in PostgreSQL's own types, made from `Contract`, so the
/// two stores cannot drift apart: exact numbers are `numeric` (never floating point), dates
/// `date`, whole numbers `bigint`, words `text` with a `CHECK`. Ids, codes and the other
/// key columns are `COLLATE "C"`: byte order, the order the SQLite store and `LearnerID`
/// use, so learners stream in the same order from both.
enum PostgresSchema {
  /// The table holding the identifiers of the migrations applied, as in a SQLite store.
  static let historyTable = "credence_migrations"

  static let createHistory = """
    CREATE TABLE credence_migrations (
      step integer NOT NULL PRIMARY KEY,
      identifier text NOT NULL UNIQUE
    )
    """

  /// The migrations, oldest first: the contract's, with identifiers as in the SQLite store's
  /// history, then PostgreSQL's own steps (`postgres-…`).
  static let migrations: [(identifier: String, statements: [String])] = [
    ("v1-schema", Contract.tables.map(createTable) + indexes),
    ("postgres-shard-hash", PostgresShardHash.statements),
  ]

  /// The key imports and `db init` lock for their transaction (`pg_advisory_xact_lock`),
  /// so writers take turns as they do on a SQLite store: ASCII `CRED`.
  static let writerLock = 0x4352_4544

  /// The PostgreSQL type of a contract column.
  static func type(of column: Contract.Column) -> String {
    switch column.kind {
    case .date: "date"
    case .decimal: "numeric"
    case .integer: "bigint"
    case .text, .choice, .currency, .country: "text"
    }
  }

  /// `CREATE TABLE` for a contract table.
  static func createTable(_ table: Contract.Table) -> String {
    var lines: [String] = []
    for column in table.columns {
      var line = "  \(column.name) \(type(of: column))"
      if table.isKey(column.name), type(of: column) == "text" { line += " COLLATE \"C\"" }
      if column.required { line += " NOT NULL" }
      if let value = column.defaultValue { line += " DEFAULT '\(value)'" }
      if case .choice(let words) = column.kind {
        line += " CHECK (\(column.name) IN (\(words.map { "'\($0)'" }.joined(separator: ", "))))"
      }
      lines.append(line)
    }
    lines.append("  PRIMARY KEY (\(table.primaryKey.joined(separator: ", ")))")
    for reference in table.references {
      lines.append(
        "  FOREIGN KEY (\(reference.column)) REFERENCES \(reference.table)(\(reference.targetColumn))"
      )
    }
    return "CREATE TABLE \(table.name) (\n\(lines.joined(separator: ",\n"))\n)"
  }

  /// The `learner_id` indexes, each with the row's id: a learner's rows in the order the
  /// reader asks for, from the index.
  static let indexes = [
    "CREATE INDEX awards_learner_id ON awards (learner_id, id)",
    "CREATE INDEX enrolments_learner_id ON enrolments (learner_id, id)",
    "CREATE INDEX funding_ledger_learner_id ON funding_ledger (learner_id, id)",
  ]

  /// The migration identifiers recorded in the store, oldest first, or `nil` when it has no
  /// history table; refuses a store with contract tables but no history.
  static func history(_ session: PostgresSession) throws -> [String]? {
    let found = try session.query(
      "SELECT to_regclass('credence_migrations') IS NOT NULL, to_regclass('learners') IS NOT NULL"
    )
    let hasHistory = try found.first?.makeRandomAccess()[0].decode(Bool.self) ?? false
    let hasLearners = try found.first?.makeRandomAccess()[1].decode(Bool.self) ?? false
    guard hasHistory else {
      if hasLearners {
        throw StoreError(
          .notAStore,
          "`\(session.location)` has a `learners` table but no Credence migration history",
          help: "Credence makes the PostgreSQL schema itself: run `credence db init` on an "
            + "empty database, then `credence db copy` or `db import` the records")
      }
      return nil
    }
    return try session.query("SELECT identifier FROM credence_migrations ORDER BY step")
      .compactMap { try $0.text(0) }
  }

  /// Refuses a store that is not at the current schema (for reading and importing).
  static func verifyCurrent(_ session: PostgresSession) throws {
    guard let applied = try history(session) else {
      throw StoreError(
        .notAStore, "`\(session.location)` is not a Credence store yet",
        help: "create the schema first with `credence db init \(session.location)`")
    }
    try verify(applied, session.location)
    if applied.count < migrations.count {
      throw StoreError(
        .needsUpgrade, "`\(session.location)` is at an older schema",
        help: "upgrade it with `credence db init \(session.location)`")
    }
  }

  private static func verify(_ applied: [String], _ location: PostgresLocation) throws {
    let known = migrations.map(\.identifier)
    if applied.count > known.count || !zip(applied, known).allSatisfy({ $0 == $1 }) {
      throw StoreError(
        .newerStore, "`\(location)` was written by a newer Credence",
        help: "upgrade Credence to read it; nothing was changed")
    }
  }

  /// Creates or upgrades the schema in one transaction, the writers' lock held.
  static func prepare(_ session: PostgresSession) throws -> RecordStore.Preparation {
    try session.execute("BEGIN")
    do {
      try session.execute("SELECT pg_advisory_xact_lock(\(writerLock))")
      var preparation = RecordStore.Preparation.current
      var applied: [String]
      if let history = try history(session) {
        try verify(history, session.location)
        applied = history
      } else {
        try session.execute(createHistory)
        applied = []
        preparation = .created
      }
      let pending = migrations.dropFirst(applied.count)
      for migration in pending {
        for statement in migration.statements { try session.execute(statement) }
        applied.append(migration.identifier)
        try session.execute(
          "INSERT INTO credence_migrations (step, identifier) VALUES ($1::integer, $2)",
          [String(applied.count), migration.identifier])
      }
      if !pending.isEmpty, preparation == .current {
        preparation = .upgraded(steps: pending.map(\.identifier))
      }
      try session.execute("COMMIT")
      return preparation
    } catch {
      _ = try? session.execute("ROLLBACK")
      throw error
    }
  }
}

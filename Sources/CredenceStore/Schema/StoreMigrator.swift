import GRDB

/// Brings a store's schema up to date in a single transaction.
package enum StoreMigrator {
  /// Creates, upgrades or adopts the schema in `db`, all in one `BEGIN IMMEDIATE`
  /// transaction, so another process sees the store before or after, never between.
  static func prepare(
    _ db: Database, name: String, migrations: [SchemaMigration] = Migrations.all
  ) throws -> RecordStore.Preparation {
    var preparation = RecordStore.Preparation.current
    try db.inTransaction(.immediate) {
      preparation = try prepareInTransaction(db, name: name, migrations: migrations)
      return .commit
    }
    return preparation
  }

  /// Brings `db` to the current schema inside the caller's write transaction, as
  /// ``prepareInTransaction(_:name:mayCreate:migrations:)`` with Credence's migrations: the
  /// sample generator (CredenceSample) builds a new file aside with it.
  package static func prepareCurrentSchema(_ db: Database, name: String) throws {
    _ = try prepareInTransaction(db, name: name)
  }

  /// Does the work of ``prepare(_:name:)`` inside the caller's write transaction, so that an
  /// import can adopt or upgrade a store in the same transaction as its rows.
  ///
  /// Without `mayCreate`, an empty database is refused: imports fill an existing store.
  /// `migrations` is the list to apply (all of Credence's, or a longer one in tests).
  static func prepareInTransaction(
    _ db: Database, name: String, mayCreate: Bool = true,
    migrations: [SchemaMigration] = Migrations.all
  ) throws -> RecordStore.Preparation {
    var preparation = RecordStore.Preparation.current
    // Inspect again inside the write lock: another process may have changed the file
    // since the read-only look.
    let kind = try StoreInspection.inspect(db, name: name, known: migrations)
    var applied: [String]
    switch kind {
    case .empty:
      guard mayCreate else {
        throw StoreError(
          .notAStore, "`\(name)` is not a Credence store yet",
          help: "create the schema first with `credence db init \(name)`")
      }
      try db.execute(sql: Migrations.createHistory)
      applied = []
      preparation = .created
    case .foreign:
      try adopt(db, name: name)
      applied = [Migrations.v1]
      preparation = .adopted
    case .credence(let history):
      applied = history
    }
    let pending = migrations.filter { !applied.contains($0.identifier) }
    for migration in pending {
      try migration.apply(db)
      applied.append(migration.identifier)
      try db.execute(
        sql: "INSERT INTO \(Migrations.historyTable) (step, identifier) VALUES (?, ?)",
        arguments: [applied.count, migration.identifier])
    }
    if !pending.isEmpty, preparation == .current {
      preparation = .upgraded(steps: pending.map(\.identifier))
    }
    if preparation != .current {
      try db.execute(sql: "PRAGMA application_id = \(SchemaV1.applicationID)")
    }
    return preparation
  }

  /// Records schema v1 in a foreign database's history, after checking its tables.
  ///
  /// Adds the contract's `learner_id` indexes where the database has no index starting
  /// with `learner_id`; touches nothing else of the other tool's schema.
  static func adopt(_ db: Database, name: String) throws {
    try StoreInspection.verifyContractTables(db, name: name)
    try StoreInspection.verifyKeys(db, name: name)
    try db.execute(sql: Migrations.createHistory)
    try db.execute(
      sql: "INSERT INTO \(Migrations.historyTable) (step, identifier) VALUES (1, ?)",
      arguments: [Migrations.v1])
    for (table, statement) in zip(
      ["awards", "enrolments", "funding_ledger"], SchemaV1.indexes)
    where try !hasLearnerIndex(db, table: table) {
      try db.execute(sql: statement)
    }
  }

  private static func hasLearnerIndex(_ db: Database, table: String) throws -> Bool {
    try db.indexes(on: table).contains { $0.columns.first == "learner_id" }
  }
}

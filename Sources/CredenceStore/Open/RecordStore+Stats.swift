import GRDB

extension RecordStore {
  /// The number of rows in each contract table, in contract order.
  public func rowCounts() throws -> [(table: String, rows: Int)] {
    try Self.wrapDatabaseErrors(name) {
      try reader.read { db in
        try Contract.tables.map { table in
          (table.name, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0)
        }
      }
    }
  }

  /// The identifiers of the schema steps recorded in the store, oldest first.
  ///
  /// Empty for a foreign database read as it is.
  public func appliedMigrations() throws -> [String] {
    try Self.wrapDatabaseErrors(name) {
      try reader.read { db in
        guard try db.tableExists(Migrations.historyTable) else { return [] }
        return try String.fetchAll(
          db, sql: "SELECT identifier FROM \(Migrations.historyTable) ORDER BY step")
      }
    }
  }

  /// The schema version this Credence writes (the number of schema steps it knows).
  public static var schemaVersion: Int { Migrations.currentVersion }
}

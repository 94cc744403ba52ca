import CredenceValues
import GRDB

/// What a database file turned out to be when Credence looked at it, before changing it.
enum StoreKind: Equatable {
  /// No tables at all: a new file, or one `credence db init` may fill.
  case empty
  /// A Credence store; `applied` lists its history, oldest first.
  case credence(applied: [String])
  /// A database with the contract's tables but no Credence history, made by another tool.
  case foreign
}

/// Reads a database's header and catalogue without writing, and says what kind it is.
enum StoreInspection {
  /// Classifies the database, or throws a worded error if it is not a store Credence can use.
  ///
  /// `name` is how errors refer to the file (its path as the user gave it).
  static func inspect(
    _ db: Database, name: String, known migrations: [SchemaMigration] = Migrations.all
  ) throws -> StoreKind {
    let applicationID: Int32
    let tables: Set<String>
    do {
      applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
      tables = Set(
        try String.fetchAll(
          db,
          sql:
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        ))
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError(
        .notAStore, "`\(name)` is not a Credence store: it is not an SQLite database",
        help: "pass the path of a store made by `credence db init`")
    }
    if applicationID != 0 && applicationID != SchemaV1.applicationID {
      throw StoreError(
        .notAStore,
        "`\(name)` is not a Credence store: it belongs to another application",
        help:
          "its SQLite application id is \(applicationID); Credence stores use \(SchemaV1.applicationID)"
      )
    }
    if tables.contains(Migrations.historyTable) {
      let applied = try String.fetchAll(
        db, sql: "SELECT identifier FROM \(Migrations.historyTable) ORDER BY step")
      let known = Set(migrations.map(\.identifier))
      if let unknown = applied.first(where: { !known.contains($0) }) {
        throw StoreError(
          .newerStore,
          "`\(name)` was written by a newer version of Credence (schema step `\(unknown)`)",
          help:
            "use a Credence at least as new as the one that last wrote this store; nothing was changed"
        )
      }
      return .credence(applied: applied)
    }
    if tables.isEmpty { return .empty }
    let contractTables = Contract.tables.map(\.name)
    if !contractTables.contains(where: tables.contains) {
      throw StoreError(
        .notAStore,
        "`\(name)` is not a Credence store: it has none of the tables `learners`, `credentials`, `awards`",
        help: "create a store with `credence db init`, or pass the path of one")
    }
    try verifyContractTables(db, name: name)
    return .foreign
  }

  /// Checks that every contract table and column exists; extra tables and columns are fine.
  static func verifyContractTables(_ db: Database, name: String) throws {
    for table in Contract.tables {
      guard try db.tableExists(table.name) else {
        throw StoreError(
          .contract, "`\(name)` has no table `\(table.name)`, which Credence needs",
          help: "a store made by another tool needs every table of the record contract (records.md)"
        )
      }
      let present = Set(try db.columns(in: table.name).map(\.name))
      for column in table.columns where !present.contains(column.name) {
        throw StoreError(
          .contract,
          "table `\(table.name)` in `\(name)` has no column `\(column.name)`, which Credence needs",
          help:
            "add the column as records.md defines it; Credence never changes another tool's tables")
      }
    }
  }

  /// Refuses a foreign database whose rows break a key of the contract: a key column that
  /// is NULL, or two rows with one key. Another tool's tables may lack the constraints, and
  /// a reader would then give one learner two contradictory results or pick one of two
  /// facts silently; adopting such a file would make it look like a valid store.
  static func verifyKeys(_ db: Database, name: String) throws {
    for table in Contract.tables {
      let key = table.primaryKey
      let columns = key.joined(separator: ", ")
      let null = key.map { "\($0) IS NULL" }.joined(separator: " OR ")
      if try Row.fetchOne(db, sql: "SELECT 1 FROM \(table.name) WHERE \(null) LIMIT 1") != nil {
        throw StoreError(
          .contract, "table `\(table.name)` in `\(name)` has a row without its key (\(columns))",
          help: "every row needs its key; remove or complete such rows in the other tool first")
      }
      let duplicate = try Row.fetchOne(
        db,
        sql: "SELECT \(columns) FROM \(table.name) GROUP BY \(columns) HAVING count(*) > 1 LIMIT 1")
      if let duplicate {
        let shown = key.map { column -> String in
          let value: DatabaseValue = duplicate[column]
          return (String.fromDatabaseValue(value) ?? value.description).escapingControlCharacters
        }.joined(separator: " / ")
        throw StoreError(
          .contract, "table `\(table.name)` in `\(name)` has two rows with the key `\(shown)`",
          help: "each \(key.joined(separator: " + ")) may appear once; merge or remove the "
            + "duplicates in the other tool first")
      }
    }
  }
}

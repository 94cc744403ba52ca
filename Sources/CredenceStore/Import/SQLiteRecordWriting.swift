import GRDB

/// Import writes into a SQLite store, inside the caller's write transaction.
final class SQLiteRecordWriting: RecordWriting {
  let db: Database
  private var insertStatements: [String: Statement] = [:]
  private var existsStatements: [String: Statement] = [:]

  init(_ db: Database) { self.db = db }

  func exists(_ table: String, _ column: String, _ key: String) throws -> Bool {
    let cacheKey = "\(table).\(column)"
    let statement: Statement
    if let cached = existsStatements[cacheKey] {
      statement = cached
    } else {
      statement = try db.makeStatement(
        sql: "SELECT 1 FROM \(table) WHERE \(column) = ? LIMIT 1")
      existsStatements[cacheKey] = statement
    }
    return try Int.fetchOne(statement, arguments: [key]) != nil
  }

  func insert(
    into table: Contract.Table, columns: [String], values: [DatabaseValue], orIgnore: Bool
  ) throws -> RowInsertion {
    let cacheKey =
      "\(orIgnore ? "ignore" : "insert") \(table.name) \(columns.joined(separator: ","))"
    let statement: Statement
    if let cached = insertStatements[cacheKey] {
      statement = cached
    } else {
      let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
      statement = try db.makeStatement(
        sql: "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \(table.name) "
          + "(\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
      insertStatements[cacheKey] = statement
    }
    do {
      try statement.execute(arguments: StatementArguments(values))
    } catch let error as DatabaseError {
      // Not the row's fault: `RecordStore.wrapDatabaseErrors` says what it is.
      if error.resultCode != .SQLITE_CONSTRAINT { throw error }
      return Self.outcome(error)
    }
    return db.changesCount > 0 ? .inserted : .keyTaken
  }

  func storedRow(
    in table: Contract.Table, columns: [String], key: [(column: String, value: DatabaseValue)]
  ) throws -> [DatabaseValue]? {
    let condition = key.map { "\($0.column) = ?" }.joined(separator: " AND ")
    guard
      let row = try Row.fetchOne(
        db,
        sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE \(condition)",
        arguments: StatementArguments(key.map(\.value)))
    else { return nil }
    return columns.indices.map { row[$0] as DatabaseValue }
  }

  func update(
    _ table: Contract.Table, columns: [String], values: [DatabaseValue],
    key: [(column: String, value: DatabaseValue)]
  ) throws -> String? {
    let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
    let condition = key.map { "\($0.column) = ?" }.joined(separator: " AND ")
    do {
      try db.execute(
        sql: "UPDATE \(table.name) SET \(assignments) WHERE \(condition)",
        arguments: StatementArguments(values + key.map(\.value)))
    } catch let error as DatabaseError {
      if error.resultCode != .SQLITE_CONSTRAINT { throw error }
      if case .brokenRule(let rule) = Self.outcome(error) { return rule }
      return error.message ?? "constraint failed"
    }
    return nil
  }

  private static func outcome(_ error: DatabaseError) -> RowInsertion {
    if error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
      || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
    {
      return .keyTaken
    }
    return .brokenRule(error.message ?? "constraint failed")
  }
}

import GRDB

/// The rows of one import, written inside its single transaction.
///
/// Checks each row's references before inserting it, so a dangling code is reported with
/// the file and line that holds it, and turns SQLite's constraint failures into worded
/// errors. Learner data never appears in a message; ids and codes do, since they are what
/// a person needs to find and fix the row.
final class ImportSession {
  let db: Database
  /// What to do with a row whose key is already stored.
  let policy: ImportConflictPolicy
  /// Rows inserted per table.
  private(set) var inserted: [String: Int] = [:]
  /// Rows already stored with the same values, passed over, per table.
  var unchanged: [String: Int] = [:]
  /// Stored rows overwritten with the imported values, per table.
  var replaced: [String: Int] = [:]
  private var insertStatements: [String: Statement] = [:]
  private var existsStatements: [String: Statement] = [:]

  init(db: Database, policy: ImportConflictPolicy) {
    self.db = db
    self.policy = policy
  }

  /// Whether `table` has a row whose `column` is `key`.
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

  /// Inserts one row with `INSERT` or (`orIgnore`) `INSERT OR IGNORE`; a plain insert whose
  /// key is already stored is settled by the conflict policy. Returns whether a row was
  /// added. `location` says where the row came from for error messages.
  @discardableResult
  func insert(
    into table: Contract.Table, columns: [String], values: [DatabaseValue],
    orIgnore: Bool = false, at location: String
  ) throws -> Bool {
    // Importers check ids and codes where they read them, to name the field; this catches
    // any text they pass on unchecked, so none reaches the store cut short at a NUL.
    for (column, value) in zip(columns, values) {
      guard case .string(let text) = value.storage,
        let problem = ImportValue.textProblem(text, isKey: table.isKey(column))
      else { continue }
      throw StoreError(
        .invalidInput, "column `\(column)` of `\(table.name)` is \(problem.explanation)",
        at: location)
    }
    for reference in table.references {
      guard let index = columns.firstIndex(of: reference.column),
        case .string(let key) = values[index].storage
      else { continue }
      if try !exists(reference.table, reference.targetColumn, key) {
        throw StoreError(
          .invalidInput,
          "`\(reference.column)` names `\(key)`, which `\(reference.table)` does not have",
          at: location,
          help: reference.table == "learners"
            ? "import the learner first (its row in `learners`)"
            : "add `\(key)` to the catalogue (`credentials`) first, or correct the code")
      }
    }
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
      if error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
        || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE,
        try settleConflict(table: table, columns: columns, values: values, at: location)
      {
        return false
      }
      throw describe(error, table: table, columns: columns, values: values, at: location)
    }
    let added = db.changesCount > 0
    if added { inserted[table.name, default: 0] += 1 }
    return added
  }

  func describe(
    _ error: DatabaseError, table: Contract.Table, columns: [String], values: [DatabaseValue],
    at location: String
  ) -> StoreError {
    switch error.extendedResultCode {
    case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
      let key = table.primaryKey.compactMap { column -> String? in
        guard let index = columns.firstIndex(of: column) else { return nil }
        return ColumnReader.text(values[index])
      }.joined(separator: ", ")
      return StoreError(
        .invalidInput, "duplicate key: `\(table.name)` already has a row `\(key)`", at: location,
        help: "each \(table.primaryKey.joined(separator: " + ")) may appear once; "
          + "the store keeps what was imported before (the import was told to refuse "
          + "stored keys; the default, `--on-conflict skip`, passes over identical rows)")
    default:
      return StoreError(
        .invalidInput,
        "the row breaks a rule of table `\(table.name)` (\(error.message ?? "constraint failed"))",
        at: location)
    }
  }
}

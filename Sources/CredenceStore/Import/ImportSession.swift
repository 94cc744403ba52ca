import GRDB

/// The rows of one import, written inside its single transaction through a store's
/// ``RecordWriting`` (SQLite or PostgreSQL: the checks and messages are the same).
///
/// Checks each row's references before inserting it, so a dangling code is reported with
/// the file and line that holds it, and turns the store's constraint failures into worded
/// errors. Learner data never appears in a message; ids and codes do, since they are what
/// a person needs to find and fix the row.
package final class ImportSession {
  let writer: any RecordWriting
  /// What to do with a row whose key is already stored.
  let policy: ImportConflictPolicy
  /// Rows inserted per table.
  private(set) var inserted: [String: Int] = [:]
  /// Rows already stored with the same values, passed over, per table.
  var unchanged: [String: Int] = [:]
  /// Stored rows overwritten with the imported values, per table.
  var replaced: [String: Int] = [:]

  package init(writer: any RecordWriting, policy: ImportConflictPolicy) {
    self.writer = writer
    self.policy = policy
  }

  /// Whether `table` has a row whose `column` is `key`.
  func exists(_ table: String, _ column: String, _ key: String) throws -> Bool {
    try writer.exists(table, column, key)
  }

  /// Inserts one row, or (`orIgnore`) passes over a row whose key is stored; a plain
  /// insert whose key is already stored is settled by the conflict policy. Returns whether
  /// a row was added. `location` says where the row came from for error messages.
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
    switch try writer.insert(into: table, columns: columns, values: values, orIgnore: orIgnore) {
    case .inserted:
      inserted[table.name, default: 0] += 1
      return true
    case .keyTaken where orIgnore:
      return false
    case .keyTaken:
      if try settleConflict(table: table, columns: columns, values: values, at: location) {
        return false
      }
      throw duplicateKey(table: table, columns: columns, values: values, at: location)
    case .brokenRule(let rule):
      throw brokenRule(rule, table: table, at: location)
    }
  }

  func duplicateKey(
    table: Contract.Table, columns: [String], values: [DatabaseValue], at location: String
  ) -> StoreError {
    let key = table.primaryKey.compactMap { column -> String? in
      guard let index = columns.firstIndex(of: column) else { return nil }
      return ColumnReader.text(values[index])
    }.joined(separator: ", ")
    return StoreError(
      .invalidInput, "duplicate key: `\(table.name)` already has a row `\(key)`", at: location,
      help: "each \(table.primaryKey.joined(separator: " + ")) may appear once; "
        + "the store keeps what was imported before (the import was told to refuse "
        + "stored keys; the default, `--on-conflict skip`, passes over identical rows)")
  }

  func brokenRule(_ rule: String, table: Contract.Table, at location: String) -> StoreError {
    StoreError(
      .invalidInput, "the row breaks a rule of table `\(table.name)` (\(rule))", at: location)
  }
}

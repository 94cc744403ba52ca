import GRDB

/// What an import does with a row whose primary key the store already has (stored before,
/// or imported earlier in the same run).
///
/// Whatever the policy, the import stays one transaction: a refused row leaves the store as
/// it was. Rows are compared on the columns the import supplies; a column the file does not
/// name is neither compared nor changed.
public enum ImportConflictPolicy: String, Sendable, CaseIterable {
  /// Pass over a row identical to the stored one; refuse a row that differs (the default: a
  /// nightly re-import of the same records is a no-op, and a changed record is never
  /// overwritten or dropped without being asked).
  case skip
  /// Pass over an identical row; overwrite a differing one with the imported values.
  case replace
  /// Refuse any row whose key is already stored, identical or not.
  case fail
}

extension ImportSession {
  /// Settles a key conflict under `policy`: returns `true` when the row was identical
  /// (counted as unchanged) or replaced, `false` when the conflict is not one this can
  /// settle (policy `fail`, a key the row does not supply, or no stored row under the key),
  /// and throws for a differing row under `skip`.
  func settleConflict(
    table: Contract.Table, columns: [String], values: [DatabaseValue], at location: String
  ) throws -> Bool {
    guard policy != .fail else { return false }
    var keyValues: [DatabaseValue] = []
    for column in table.primaryKey {
      guard let index = columns.firstIndex(of: column) else { return false }
      keyValues.append(values[index])
    }
    let keyCondition = table.primaryKey.map { "\($0) = ?" }.joined(separator: " AND ")
    guard
      let stored = try Row.fetchOne(
        db,
        sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) WHERE \(keyCondition)",
        arguments: StatementArguments(keyValues))
    else { return false }
    let differing = columns.indices.filter { index in
      (stored[index] as DatabaseValue) != values[index]
    }
    if differing.isEmpty {
      unchanged[table.name, default: 0] += 1
      return true
    }
    let key = keyValues.compactMap(ColumnReader.text).joined(separator: ", ")
    let names = differing.map { "`\(columns[$0])`" }.joined(separator: ", ")
    switch policy {
    case .skip, .fail:
      throw StoreError(
        .invalidInput,
        "`\(table.name)` already has a row `\(key)` that differs from this one in \(names)",
        at: location,
        help: "identical rows are passed over; to overwrite stored rows with imported ones, "
          + "import with `--on-conflict replace`")
    case .replace:
      let changed = differing.map { columns[$0] }
      let assignments = changed.map { "\($0) = ?" }.joined(separator: ", ")
      do {
        try db.execute(
          sql: "UPDATE \(table.name) SET \(assignments) WHERE \(keyCondition)",
          arguments: StatementArguments(differing.map { values[$0] } + keyValues))
      } catch let error as DatabaseError {
        throw describe(error, table: table, columns: columns, values: values, at: location)
      }
      replaced[table.name, default: 0] += 1
      return true
    }
  }
}

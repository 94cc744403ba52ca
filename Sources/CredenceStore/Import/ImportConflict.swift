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
    let key = zip(table.primaryKey, keyValues).map { (column: $0, value: $1) }
    guard let stored = try writer.storedRow(in: table, columns: columns, key: key)
    else { return false }
    let differing = columns.indices.filter { stored[$0] != values[$0] }
    if differing.isEmpty {
      unchanged[table.name, default: 0] += 1
      return true
    }
    let keyText = keyValues.compactMap(ColumnReader.text).joined(separator: ", ")
    let names = differing.map { "`\(columns[$0])`" }.joined(separator: ", ")
    switch policy {
    case .skip, .fail:
      throw StoreError(
        .invalidInput,
        "`\(table.name)` already has a row `\(keyText)` that differs from this one in \(names)",
        at: location,
        help: "identical rows are passed over; to overwrite stored rows with imported ones, "
          + "import with `--on-conflict replace`")
    case .replace:
      if let rule = try writer.update(
        table, columns: differing.map { columns[$0] }, values: differing.map { values[$0] },
        key: key)
      {
        throw brokenRule(rule, table: table, at: location)
      }
      replaced[table.name, default: 0] += 1
      return true
    }
  }
}

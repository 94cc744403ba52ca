import CredenceStore
import GRDB

/// Import writes into a PostgreSQL store, inside the import's transaction.
///
/// Values go as text, cast to the column's type in the SQL. An insert never fails on a
/// stored key (`ON CONFLICT DO NOTHING`, then the row count says whether it was added): a
/// failed statement would end the whole PostgreSQL transaction, while the import still has
/// to compare the stored row and go on.
final class PostgresRecordWriting: RecordWriting {
  let session: PostgresSession

  init(_ session: PostgresSession) { self.session = session }

  func exists(_ table: String, _ column: String, _ key: String) throws -> Bool {
    try !session.query("SELECT 1 FROM \(table) WHERE \(column) = $1::text LIMIT 1", [key])
      .isEmpty
  }

  func insert(
    into table: Contract.Table, columns: [String], values: [DatabaseValue], orIgnore: Bool
  ) throws -> RowInsertion {
    var names = columns
    var placeholders = columns.indices.map { index in
      "$\(index + 1)::\(Self.type(table, columns[index]))"
    }
    if table.keyIsAssigned, let key = table.primaryKey.first, !columns.contains(key) {
      // The next id, as SQLite assigns an INTEGER PRIMARY KEY left out (writers hold the
      // store's lock, so two imports do not pick the same one).
      names.insert(key, at: 0)
      placeholders.insert("(SELECT coalesce(max(\(key)), 0) + 1 FROM \(table.name))", at: 0)
    }
    do {
      let added = try session.execute(
        "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) "
          + "VALUES (\(placeholders.joined(separator: ", "))) ON CONFLICT DO NOTHING",
        try values.map(Self.text))
      return added > 0 ? .inserted : .keyTaken
    } catch let failure as PostgresFailure {
      if let rule = Self.brokenRule(failure) { return .brokenRule(rule) }
      throw failure
    }
  }

  func storedRow(
    in table: Contract.Table, columns: [String], key: [(column: String, value: DatabaseValue)]
  ) throws -> [DatabaseValue]? {
    let condition = key.enumerated().map { index, part in
      "\(part.column) = $\(index + 1)::\(Self.type(table, part.column))"
    }.joined(separator: " AND ")
    guard
      let row = try session.query(
        "SELECT \(columns.map { "\($0)::text" }.joined(separator: ", ")) FROM \(table.name) "
          + "WHERE \(condition)", try key.map { try Self.text($0.value) }
      ).first
    else { return nil }
    return try columns.indices.map { index in
      guard let text = try row.text(index) else { return .null }
      return Self.importForm(text, table.column(columns[index])?.kind ?? .text)
    }
  }

  func update(
    _ table: Contract.Table, columns: [String], values: [DatabaseValue],
    key: [(column: String, value: DatabaseValue)]
  ) throws -> String? {
    let assignments = columns.enumerated().map { index, column in
      "\(column) = $\(index + 1)::\(Self.type(table, column))"
    }
    let condition = key.enumerated().map { index, part in
      "\(part.column) = $\(columns.count + index + 1)::\(Self.type(table, part.column))"
    }
    do {
      try session.execute(
        "UPDATE \(table.name) SET \(assignments.joined(separator: ", ")) "
          + "WHERE \(condition.joined(separator: " AND "))",
        try (values + key.map(\.value)).map(Self.text))
    } catch let failure as PostgresFailure {
      if let rule = Self.brokenRule(failure) { return rule }
      throw failure
    }
    return nil
  }

  // MARK: Values

  /// The column's PostgreSQL type, for the cast of its parameter.
  static func type(_ table: Contract.Table, _ column: String) -> String {
    table.column(column).map(PostgresSchema.type(of:)) ?? "text"
  }

  /// An importer's value as a text parameter.
  static func text(_ value: DatabaseValue) throws -> String? {
    switch value.storage {
    case .null: return nil
    case .string(let text): return text
    case .int64(let integer): return String(integer)
    case .double(let double): return "\(double)"
    case .blob:
      throw StoreError(.invalidInput, "binary data cannot be stored in a PostgreSQL store")
    }
  }

  /// A stored value's text as the importers give it: exact numbers as an integer when
  /// written without a point, whole numbers as integers, the rest as text.
  static func importForm(_ text: String, _ kind: Contract.Kind) -> DatabaseValue {
    switch kind {
    case .decimal:
      if !text.utf8.contains(UInt8(ascii: ".")), let integer = Int64(text) {
        return integer.databaseValue
      }
      return text.databaseValue
    case .integer:
      return Int64(text).map(\.databaseValue) ?? text.databaseValue
    default:
      return text.databaseValue
    }
  }

  /// The wording of a broken `CHECK` or `NOT NULL` (class 23, not a key), if that is what
  /// failed.
  static func brokenRule(_ failure: PostgresFailure) -> String? {
    guard let state = failure.sqlState, state.hasPrefix("23"), state != "23505" else {
      return nil
    }
    return failure.serverMessage ?? failure.error.message
  }
}

import CredenceValues
import GRDB

/// A row whose reference (`learner_id`, `credential_code`) names a row that does not exist.
///
/// Evaluation reads a learner's rows through the learner, so an award of a learner who is not
/// in `learners` is never seen: without this check it would be lost without a word.
public struct BrokenReference: Sendable, Equatable, CustomStringConvertible {
  /// The table holding the row, e.g. `awards`.
  public let table: String
  /// The row's primary key as text (column order), which finds it again in any SQL tool.
  public let key: String
  /// The referring column, e.g. `learner_id`.
  public let column: String
  /// The table the column should name a row of, e.g. `learners`.
  public let referencedTable: String
  /// The value that names no row (an identifier, never personal data).
  public let value: String

  public var description: String {
    "`\(table)` row `\(key.escapingControlCharacters)`: `\(column)` "
      + "`\(value.escapingControlCharacters)` is not in `\(referencedTable)`: "
      + "add the missing row or delete this one"
  }
}

/// Every broken reference's count, and the first few in full.
public struct BrokenReferences: Sendable, Equatable {
  public var count = 0
  public var first: [BrokenReference] = []
}

extension RecordStore {
  /// The rows whose contract references (records.md's `REFERENCES`) name no row. The
  /// contract decides, not the file's declarations: a foreign database may lack them, and
  /// other tools may write with SQLite's foreign-key check off.
  ///
  /// Counts all of them and keeps the first `keeping`, table by table in contract order and
  /// by key within a table.
  public func brokenReferences(keeping: Int) throws -> BrokenReferences {
    try Self.wrapDatabaseErrors(name) {
      try reader.read { db in
        var found = BrokenReferences()
        for table in Contract.tables {
          for reference in table.references {
            let missing = Self.missingReferenceCondition(table, reference)
            found.count +=
              try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name) WHERE \(missing)")
              ?? 0
            let room = keeping - found.first.count
            guard room > 0 else { continue }
            let key = table.primaryKey.map { "CAST(\($0) AS TEXT)" }
              .joined(separator: " || ', ' || ")
            let rows = try Row.fetchAll(
              db,
              sql: """
                SELECT \(key), CAST(\(reference.column) AS TEXT) FROM \(table.name)
                WHERE \(missing) ORDER BY \(table.primaryKey.joined(separator: ", ")) LIMIT ?
                """, arguments: [room])
            for row in rows {
              found.first.append(
                BrokenReference(
                  table: table.name, key: row[0] ?? "", column: reference.column,
                  referencedTable: reference.table, value: row[1] ?? ""))
            }
          }
        }
        return found
      }
    }
  }

  /// SQL true for a row of `table` whose `reference` column names no row (a NULL names
  /// nothing and is the contract check's business, not this one's).
  static func missingReferenceCondition(_ table: Contract.Table, _ reference: Contract.Reference)
    -> String
  {
    "\(reference.column) IS NOT NULL AND \(reference.column) NOT IN "
      + "(SELECT \(reference.targetColumn) FROM \(reference.table) "
      + "WHERE \(reference.targetColumn) IS NOT NULL)"
  }
}

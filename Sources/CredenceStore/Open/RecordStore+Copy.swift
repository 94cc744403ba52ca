import CredenceValues
import GRDB

/// The raw rows of a store, for `credence db copy`: every contract column as stored, no
/// decoding, so a copy carries exactly what the source holds.
extension RecordStore {
  /// Every row of `table`, its contract columns in contract order, in primary-key order,
  /// `batchSize` rows at a time, all from one read transaction.
  package func forEachRowBatch(
    of table: Contract.Table, batchSize: Int, _ body: ([[DatabaseValue]]) throws -> Void
  ) throws {
    try Self.wrapDatabaseErrors(name) {
      try reader.read { db in
        let columns = table.columns.map(\.name)
        let cursor = try Row.fetchCursor(
          db,
          sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) "
            + "ORDER BY \(table.primaryKey.joined(separator: ", "))")
        var batch: [[DatabaseValue]] = []
        batch.reserveCapacity(batchSize)
        while let row = try cursor.next() {
          batch.append(columns.indices.map { row[$0] as DatabaseValue })
          if batch.count >= batchSize {
            try body(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
        if !batch.isEmpty { try body(batch) }
      }
    }
  }

  /// Fills this store in one transaction: `body` gets a function inserting rows (contract
  /// columns in contract order) into a table. Refuses a store that already holds records,
  /// and leaves the store as it was when `body` throws.
  package func fillEmpty(
    _ body: ((Contract.Table, [[DatabaseValue]]) throws -> Void) throws -> Void
  ) throws {
    _ = try writeTransaction { db in
      for table in Contract.tables
      where try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0 > 0 {
        throw StoreError(
          .invalidInput, "`\(name)` already holds records (table `\(table.name)`)",
          help: "copy into a new store (`credence db init` makes one); "
            + "`credence db import` merges records into a store that has some")
      }
      try body { table, rows in
        let columns = table.columns.map(\.name)
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(
          sql: "INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
        for row in rows { try statement.execute(arguments: StatementArguments(row)) }
      }
    }
  }
}

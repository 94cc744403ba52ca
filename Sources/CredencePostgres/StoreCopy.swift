import CredenceStore
import CredenceValues
import GRDB

/// `credence db copy SRC DST`: every row of every contract table, from a SQLite or
/// PostgreSQL store into an empty one of either kind, in one transaction on the destination.
///
/// Values are carried as they are: text and whole numbers unchanged, exact numbers and dates
/// through their text (PostgreSQL's `numeric` and `date` from and to the contract's decimal
/// and ISO texts; a decimal written without a point is an INTEGER in SQLite, as imports
/// store it). A value the destination's types refuse (a SQLite date that is no date) stops
/// the copy, naming the table; nothing is written.
public enum StoreCopy {
  /// One end of a copy.
  public enum End: Sendable {
    case sqlite(path: String)
    case postgres(PostgresRecordStore)
  }

  /// Rows read and written per round trip.
  static let batchSize = 1_000

  /// Copies every row; returns the rows copied per table, in contract order.
  public static func copy(from source: End, to destination: End) throws -> [(
    table: String, rows: Int
  )] {
    var counts: [(table: String, rows: Int)] = []
    try fill(destination) { insert in
      for table in Contract.tables {
        var rows = 0
        try forEachBatch(source, table) { batch in
          rows += batch.count
          try insert(table, batch)
        }
        counts.append((table.name, rows))
      }
    }
    return counts
  }

  // MARK: Reading

  private static func forEachBatch(
    _ end: End, _ table: Contract.Table, _ body: ([[DatabaseValue]]) throws -> Void
  ) throws {
    switch end {
    case .sqlite(let path):
      let store = try RecordStore.openForReading(at: path, parallelReads: false)
      defer { try? store.close() }
      try store.forEachRowBatch(of: table, batchSize: batchSize, body)
    case .postgres(let store):
      try PostgresFailure.unwrapping {
        let session = try PostgresSession(store.location, readOnly: true)
        defer { session.close() }
        try PostgresSchema.verifyCurrent(session)
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { _ = try? session.execute("ROLLBACK") }
        let columns = table.columns.map(\.name)
        try session.execute(
          "DECLARE copy_rows NO SCROLL CURSOR FOR SELECT "
            + PostgresRows.selectList(table, columns: columns) + " FROM \(table.name) "
            + "ORDER BY \(table.primaryKey.joined(separator: ", "))")
        while true {
          let rows = try session.query("FETCH \(batchSize) FROM copy_rows")
          if rows.isEmpty { return }
          try body(
            try rows.map { row in
              try zip(PostgresRows.values(row), table.columns).map { value, column in
                guard case .string(let text) = value.storage, column.kind == .decimal else {
                  return value
                }
                return PostgresRecordWriting.importForm(text, column.kind)
              }
            })
        }
      }
    }
  }

  // MARK: Writing

  private static func fill(
    _ end: End, _ body: ((Contract.Table, [[DatabaseValue]]) throws -> Void) throws -> Void
  ) throws {
    switch end {
    case .sqlite(let path):
      let store = try RecordStore.openForWriting(at: path, create: true)
      defer { try? store.close() }
      _ = try store.prepareSchema()
      try store.fillEmpty(body)
    case .postgres(let store):
      _ = try store.prepareSchema()
      try store.writeTransaction { session in
        for table in Contract.tables {
          if try !session.query("SELECT 1 FROM \(table.name) LIMIT 1").isEmpty {
            throw StoreError(
              .invalidInput,
              "`\(store.location)` already holds records (table `\(table.name)`)",
              help: "copy into a new store (`credence db init` makes one); "
                + "`credence db import` merges records into a store that has some")
          }
        }
        try body { table, rows in try insert(rows, into: table, session) }
      }
    }
  }

  /// Inserts `rows` with multi-row `INSERT`s (PostgreSQL takes at most 65,535 parameters).
  private static func insert(
    _ rows: [[DatabaseValue]], into table: Contract.Table, _ session: PostgresSession
  ) throws {
    let columns = table.columns
    let perStatement = max(1, min(rows.count, 60_000 / columns.count))
    var start = 0
    while start < rows.count {
      let chunk = rows[start..<min(rows.count, start + perStatement)]
      var tuples: [String] = []
      var binds: [String?] = []
      binds.reserveCapacity(chunk.count * columns.count)
      for row in chunk {
        var marks: [String] = []
        for (value, column) in zip(row, columns) {
          binds.append(try text(value, table, column))
          marks.append("$\(binds.count)::\(PostgresSchema.type(of: column))")
        }
        tuples.append("(" + marks.joined(separator: ", ") + ")")
      }
      do {
        try session.execute(
          "INSERT INTO \(table.name) (\(columns.map(\.name).joined(separator: ", "))) VALUES "
            + tuples.joined(separator: ", "), binds)
      } catch let failure as PostgresFailure {
        throw StoreError(
          .invalidInput,
          "table `\(table.name)` holds a value PostgreSQL's types refuse: "
            + (failure.serverMessage ?? failure.error.message),
          help: "`credence db stats --check` names the rows that break the contract")
      }
      start += chunk.count
    }
  }

  /// A stored value as the text parameter of its column: a REAL (another tool's) through
  /// its shortest round-trip decimal.
  private static func text(
    _ value: DatabaseValue, _ table: Contract.Table, _ column: Contract.Column
  )
    throws -> String?
  {
    switch value.storage {
    case .null: return nil
    case .string(let text): return text
    case .int64(let integer): return String(integer)
    case .double(let double):
      return ExactDecimal(shortestRoundTrip: double)?.description ?? "\(double)"
    case .blob:
      throw StoreError(
        .invalidInput,
        "column `\(column.name)` of `\(table.name)` holds binary data, which no contract column takes"
      )
    }
  }
}

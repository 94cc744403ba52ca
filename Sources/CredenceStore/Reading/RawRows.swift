import GRDB
import GRDBSQLite

/// A SELECT stepped through SQLite's C API, its columns read in place by ``ColumnReader``.
///
/// Streaming millions of learners reads tens of millions of columns; GRDB's `Row` and
/// `DatabaseValue` decode each through generic code, which costs more than the read. The
/// GRDB `Statement` still owns the handle, and the read runs inside GRDB's transaction.
struct RawRows {
  private let statement: Statement
  let handle: OpaquePointer
  private let db: Database
  private var finished = false

  init(_ db: Database, sql: String, arguments: StatementArguments) throws {
    self.db = db
    statement = try db.makeStatement(sql: sql)
    try statement.setArguments(arguments)
    handle = statement.sqliteStatement
    sqlite3_reset(handle)
  }

  /// Steps to the next row: `false` at the end.
  mutating func next() throws -> Bool {
    if finished { return false }
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW:
      return true
    case SQLITE_DONE:
      finished = true
      sqlite3_reset(handle)
      return false
    default:
      finished = true
      let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
      sqlite3_reset(handle)
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
  }
}

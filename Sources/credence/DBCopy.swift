import ArgumentParser
import CredencePostgres
import CredenceStore

/// `credence db copy SRC DST`: every record from one store into a new one, SQLite or
/// PostgreSQL either way.
struct DBCopy: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract: "Copy every record from one store into an empty one (SQLite or PostgreSQL).",
    discussion: """
      Each store is a SQLite file or a postgres:// URL (the password from PGPASSWORD or \\
      ~/.pgpass). The destination is created (schema included) when it does not exist, and \\
      must hold no records. Every row of every contract table is copied as stored, in one \\
      transaction on the destination: exact numbers keep their digits, dates their days; a \\
      value the destination's types refuse stops the copy and nothing is written.
      """
  )

  @Argument(help: "The store to copy from.")
  var source: String

  @Argument(help: "The store to copy into.")
  var destination: String

  func run() throws {
    try DBSupport.run {
      func end(_ db: String) throws -> StoreCopy.End {
        RecordStores.isPostgres(db) ? .postgres(try RecordStores.postgres(db)) : .sqlite(path: db)
      }
      let counts = try StoreCopy.copy(from: try end(source), to: try end(destination))
      let rows = counts.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
      Terminal.printLine(
        "copied `\(RecordStores.displayName(source))` into "
          + "`\(RecordStores.displayName(destination))`: \(rows)")
    }
  }
}

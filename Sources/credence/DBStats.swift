import ArgumentParser
import CredenceStore

/// `credence db stats DB`: row counts per table.
struct DBStats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Print the number of rows in each table of a learner-record store."
  )

  @Argument(help: "The SQLite database file.")
  var database: String

  func run() throws {
    try DBSupport.run {
      let store = try RecordStore.openForReading(at: database)
      let counts = try store.rowCounts()
      try store.close()
      let width = counts.map(\.table.count).max() ?? 0
      for (table, rows) in counts {
        let padding = String(repeating: " ", count: width - table.count)
        print("\(table)\(padding)  \(rows)")
      }
    }
  }
}

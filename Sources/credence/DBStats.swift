import ArgumentParser
import Credence
import CredenceStore

/// `credence db stats DB`: row counts per table.
struct DBStats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Print the number of rows in each table of a learner-record store."
  )

  @Argument(help: "The SQLite database file, or a postgres:// URL.")
  var database: String

  @Flag(
    help: """
      Also read every learner as policies see them and report rows that break the record \
      contract, and rows naming a learner or credential the store lacks (first \
      \(Self.errorsShown) of each shown).
      """)
  var check = false

  /// How many contract errors `--check` prints; the count covers all of them.
  static let errorsShown = 20

  /// Learners read per batch by `--check`.
  static let checkBatchSize = 1_000

  func run() throws {
    try DBSupport.run {
      if RecordStores.isPostgres(database) {
        // Keys and references are enforced by PostgreSQL itself: no row names a missing one.
        let store = try RecordStores.postgres(database)
        printCounts(try store.rowCounts())
        if check { try checkLearners(try store.recordSource(), broken: nil) }
        return
      }
      let store = try RecordStore.openForReading(at: database)
      printCounts(try store.rowCounts())
      if check { try checkLearners(store.recordSource, broken: store) }
      try store.close()
    }
  }

  private func printCounts(_ counts: [(table: String, rows: Int)]) {
    let width = counts.map(\.table.count).max() ?? 0
    for (table, rows) in counts {
      let padding = String(repeating: " ", count: width - table.count)
      Terminal.printLine("\(table)\(padding)  \(rows)")
    }
  }

  /// Streams every learner through the record source, counting contract errors.
  private func checkLearners(_ source: any RecordSource, broken store: RecordStore?) throws {
    var learners = 0
    var invalid = 0
    var shown: [String] = []
    try source.forEachBatch(batchSize: Self.checkBatchSize) { batch in
      for record in batch {
        learners += 1
        guard case .invalid(let id, let errors) = record else { continue }
        invalid += 1
        for error in errors where shown.count < Self.errorsShown {
          shown.append("learner `\(id.text.escapingControlCharacters)`: \(error)")
        }
      }
    }
    Terminal.printLine(
      "read \(learners) learners: \(learners - invalid) valid, \(invalid) with contract errors")
    for line in shown { Terminal.printLine("  \(line)") }
    guard let store else {
      if invalid > 0 { throw ExitStatus.dataError.exitCode }
      return
    }
    let broken = try store.brokenReferences(keeping: Self.errorsShown)
    if broken.count > 0 {
      let rows = broken.count == 1 ? "1 row refers" : "\(broken.count) rows refer"
      Terminal.printLine("\(rows) to a learner or credential that is not in the store")
      for reference in broken.first { Terminal.printLine("  \(reference)") }
    }
    if invalid > 0 || broken.count > 0 { throw ExitStatus.dataError.exitCode }
  }
}

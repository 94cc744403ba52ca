import ArgumentParser
import CredenceStore

/// `credence db init DB`: create a store, or bring an existing one up to date.
struct DBInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a learner-record store, or upgrade or adopt an existing database.",
    discussion: """
      A new or empty file gets schema v\(RecordStore.schemaVersion). An older Credence store \
      is upgraded in place, in one transaction. A database made by another tool that has the \
      record contract's tables is checked and adopted. Anything else is refused unchanged.
      """
  )

  @Argument(help: "The SQLite database file, or a postgres:// URL.")
  var database: String

  func run() throws {
    try DBSupport.run {
      let preparation: RecordStore.Preparation
      let database = RecordStores.displayName(self.database)
      if RecordStores.isPostgres(self.database) {
        preparation = try RecordStores.postgres(self.database).prepareSchema()
      } else {
        let store = try RecordStore.openForWriting(at: database, create: true)
        preparation = try store.prepareSchema()
        try store.close()
      }
      switch preparation {
      case .created:
        Terminal.printLine("created `\(database)` (schema v\(RecordStore.schemaVersion))")
      case .upgraded(let steps):
        Terminal.printLine(
          "upgraded `\(database)` to schema v\(RecordStore.schemaVersion) (\(steps.joined(separator: ", ")))"
        )
      case .adopted:
        Terminal.printLine(
          "adopted `\(database)`: its tables match the record contract (schema v1 recorded)")
      case .current:
        Terminal.printLine("`\(database)` is already at schema v\(RecordStore.schemaVersion)")
      }
    }
  }
}

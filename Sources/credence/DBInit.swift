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

  @Argument(help: "The SQLite database file.")
  var database: String

  func run() throws {
    try DBSupport.run {
      let store = try RecordStore.openForWriting(at: database, create: true)
      let preparation = try store.prepareSchema()
      try store.close()
      switch preparation {
      case .created:
        print("created `\(database)` (schema v\(RecordStore.schemaVersion))")
      case .upgraded(let steps):
        print(
          "upgraded `\(database)` to schema v\(RecordStore.schemaVersion) (\(steps.joined(separator: ", ")))"
        )
      case .adopted:
        print("adopted `\(database)`: its tables match the record contract (schema v1 recorded)")
      case .current:
        print("`\(database)` is already at schema v\(RecordStore.schemaVersion)")
      }
    }
  }
}

import ArgumentParser

/// `credence db`: create, fill and inspect a learner-record store.
struct DB: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Create, fill and inspect a learner-record store (SQLite).",
    subcommands: [DBInit.self, DBImport.self, DBStats.self, DBSample.self]
  )
}

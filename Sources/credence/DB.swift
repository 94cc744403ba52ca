import ArgumentParser

/// `credence db`: create, fill and inspect a learner-record store.
struct DB: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Create, fill and inspect a learner-record store (SQLite or PostgreSQL).",
    subcommands: [DBInit.self, DBImport.self, DBCopy.self, DBStats.self, DBSample.self]
  )
}

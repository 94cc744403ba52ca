import ArgumentParser

/// The `credence` command: one file per subcommand, exit codes from `ExitStatus`.
@main
struct CredenceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "credence",
    abstract: "Check and evaluate micro-credential policies against learner records.",
    version: "0.1.0",
    subcommands: [Check.self, Eval.self, Test.self, Doc.self, Fmt.self, DB.self, Repl.self]
  )
}

import ArgumentParser

/// The `credence` command: one file per subcommand, exit codes from `ExitStatus`.
///
/// Synchronous on purpose: no command awaits anything, and an async entry point starts the
/// concurrency runtime and runs the command on a worker thread, which process start pays for
/// (docs/performance.md). Every subcommand names itself (`commandName`): without it the
/// parser spells each type's name through reflection at every start.
struct CredenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "credence",
    abstract: "Check and evaluate micro-credential policies against learner records.",
    version: "0.1.0",
    subcommands: [Check.self, Eval.self, Path.self, Test.self, Doc.self, Fmt.self, DB.self, Repl.self]
  )
}

/// The entry point: the common `eval` command lines are read without the argument parser
/// (`Eval.quickParse`); everything else, and every error, goes through it.
@main
enum CredenceMain {
  static func main() {
    guard let eval = Eval.quickParse(Array(CommandLine.arguments.dropFirst())) else {
      CredenceCommand.main()
      return
    }
    do {
      try eval.run()
    } catch {
      // What `CredenceCommand.main()` does with an error the command throws.
      CredenceCommand.exit(withError: error)
    }
  }
}

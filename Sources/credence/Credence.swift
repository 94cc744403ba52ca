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
    subcommands: [
      Check.self, Eval.self, Path.self, Diff.self, Test.self, Doc.self, Fmt.self, DB.self, Repl.self, Lsp.self,
      Serve.self,
    ]
  )
}

/// The entry point: the allocator is tuned before any thread is made (`MemoryTuning`), then
/// output errors are watched for at exit (`Terminal`), then the argument parser reads the
/// command line.
@main
enum CredenceMain {
  static func main() {
    MemoryTuning.apply()
    Terminal.watchBufferedStreamsAtExit()
    CredenceCommand.main()
  }
}

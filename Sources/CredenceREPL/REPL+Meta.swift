import Credence

extension REPL {
  /// The meta-commands, with their help line; names are completed on Tab.
  public static let metaCommands: [(name: String, help: String)] = [
    (":help", "this list"),
    (":load PATH…", "load policy files or folders"),
    (":reload", "read the loaded files again, keeping the session"),
    (":learner ID", "make a learner from the database the current learner"),
    (":learner given …", "a learner written inline, as a `test` writes one (see docs/language.md)"),
    (":learners [PREFIX]", "learner ids in the database (starting with PREFIX), with the count"),
    (":as-of DATE", "evaluate on DATE (YYYY-MM-DD)"),
    (":why NAME", "explain a decision for the current learner"),
    (
      ":what-if +award CODE…",
      "what changes for the current learner with these awards (CODE[:DATE[:GRADE]])"
    ),
    (
      ":path TARGET [options]",
      "the best paths from the current learner to a stack (or an equivalence, --credits N)"
    ),
    (":type EXPR", "the type of an expression, without evaluating it"),
    (":doc NAME", "the documentation of a definition"),
    (":decisions", "the decisions of the loaded policies"),
    (":quit", "leave (Ctrl-D does too)"),
  ]

  /// The meta-commands' names, for completion (`:q` is left out: `:quit` completes).
  public static var metaCommandNames: [String] {
    var seen: Set<String> = []
    return metaCommands.map { String($0.name.prefix { !$0.isWhitespace }) }
      .filter { seen.insert($0).inserted }
  }

  /// Runs a meta-command; false when the REPL should stop.
  func meta(_ line: String) -> Bool {
    let command = String(line.prefix { !$0.isWhitespace })
    let argument = String(line.dropFirst(command.count)).trimmingWhitespace
    switch command {
    case ":quit", ":q":
      return false
    case ":help":
      let width = REPL.metaCommands.map(\.name.count).max() ?? 0
      for entry in REPL.metaCommands {
        write(
          entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.help + "\n")
      }
      write(
        """
        Anything else is an expression (printed with its type) or a declaration; unfinished
        input continues on `...>` (a blank line ends a block). Tab completes commands, names,
        fields after `.` and learner ids; Ctrl-C drops the input or stops an evaluation.

        """)
    case ":load":
      guard !argument.isEmpty else {
        write("error: `:load` needs a path\n")
        break
      }
      write(session.load(argument.split(separator: " ").map(String.init)))
    case ":reload":
      write(session.reload())
    case ":as-of":
      guard let date = CredenceValues.CivilDate(parsing: argument) else {
        write("error: `\(argument)` is not a date; write it as YYYY-MM-DD\n")
        break
      }
      session.asOf = date
      write("as of \(date)\n")
    case ":type":
      write(session.typeOf(argument))
    case ":decisions":
      write(session.decisionList())
    case ":doc":
      write(session.documentation(of: argument))
    case ":learner":
      write(session.selectLearner(argument))
    case ":what-if":
      write(session.whatIf(argument))
    case ":path":
      write(session.path(argument))
    case ":learners":
      write(session.listLearners(argument))
    case ":why":
      write(session.why(argument))
    default:
      write("error: unknown command `\(command)`; `:help` lists the commands\n")
    }
    return true
  }
}

extension Session {
  /// The decisions of the program, one a line: `stack name "title"`.
  func decisionList() -> String {
    guard let policies else { return "no policies loaded\n" }
    let names = policies.decisionSummaries.map { "\($0.kind.rawValue) \($0.name)  \($0.title)" }
    return names.isEmpty ? "no decisions\n" : names.joined(separator: "\n") + "\n"
  }

  /// The `##` documentation of a definition.
  func documentation(of name: String) -> String {
    guard let lines = policies?.documentation(of: name) else {
      return "error: nothing is named `\(name)`\n"
    }
    return lines.isEmpty ? "`\(name)` has no documentation\n" : lines.joined(separator: "\n") + "\n"
  }

  /// The explanation of a decision for the current learner.
  func why(_ name: String) -> String {
    guard let policies else { return "no policies loaded\n" }
    guard let results = evaluator(policies).explain(decision: name, for: learner, given: givenFacts)
    else {
      return "error: no decision is named `\(name)`; `:decisions` lists them\n"
    }
    if cancellation.isCancelled { return interruptible { "" } }
    var out = ""
    // The one renderer `eval --explain` uses, so both print the same text.
    for result in completed(results, policies) {
      out += ExplanationText.lines(result).joined(separator: "\n") + "\n"
    }
    return out
  }
}

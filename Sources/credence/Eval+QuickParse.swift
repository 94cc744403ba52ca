import ArgumentParser
import Credence

extension Eval {
  /// The options `quickParse` reads, each taking the next argument as its value.
  static let quickValueOptions: Set<String> = [
    "--db", "--learner", "--as-of", "--decision", "--format", "--with-award",
  ]
  /// Of those, the ones given at most once (the others repeat).
  static let quickSingleOptions: Set<String> = ["--db", "--as-of", "--format"]
  /// The flags `quickParse` reads.
  static let quickFlags: Set<String> = ["--all", "--explain", "--what-if"]

  /// The command for `arguments` (those after the program's name) when they are a plain
  /// `eval` that the argument parser would read the same way and accept; `nil` for
  /// anything else, which then goes through the argument parser (help, `--name=value`,
  /// `--`, unknown or repeated options, a value that looks like an option, a missing
  /// value, a failed validation), so that every error and help text stays its own.
  ///
  /// The argument parser builds its view of every command by reflection at each start,
  /// about a sixth of the instructions of `eval --learner` (docs/performance.md); the
  /// common form of the command needs none of it.
  static func quickParse(_ arguments: [String]) -> Eval? {
    guard arguments.first == "eval" else { return nil }
    var paths: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var index = 1
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("-") else {
        // `help` could be read as the help command; leave it to the parser.
        if argument == "help" { return nil }
        paths.append(argument)
        continue
      }
      if quickFlags.contains(argument) {
        guard flags.insert(argument).inserted else { return nil }
        continue
      }
      guard quickValueOptions.contains(argument), index < arguments.count,
        !arguments[index].hasPrefix("-")
      else { return nil }
      if quickSingleOptions.contains(argument), values[argument] != nil { return nil }
      values[argument, default: []].append(arguments[index])
      index += 1
    }
    guard !paths.isEmpty, let db = values["--db"]?.first else { return nil }
    var format = ResultFormat.table
    if let text = values["--format"]?.first {
      guard let chosen = ResultFormat(argument: text) else { return nil }
      format = chosen
    }
    // Every property is set: one left in its declared state cannot be read.
    var eval = Eval()
    eval.paths = paths
    eval.db = db
    eval.learners = values["--learner"] ?? []
    eval.all = flags.contains("--all")
    eval.asOf = values["--as-of"]?.first
    eval.decisions = values["--decision"] ?? []
    eval.explain = flags.contains("--explain")
    eval.format = format
    eval.whatIf = flags.contains("--what-if")
    eval.withAwards = values["--with-award"] ?? []
    do {
      try eval.validate()
    } catch {
      return nil
    }
    return eval
  }
}

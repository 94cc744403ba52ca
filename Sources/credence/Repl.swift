import ArgumentParser
import Credence
import CredenceREPL
import CredenceStore
import Foundation

/// `credence repl [POLICIES…] [--db DB] [--as-of DATE]`: explore policies and learners.
struct Repl: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "Explore policies and learners interactively.",
    discussion: """
      Type expressions (printed with their type), declarations, or meta-commands \
      (`:help` lists them: :learner ID, :learner given …, :learners, :why, :what-if, …). \
      Tab completes commands, names, fields and learner ids; Ctrl-C drops the input or stops \
      an evaluation; Ctrl-D on an empty line leaves (status 0). When standard input is not a \
      terminal, lines are read plainly, without prompts, so `credence repl < session.txt` \
      works.
      """
  )

  @Argument(help: "Policy files or folders to load.")
  var paths: [String] = []

  @Option(help: "The learner records database (for `:learner ID`, `:learners`, `:path`).")
  var db: String?

  @Option(help: "The evaluation date, YYYY-MM-DD (today when not given).")
  var asOf: String?

  @Option(help: "The history file (default: $CREDENCE_HISTORY or ~/.credence_history).")
  var history: String?

  func run() throws {
    let date: CivilDate
    if let asOf {
      guard let parsed = CivilDate(parsing: asOf) else {
        Terminal.printError("error: `\(asOf)` is not a date; write it as YYYY-MM-DD")
        throw ExitStatus.usage.exitCode
      }
      date = parsed
    } else if let today = Repl.today() {
      date = today
    } else {
      Terminal.printError("error: today's date is unavailable; give one with `--as-of`")
      throw ExitStatus.usage.exitCode
    }
    var records: (any StoreRecordSource)?
    if let db {
      do {
        records = try RecordStores.openForReading(db).source
      } catch let error as StoreError where RecordStores.isPostgres(db) {
        Terminal.printError("error: \(error.description)")
        throw DBSupport.status(for: error.category).exitCode
      } catch {
        Terminal.printError("error: cannot open the database `\(db)`")
        throw ExitStatus.noInput.exitCode
      }
    }
    let interactive = isatty(STDIN_FILENO) == 1
    if interactive { Repl.unblockHandledSignals() }
    // On a terminal Ctrl-C sets the reader's flag, which the session's evaluations watch.
    let session = Session(
      paths: paths, asOf: date, records: records,
      directory: records.map(StoreLearnerDirectory.init),
      catalogue: records.map(StoreLearnerDirectory.init),
      cancellation: interactive ? ReadlineReader.interrupt : EvaluationCancellation())
    let reader: any LineReader =
      interactive
      ? ReadlineReader(
        historyPath: history
          ?? ReadlineReader.defaultHistoryPath(environment: ProcessInfo.processInfo.environment))
      : PlainReader()
    if !paths.isEmpty { Terminal.write(session.reload()) }
    if interactive { Terminal.write("credence repl: `:help` for help, Ctrl-D to leave\n") }
    REPL(session: session, reader: reader, write: Terminal.write).run()
  }

  /// Lets Ctrl-C and the termination signals the terminal reader handles reach this
  /// thread, which reads the lines: a parent (a test harness, an IDE) may have started the
  /// process with them blocked, and a blocked SIGINT would never set the interrupt flag.
  static func unblockHandledSignals() {
    var signals = sigset_t()
    sigemptyset(&signals)
    // SIGINT, and `ReadlineReader.terminationSignals`.
    for handled in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&signals, handled) }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  /// Today in the local time zone.
  static func today() -> CivilDate? {
    let parts = Calendar(identifier: .gregorian).dateComponents(
      in: TimeZone.current, from: Date())
    let text = String(
      format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    return CivilDate(parsing: text)
  }
}

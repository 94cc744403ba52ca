import CReadline
import Credence
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// GNU readline on a terminal: Emacs keys, history kept in a file across sessions, Tab
/// completion (`Readline+Completion.swift`), and Ctrl-C, which cancels the line being typed
/// (or, between lines, the evaluation running: see ``ReadlineReader/interrupt``).
///
/// Readline's callback interface is used rather than `readline()`, so that the wait for a
/// key is the REPL's own `poll`, which a SIGINT interrupts: the handler only sets a flag,
/// and the half-typed line is dropped here, outside the handler.
public final class ReadlineReader: LineReader {
  /// Most history lines kept in the file.
  public static let maximumHistoryLines: Int32 = 1000

  /// How long one wait for a key lasts (milliseconds) before the Ctrl-C flag is looked at
  /// again; it closes the window between looking at the flag and starting to wait.
  public static let keyWaitMilliseconds: Int32 = 200

  /// Set by Ctrl-C (SIGINT) while the REPL runs; the session's evaluations look at it too.
  public static let interrupt = EvaluationCancellation()

  let historyPath: String?

  /// Reads history from `historyPath` (when given) and appends each line typed to it;
  /// installs the SIGINT handler (Ctrl-C no longer ends the process).
  public init(historyPath: String?) {
    self.historyPath = historyPath
    if let historyPath { _ = read_history(historyPath) }
    ReadlineReader.installCompletion()
    ReadlineReader.installInterruptHandler()
  }

  public func readLine(prompt: String) -> LineInput {
    readlineLine.withLock { $0 = nil }
    rl_callback_handler_install(prompt, lineTyped)
    let input = credence_rl_input_fd()
    ReadlineReader.watchTermination(true)
    defer { ReadlineReader.watchTermination(false) }
    while true {
      let ending = terminationSignal.load(ordering: .relaxed)
      if ending != 0 {
        // Put the terminal back before ending, with the status a shell gives a process the
        // signal ended (128 + the signal's number).
        credence_rl_cancel_line()
        _exit(128 + ending)
      }
      if ReadlineReader.interrupt.isCancelled {
        ReadlineReader.interrupt.reset()
        credence_rl_cancel_line()
        writeToTerminal("^C\n")
        return .interrupted
      }
      var wait = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&wait, 1, ReadlineReader.keyWaitMilliseconds)
      if ready < 0, errno != EINTR {
        rl_callback_handler_remove()
        return .end
      }
      guard ready > 0 else { continue }
      if wait.revents & Int16(POLLIN) == 0 {
        // Hang-up or error on the terminal: nothing more will be typed.
        rl_callback_handler_remove()
        return .end
      }
      rl_callback_read_char()
      guard let line = readlineLine.withLock({ $0 }) else { continue }
      guard let line else { return .end }  // readline has ended the prompt's line
      remember(line)
      return .line(line)
    }
  }

  /// Adds a line to the history and its file.
  private func remember(_ line: String) {
    guard !line.trimmingWhitespace.isEmpty else { return }
    add_history(line)
    if let historyPath {
      // append_history needs the file to exist; the first line typed creates it.
      if append_history(1, historyPath) != 0 { _ = write_history(historyPath) }
      _ = history_truncate_file(historyPath, ReadlineReader.maximumHistoryLines)
    }
  }

  /// The history file: `CREDENCE_HISTORY` when set, else `~/.credence_history`.
  public static func defaultHistoryPath(environment: [String: String]) -> String? {
    if let path = environment["CREDENCE_HISTORY"], !path.isEmpty { return path }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.credence_history"
  }

  /// Ctrl-C sets ``interrupt`` and nothing else (a flag store is async-signal-safe);
  /// readline is told not to handle SIGINT itself.
  static func installInterruptHandler() {
    _ = interrupt.isCancelled  // initialise the global before a signal can read it
    credence_rl_leave_sigint_alone()
    signal(SIGINT) { _ in ReadlineReader.interrupt.cancel() }
  }
}

/// A signal that ends the process (SIGTERM, SIGHUP), caught while readline has the terminal
/// in its own mode, so that the mode is undone before the process ends.
let terminationSignal = Atomic<Int32>(0)

extension ReadlineReader {
  /// Signals that end the process and would leave the terminal without echo.
  static let terminationSignals = [SIGTERM, SIGHUP, SIGQUIT]

  /// Catches ``terminationSignals`` while a line is read (`on`), or leaves them to their
  /// default again.
  static func watchTermination(_ on: Bool) {
    _ = terminationSignal.load(ordering: .relaxed)
    for caught in terminationSignals {
      if on {
        signal(caught) { terminationSignal.store($0, ordering: .relaxed) }
      } else {
        signal(caught, SIG_DFL)
      }
    }
  }
}

/// The line the callback interface delivered: nil while none, `.some(nil)` at Ctrl-D on an
/// empty line. A global because readline calls `lineTyped` with no context.
let readlineLine = Mutex<String??>(nil)

/// `rl_vcpfunc_t`: readline's callback with a finished line (nil at end of input).
private func lineTyped(_ raw: UnsafeMutablePointer<CChar>?) {
  let line = raw.map { String(cString: $0) }
  free(raw)
  // Removed here, inside the callback, so readline does not show the prompt again.
  rl_callback_handler_remove()
  readlineLine.withLock { $0 = .some(line) }
}

/// Writes to the terminal directly (the prompt's line is readline's, not the REPL's output).
private func writeToTerminal(_ text: String) {
  var bytes = Array(text.utf8)
  _ = write(STDOUT_FILENO, &bytes, bytes.count)
}

import Credence

/// The read-eval-print loop: reads input through a `LineReader`, continues unfinished input
/// on a continuation prompt, runs meta-commands, and writes what the session prints.
public final class REPL {
  public static let prompt = "credence> "
  public static let continuationPrompt = "     ...> "

  public let session: Session
  let reader: any LineReader
  let write: (String) -> Void

  public init(session: Session, reader: any LineReader, write: @escaping (String) -> Void) {
    self.session = session
    self.reader = reader
    self.write = write
  }

  /// Runs until `:quit` or the end of input. Ctrl-C drops the input being typed; during an
  /// evaluation it stops the evaluation (the session prints `interrupted`).
  public func run() {
    while true {
      switch readInput() {
      case .end:
        return
      case .interrupted:
        continue
      case .line(let input):
        if input.trimmingWhitespace.hasPrefix(":") {
          if !meta(input.trimmingWhitespace) { return }
        } else {
          write(session.evaluate(input))
        }
      }
    }
  }

  /// One piece of input: lines are added while it is unfinished (a meta-command continues
  /// only while a bracket is open, as an inline learner's `{ … }` may be).
  func readInput() -> LineInput {
    reader.prepareCompletion(session.completionContext())
    let read = reader.readLine(prompt: REPL.prompt)
    guard case .line(let first) = read else { return read }
    var text = first
    let isMeta = text.trimmingWhitespace.hasPrefix(":")
    if text.trimmingWhitespace.isEmpty { return .line(text) }
    while isMeta ? Input.openBrackets(text) > 0 : Input.needsMore(text, lastLineBlank: false) {
      switch reader.readLine(prompt: REPL.continuationPrompt) {
      case .interrupted: return .interrupted
      case .end: return .line(text)
      case .line(let line):
        if line.trimmingWhitespace.isEmpty { return .line(text) }
        text += "\n" + line
      }
    }
    return .line(text)
  }
}

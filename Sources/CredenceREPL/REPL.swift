import CredenceRecords
import CredenceRuntime
import CredenceValues

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

  /// Runs until `:quit` or the end of input.
  public func run() {
    while let input = readInput() {
      if input.trimmingWhitespace.hasPrefix(":") {
        if !meta(input.trimmingWhitespace) { return }
      } else {
        write(session.evaluate(input))
      }
    }
  }

  /// One piece of input: lines are added while it is unfinished.
  func readInput() -> String? {
    reader.prepareCompletion(session.completionContext())
    guard let first = reader.readLine(prompt: REPL.prompt) else { return nil }
    var text = first
    if text.trimmingWhitespace.hasPrefix(":") { return text }
    if text.trimmingWhitespace.isEmpty { return text }
    while Input.needsMore(text, lastLineBlank: false) {
      guard let line = reader.readLine(prompt: REPL.continuationPrompt) else { break }
      if line.trimmingWhitespace.isEmpty { break }
      text += "\n" + line
    }
    return text
  }
}

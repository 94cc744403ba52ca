import CReadline

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// GNU readline on a terminal: Emacs keys, history kept in a file across sessions, and Tab
/// completion (`Readline+Completion.swift`).
public final class ReadlineReader: LineReader {
  /// Most history lines kept in the file.
  public static let maximumHistoryLines: Int32 = 1000

  let historyPath: String?

  /// Reads history from `historyPath` (when given) and appends each line typed to it.
  public init(historyPath: String?) {
    self.historyPath = historyPath
    if let historyPath { _ = read_history(historyPath) }
    ReadlineReader.installCompletion()
  }

  public func readLine(prompt: String) -> String? {
    guard let raw = readline(prompt) else { return nil }
    defer { free(raw) }
    let line = String(cString: raw)
    if !line.trimmingWhitespace.isEmpty {
      add_history(raw)
      if let historyPath {
        _ = append_history(1, historyPath)
        _ = history_truncate_file(historyPath, REPL.maximumHistoryLinesForFile)
      }
    }
    return line
  }

  /// The history file: `CREDENCE_HISTORY` when set, else `~/.credence_history`.
  public static func defaultHistoryPath(environment: [String: String]) -> String? {
    if let path = environment["CREDENCE_HISTORY"], !path.isEmpty { return path }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.credence_history"
  }
}

extension REPL {
  static var maximumHistoryLinesForFile: Int32 { ReadlineReader.maximumHistoryLines }
}

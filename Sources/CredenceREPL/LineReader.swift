#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the REPL's input lines come from: readline on a terminal, plain lines from a pipe,
/// or a script in tests.
public protocol LineReader: AnyObject {
  /// The next line without its newline, or nil at the end of input (Ctrl-D).
  func readLine(prompt: String) -> String?

  /// What Tab completes against until the next call (readline only).
  func prepareCompletion(_ context: CompletionContext)
}

extension LineReader {
  public func prepareCompletion(_ context: CompletionContext) {}
}

/// Lines given in advance: session tests.
public final class ScriptedReader: LineReader {
  private var lines: [String]
  private var next = 0

  public init(_ lines: [String]) { self.lines = lines }

  public func readLine(prompt: String) -> String? {
    guard next < lines.count else { return nil }
    defer { next += 1 }
    return lines[next]
  }
}

/// Plain lines from standard input, without prompts or escape codes, so that
/// `credence repl < session.txt` is scriptable.
public final class PlainReader: LineReader {
  public init() {}

  public func readLine(prompt: String) -> String? {
    Swift.readLine(strippingNewline: true)
  }
}

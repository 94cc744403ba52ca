#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one read gives.
public enum LineInput: Equatable, Sendable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C while typing: the line (and any unfinished input before it) is dropped.
  case interrupted
  /// The end of input (Ctrl-D on an empty line).
  case end
}

/// Where the REPL's input lines come from: readline on a terminal, plain lines from a pipe,
/// or a script in tests.
public protocol LineReader: AnyObject {
  /// The next line, Ctrl-C, or the end of input.
  func readLine(prompt: String) -> LineInput

  /// What Tab completes against until the next call (readline only).
  func prepareCompletion(_ context: CompletionContext)
}

extension LineReader {
  public func prepareCompletion(_ context: CompletionContext) {}
}

/// Lines given in advance: session tests. A line `^C` stands for Ctrl-C pressed while
/// typing.
public final class ScriptedReader: LineReader {
  /// The line that stands for Ctrl-C.
  public static let interruptLine = "^C"

  private var lines: [String]
  private var next = 0

  public init(_ lines: [String]) { self.lines = lines }

  public func readLine(prompt: String) -> LineInput {
    guard next < lines.count else { return .end }
    defer { next += 1 }
    return lines[next] == ScriptedReader.interruptLine ? .interrupted : .line(lines[next])
  }
}

/// Plain lines from standard input, without prompts or escape codes, so that
/// `credence repl < session.txt` is scriptable.
public final class PlainReader: LineReader {
  public init() {}

  public func readLine(prompt: String) -> LineInput {
    Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end
  }
}

import Foundation

/// Where output goes and whether it may be coloured: every byte the executable writes to
/// standard output or standard error passes through here (print and `FileHandle` do not
/// appear elsewhere).
///
/// A write that fails (a full disk, a closed pipe when SIGPIPE is ignored) is reported on
/// standard error, when that still takes writes, and the process exits 74 at once: output
/// is never lost behind a 0 status, and the rest of the command's work would be lost too.
/// `FileHandle.write` trapped on such an error, and `print`'s buffer failed unseen at exit.
enum Terminal {
  /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
  static var colourOnStandardOutput: Bool {
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    return isatty(STDOUT_FILENO) == 1
  }

  /// Colour on standard error only on a terminal, and never when `NO_COLOR` is set.
  static var colourOnStandardError: Bool {
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    return isatty(STDERR_FILENO) == 1
  }

  /// Writes `text` to standard output as it is.
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { writeAll($0, to: STDOUT_FILENO) }
  }

  /// Writes `bytes` to standard output.
  static func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll($0, to: STDOUT_FILENO) }
  }

  /// Writes `line` and a line end to standard output.
  static func printLine(_ line: String) { write(line + "\n") }

  /// Writes `text` to standard error as it is.
  static func writeError(_ text: String) {
    var text = text
    text.withUTF8 { writeAll($0, to: STDERR_FILENO) }
  }

  /// Writes `line` and a line end to standard error.
  static func printError(_ line: String) { writeError(line + "\n") }

  /// Checks, as the process exits, what went through C's buffered streams rather than
  /// through here (the argument parser's help and usage messages): an error there exits 74
  /// too. Registered with `atexit` before any command runs.
  static func watchBufferedStreamsAtExit() {
    atexit {
      let output = Terminal.cStream(named: "stdout")
      if output != nil, fflush(output) != 0 || ferror(output) != 0 {
        Terminal.fail(writing: STDOUT_FILENO, errno: errno == 0 ? EIO : errno)
      }
      let error = Terminal.cStream(named: "stderr")
      if error != nil, ferror(error) != 0 { _exit(ExitStatus.ioError.rawValue) }
    }
  }

  /// C's `stdout` or `stderr`, found by name: Swift 6 refuses to read those mutable C
  /// globals directly.
  private static func cStream(named name: String) -> UnsafeMutablePointer<FILE>? {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
    return symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee
  }

  /// Writes every byte of `buffer` to `descriptor`, or fails the process.
  private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    guard var next = buffer.baseAddress else { return }
    var left = buffer.count
    while left > 0 {
      let written = Foundation.write(descriptor, next, left)
      if written < 0 {
        if errno == EINTR { continue }
        fail(writing: descriptor, errno: errno)
      }
      next += written
      left -= written
    }
  }

  /// Says which stream could not be written and why (on standard error, unless that is
  /// the one failing) and ends the process with status 74 (`EX_IOERR`).
  private static func fail(writing descriptor: Int32, errno code: Int32) -> Never {
    if descriptor != STDERR_FILENO {
      let reason = String(cString: strerror(code))
      var message = "error: cannot write standard output: \(reason)\n"
      message.withUTF8 { _ = Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
    _exit(ExitStatus.ioError.rawValue)
  }
}

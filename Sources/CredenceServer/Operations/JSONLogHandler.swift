import Foundation
import Logging

/// Logs as one JSON object per line on standard error (`ts`, `level`, `msg`, then the
/// metadata), the form log collectors read without a parser of their own.
///
/// A line that cannot be written (a full log disk, a collector that went away) is dropped
/// and the server goes on deciding, as with swift-log's text handler: `FileHandle.write`
/// trapped there, taking the service down with its log (docs/decisions.md).
public struct JSONLogHandler: LogHandler {
  public var logLevel: Logger.Level = .info
  public var metadata: Logger.Metadata = [:]
  let label: String
  /// Where lines go: standard error, or a file in tests.
  let descriptor: Int32

  public init(label: String, descriptor: Int32 = STDERR_FILENO) {
    self.label = label
    self.descriptor = descriptor
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var members: [(String, String)] = [
      ("ts", JSONText.string(Self.timestamp())),
      ("level", JSONText.string(event.level.rawValue)),
      ("msg", JSONText.string(event.message.description)),
    ]
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
      members.append((key, JSONText.string(value.description)))
    }
    write(JSONText.object(members) + "\n")
  }

  /// Writes `line` whole in one call when it can (lines of several threads do not
  /// interleave); on an error the rest of the line is dropped.
  private func write(_ line: String) {
    var line = line
    line.withUTF8 { bytes in
      guard var next = bytes.baseAddress else { return }
      var left = bytes.count
      while left > 0 {
        let written = Foundation.write(descriptor, next, left)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        next += written
        left -= written
      }
    }
  }

  /// UTC, to the millisecond: `2026-12-06T08:30:00.123Z`.
  static func timestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let millis = now.tv_nsec / 1_000_000
    let milliText = String(millis + 1000).dropFirst()
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(milliText)Z"
  }
}

/// The server's logger, made here so that the executable needs no logging library.
public enum ServerLogging {
  /// A logger writing JSON lines (or swift-log's text lines) at `level` and above.
  public static func logger(json: Bool, level: String) -> Logger {
    var logger = Logger(label: "credence.serve") { label -> any LogHandler in
      if json { return JSONLogHandler(label: label) }
      return StreamLogHandler.standardError(label: label)
    }
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
  }

  /// Whether `name` is a log level (`debug`, `info`, `notice`, `warning`, `error`, …).
  public static func isLevel(_ name: String) -> Bool { Logger.Level(rawValue: name) != nil }
}

import Foundation
import Logging

/// Logs as one JSON object per line on standard error (`ts`, `level`, `msg`, then the
/// metadata), the form log collectors read without a parser of their own.
public struct JSONLogHandler: LogHandler {
  public var logLevel: Logger.Level = .info
  public var metadata: Logger.Metadata = [:]
  let label: String

  public init(label: String) {
    self.label = label
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
    for key in merged.keys.sorted() {
      members.append((key, JSONText.string(merged[key]!.description)))
    }
    let line = JSONText.object(members) + "\n"
    FileHandle.standardError.write(Data(line.utf8))
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

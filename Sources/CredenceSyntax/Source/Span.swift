/// Identifies one loaded source file, so a span can point into any file of a program.
public struct FileID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The index the file was given when it was loaded.
  public let rawValue: Int

  /// Wraps a raw file index.
  public init(_ rawValue: Int) { self.rawValue = rawValue }

  public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { "file#\(rawValue)" }
}

/// A half-open range of UTF-8 byte offsets in one source file.
///
/// Line and column are never stored: they are computed from a `SourceFile`'s line
/// table when a diagnostic is rendered, which keeps spans small and cheap to combine.
public struct Span: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The file the offsets are in.
  public var file: FileID
  /// The offset of the first byte.
  public var start: Int
  /// The offset one past the last byte; equal to `start` for an empty span.
  public var end: Int

  /// A span from `start` up to (not including) `end`.
  public init(file: FileID, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// An empty span at `offset`, used for "expected … here" at the end of input.
  public static func point(_ offset: Int, in file: FileID) -> Span {
    Span(file: file, start: offset, end: offset)
  }

  /// The number of bytes covered.
  public var length: Int { end - start }

  /// The smallest span covering both `self` and `other` (same file assumed).
  public func through(_ other: Span) -> Span {
    Span(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public var description: String { "\(file)[\(start)..<\(end)]" }
}

/// Stores a value that takes no part in `==` or hashing.
///
/// Syntax nodes keep their spans with this wrapper, so two trees parsed from
/// differently laid-out text compare equal: tests compare trees, not offsets.
@propertyWrapper
public struct IgnoredInEquality<Value: Sendable>: Hashable, Sendable {
  /// The stored value.
  public var wrappedValue: Value

  /// Wraps `wrappedValue`.
  public init(wrappedValue: Value) { self.wrappedValue = wrappedValue }

  public static func == (lhs: Self, rhs: Self) -> Bool { true }
  public func hash(into hasher: inout Hasher) {}
}

/// A learner's identifier: case-sensitive text compared byte by byte.
///
/// Swift's `String` equality is Unicode-canonical (`"é"` equals `"e\u{301}"`), but SQLite
/// compares TEXT keys as UTF-8 bytes. Record sources merge rows by learner id in SQLite's
/// order, so ids compare, order and hash by their UTF-8 bytes here too.
public struct LearnerID: Sendable, Hashable, Comparable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The id as stored.
  public let text: String

  public init(_ text: String) { self.text = text }

  public init(stringLiteral value: String) { self.text = value }

  public var description: String { text }

  public static func == (left: LearnerID, right: LearnerID) -> Bool {
    left.text.utf8.count == right.text.utf8.count && compareBytes(left.text, right.text) == 0
  }

  public static func < (left: LearnerID, right: LearnerID) -> Bool {
    compareBytes(left.text, right.text) < 0
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text.utf8.count)
    for byte in text.utf8 { hasher.combine(byte) }
  }

  /// Compares two strings in memcmp order of their UTF-8 bytes, SQLite's `BINARY`
  /// collation: negative, zero or positive.
  public static func compareBytes(_ left: String, _ right: String) -> Int {
    var left = left
    var right = right
    return left.withUTF8 { l in right.withUTF8 { r in compareBytes(l, r) } }
  }

  /// Compares two UTF-8 byte sequences in memcmp order: negative, zero or positive.
  @inlinable public static func compareBytes(
    _ l: UnsafeBufferPointer<UInt8>, _ r: UnsafeBufferPointer<UInt8>
  ) -> Int {
    let common = min(l.count, r.count)
    for index in 0..<common where l[index] != r[index] {
      return l[index] < r[index] ? -1 : 1
    }
    return l.count == r.count ? 0 : (l.count < r.count ? -1 : 1)
  }
}

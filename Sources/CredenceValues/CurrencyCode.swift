/// A currency code: three uppercase ASCII letters, as in ISO 4217 (`SGD`, `EUR`).
///
/// Only the shape is validated here; whether a policy may use a code is the checker's
/// business. Stored as three packed bytes so that money stays a small value.
public struct CurrencyCode: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The three letters packed big-endian into the low 24 bits, so that integer order is
  /// alphabetical order.
  public let packed: UInt32

  /// Reads exactly three uppercase ASCII letters; anything else (`sgd`, `SG`, `SGD `) is
  /// `nil`.
  public init?(parsing text: String) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a currency code from a substring; see ``init(parsing:)-(String)``.
  public init?(parsing text: Substring) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a currency code from UTF-8 bytes (SQLite's text, without a `String`).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.parse(bytes) else { return nil }
    self = value
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CurrencyCode? {
    guard bytes.count == 3 else { return nil }
    var packed: UInt32 = 0
    for byte in bytes {
      guard byte &- UInt8(ascii: "A") < 26 else { return nil }
      packed = packed << 8 | UInt32(byte)
    }
    return CurrencyCode(packed: packed)
  }

  init(packed: UInt32) {
    self.packed = packed
  }

  /// The three letters.
  public var description: String {
    let bytes = [
      UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
      UInt8(truncatingIfNeeded: packed),
    ]
    return String(decoding: bytes, as: UTF8.self)
  }

  public static func < (left: CurrencyCode, right: CurrencyCode) -> Bool {
    left.packed < right.packed
  }
}

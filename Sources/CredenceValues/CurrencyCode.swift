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
  public init?(parsing text: some StringProtocol) {
    var packed: UInt32 = 0
    var count = 0
    for byte in text.utf8 {
      guard count < 3, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
      packed = packed << 8 | UInt32(byte)
      count += 1
    }
    guard count == 3 else { return nil }
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

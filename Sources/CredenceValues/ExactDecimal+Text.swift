extension ExactDecimal: CustomStringConvertible, LosslessStringConvertible {
  /// Reads plain decimal notation: an optional `-`, one or more digits, and optionally a
  /// `.` followed by one or more digits (`7.5`, `-1250.00`, `12`, `007`).
  ///
  /// Everything else is rejected: empty text, spaces, a `+` sign, exponents (`1e5`),
  /// digit grouping (`1_000`, `1,000`), a bare point (`1.`, `.5`), more than
  /// ``maxScale`` decimals or more than ``maxDigits`` significant digits. The scale written
  /// is kept: `1250.00` has scale 2. Leading zeros are accepted, since their value is
  /// unambiguous and record exports contain them.
  public init?(parsing text: String) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads plain decimal notation from a substring; see ``init(parsing:)-(String)``.
  public init?(parsing text: Substring) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads plain decimal notation from UTF-8 bytes (SQLite's text, without a `String`).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.parse(bytes) else { return nil }
    self = value
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    let count = bytes.count
    var index = 0
    let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    // Up to 18 digits accumulate in 64 bits, the common case; wider values continue in 128.
    var small: UInt64 = 0
    var digits = 0
    var fractionDigits = -1  // -1: no point seen
    while index < count {
      let byte = bytes[index]
      if isDigit(byte) {
        guard digits < 18 else { break }
        small = small &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
        digits += 1
        if fractionDigits >= 0 { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), fractionDigits < 0, digits > 0 {
        fractionDigits = 0
      } else {
        return nil
      }
      index += 1
    }
    var magnitude = UInt128(small)
    let limit = UInt128(maxSignificand)
    while index < count {
      let byte = bytes[index]
      if isDigit(byte) {
        magnitude = magnitude &* 10 &+ UInt128(byte &- UInt8(ascii: "0"))
        // Checked after every digit, so the value stays far below the wrapping point.
        guard magnitude <= limit else { return nil }
        digits += 1
        if fractionDigits >= 0 { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), fractionDigits < 0 {
        fractionDigits = 0
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0, fractionDigits != 0, fractionDigits <= maxScale else { return nil }
    // A trailing point leaves fractionDigits at 0 and is rejected above; a leading one
    // is rejected in the loop (no digits yet).
    let significand = Int128(magnitude)
    return ExactDecimal(
      unchecked: negative ? 0 - significand : significand, scale: Swift.max(fractionDigits, 0))
  }

  /// Same as ``init(parsing:)``; `LosslessStringConvertible` conformance.
  public init?(_ description: String) {
    self.init(parsing: description)
  }

  /// Plain decimal notation with the value's scale: `1250.00`, `-0.5`, `12`.
  ///
  /// ``init(parsing:)-(String)`` reads it back to the same value and scale.
  public var description: String {
    withDescriptionBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends the UTF-8 bytes of ``description`` to `buffer`, without making a `String` (a CSV
  /// writer's numbers). Not generic, so callers in other modules get the specialised code.
  public func appendDescription(to buffer: inout [UInt8]) {
    withDescriptionBytes { buffer.append(contentsOf: $0) }
  }

  /// Calls `body` with the UTF-8 bytes of ``description``.
  func withDescriptionBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    // At most a sign, 38 digits, a point and a leading zero: 41 bytes.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
      var position = buffer.count
      // The magnitude in base 10^19, so that the digit loop runs on 64-bit integers.
      var low: UInt64
      var high: UInt64 = 0
      let magnitude = significand.magnitude
      let base = powerOfTen(19)
      if magnitude < base {
        low = UInt64(truncatingIfNeeded: magnitude)
      } else {
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: base)
        high = UInt64(truncatingIfNeeded: quotient)
        low = UInt64(truncatingIfNeeded: remainder)
      }
      var index = 0
      repeat {
        if index == scale && scale > 0 {
          position -= 1
          buffer[position] = UInt8(ascii: ".")
        }
        let digit: UInt64
        if index < 19 {
          (low, digit) = low.quotientAndRemainder(dividingBy: 10)
        } else {
          (high, digit) = high.quotientAndRemainder(dividingBy: 10)
        }
        position -= 1
        buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
        index += 1
      } while index <= scale || low != 0 || high != 0
      if significand < 0 {
        position -= 1
        buffer[position] = UInt8(ascii: "-")
      }
      return body(UnsafeBufferPointer(rebasing: buffer[position...]))
    }
  }
}

extension ExactDecimal: CustomStringConvertible, LosslessStringConvertible {
  /// Reads plain decimal notation: an optional `-`, one or more digits, and optionally a
  /// `.` followed by one or more digits (`7.5`, `-1250.00`, `12`, `007`).
  ///
  /// Everything else is rejected: empty text, spaces, a `+` sign, exponents (`1e5`),
  /// digit grouping (`1_000`, `1,000`), a bare point (`1.`, `.5`), more than
  /// ``maxScale`` decimals or more than ``maxDigits`` significant digits. The scale written
  /// is kept: `1250.00` has scale 2. Leading zeros are accepted, since their value is
  /// unambiguous and record exports contain them.
  public init?(parsing text: some StringProtocol) {
    var bytes = text.utf8.makeIterator()
    guard var byte = bytes.next() else { return nil }
    let negative = byte == UInt8(ascii: "-")
    if negative {
      guard let next = bytes.next() else { return nil }
      byte = next
    }
    var magnitude: UInt128 = 0
    var integerDigits = 0
    var fractionDigits = 0
    var inFraction = false
    let limit = UInt128(Self.maxSignificand)
    while true {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        magnitude = magnitude &* 10 &+ UInt128(byte &- UInt8(ascii: "0"))
        // Checked after every digit, so the value stays far below the wrapping point.
        guard magnitude <= limit else { return nil }
        if inFraction {
          fractionDigits += 1
          guard fractionDigits <= Self.maxScale else { return nil }
        } else {
          integerDigits += 1
        }
      } else if byte == UInt8(ascii: ".") && !inFraction && integerDigits > 0 {
        inFraction = true
      } else {
        return nil
      }
      guard let next = bytes.next() else { break }
      byte = next
    }
    guard integerDigits > 0, !inFraction || fractionDigits > 0 else { return nil }
    let significand = Int128(magnitude)
    self.init(unchecked: negative ? 0 - significand : significand, scale: fractionDigits)
  }

  /// Same as ``init(parsing:)``; `LosslessStringConvertible` conformance.
  public init?(_ description: String) {
    self.init(parsing: description)
  }

  /// Plain decimal notation with the value's scale: `1250.00`, `-0.5`, `12`.
  ///
  /// ``init(parsing:)`` reads it back to the same value and scale.
  public var description: String {
    var digits = Self.digits(of: significand.magnitude)
    if scale > 0 {
      if digits.count <= scale {
        digits = String(repeating: "0", count: scale + 1 - digits.count) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
    }
    return significand < 0 ? "-" + digits : digits
  }

  /// Decimal digits of a magnitude; 64-bit formatting when it fits, which is most of the time.
  static func digits(of magnitude: UInt128) -> String {
    if let small = UInt64(exactly: magnitude) { return String(small) }
    return String(magnitude)
  }
}

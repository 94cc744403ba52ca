extension ExactDecimal {
  /// Reads a binary floating-point number through its shortest round-trip decimal form.
  ///
  /// A REAL found in a SQLite column that should hold an exact number (records.md) means
  /// the decimal its writer had in mind: `0.1` stored as a REAL reads as `0.1`, not as
  /// `0.1000000000000000055511151231257827`. The result is normalized (`1250.0` reads as
  /// `1250`). Returns `nil` for NaN, infinities and values outside the exact range (more
  /// than ``maxScale`` decimals or ``maxDigits`` digits).
  public init?(shortestRoundTrip value: Double) {
    guard value.isFinite else { return nil }
    // Swift's `description` of a Double is the shortest text that reads back to the same
    // Double (SwiftDtoa), in plain or exponent notation: "0.1", "1e-05", "1.25e+20".
    var bytes = value.description.utf8.makeIterator()
    var magnitude: UInt128 = 0
    var fractionDigits = 0
    var negative = false
    var inFraction = false
    var exponent = 0
    var exponentNegative = false
    var inExponent = false
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "-") where inExponent: exponentNegative = true
      case UInt8(ascii: "-"): negative = true
      case UInt8(ascii: "+"): continue
      case UInt8(ascii: "."): inFraction = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = Int(byte - UInt8(ascii: "0"))
        if inExponent {
          exponent = exponent * 10 + digit
          guard exponent < 1000 else { return nil }
        } else {
          // At most 17 significant digits plus a few zeros: far below 10^38.
          magnitude = magnitude * 10 + UInt128(digit)
          guard magnitude <= UInt128(Self.maxSignificand) else { return nil }
          if inFraction { fractionDigits += 1 }
        }
      default: return nil
      }
    }
    var scale = fractionDigits - (exponentNegative ? -exponent : exponent)
    while scale > 0 && magnitude != 0 && magnitude % 10 == 0 {
      magnitude /= 10
      scale -= 1
    }
    if magnitude == 0 { scale = 0 }
    if scale < 0 {
      guard -scale <= Self.maxDigits else { return nil }
      let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: powerOfTen(-scale))
      guard !overflow else { return nil }
      magnitude = scaled
      scale = 0
    }
    guard scale <= Self.maxScale,
      let result = try? Self.make(magnitude: magnitude, negative: negative, scale: scale)
    else { return nil }
    self = result
  }
}

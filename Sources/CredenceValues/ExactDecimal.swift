/// An exact decimal number: a signed integer significand and a count of digits after the
/// decimal point (the scale).
///
/// `ExactDecimal` is what Credence uses for every number a policy computes with: credits,
/// scores, money amounts, rates. It never goes through binary floating point.
///
/// - The value is `significand / 10^scale`, with `|significand| ≤ 10^38 − 1`
///   (``maxDigits``) and `scale` in `0...18` (``maxScale``).
/// - The scale written is kept for display ("1250.00" stays "1250.00"), but equality,
///   ordering and hashing are by value: `1.50 == 1.5`.
/// - Operations that cannot produce an exact, representable result throw ``ValueError``;
///   none of them traps. A result whose value fits is always returned: when the scale an
///   operation gives it would need more than 38 digits, trailing zeros are dropped until it
///   fits (``fitting(_:negative:scale:)``). Division, and products with more than ``maxScale`` decimals,
///   follow the rule documented on ``divided(by:)``.
public struct ExactDecimal: Sendable {
  /// Most significant digits a value can have: 38, the most that always fit in `Int128`.
  public static let maxDigits = 38
  /// Most digits after the decimal point: 18, enough for any ratio of realistic credits or
  /// amounts while leaving 20 digits before the point.
  public static let maxScale = 18
  /// The largest significand magnitude, `10^38 − 1`.
  public static let maxSignificand = Int128(powerOfTen(maxDigits) - 1)

  /// The integer whose value, divided by `10^scale`, is this number.
  public let significand: Int128
  @usableFromInline let storedScale: UInt8

  /// Digits after the decimal point, as written or as produced by arithmetic.
  @inlinable public var scale: Int { Int(storedScale) }

  /// Makes a value from parts already known to be in range.
  @inlinable init(unchecked significand: Int128, scale: Int) {
    self.significand = significand
    self.storedScale = UInt8(truncatingIfNeeded: scale)
  }

  /// Makes `significand / 10^scale`, or `nil` if either part is out of range.
  public init?(significand: Int128, scale: Int) {
    guard (0...Self.maxScale).contains(scale),
      significand >= -Self.maxSignificand, significand <= Self.maxSignificand
    else { return nil }
    self.init(unchecked: significand, scale: scale)
  }

  /// The integer `value` (scale 0).
  public init(_ value: Int) {
    self.init(unchecked: Int128(value), scale: 0)
  }

  /// Zero, with scale 0.
  public static let zero = ExactDecimal(0)
  /// One, with scale 0.
  public static let one = ExactDecimal(1)

  /// Whether the value is zero (at any scale).
  @inlinable public var isZero: Bool { significand == 0 }
  /// Whether the value is below zero.
  @inlinable public var isNegative: Bool { significand < 0 }
  /// −1, 0 or 1 by the sign of the value.
  @inlinable public var signum: Int { Int(significand.signum()) }

  /// The value with its sign flipped; always representable because the range is symmetric.
  public func negated() -> ExactDecimal {
    ExactDecimal(unchecked: 0 - significand, scale: scale)
  }

  /// The absolute value.
  public var magnitude: ExactDecimal { isNegative ? negated() : self }

  /// The same value with trailing zero decimals removed (`1.50` → `1.5`, `2.00` → `2`).
  public var normalized: ExactDecimal {
    guard scale > 0 else { return self }
    if let small = Int64(exactly: significand) {
      // 64-bit division is several times cheaper than 128-bit; most values fit.
      var small = small
      var scale = scale
      while scale > 0 && small % 10 == 0 {
        small /= 10
        scale -= 1
      }
      return ExactDecimal(unchecked: Int128(small), scale: scale)
    }
    var significand = significand
    var scale = scale
    while scale > 0 && significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    return ExactDecimal(unchecked: significand, scale: scale)
  }

  /// Whether the value has no fractional part.
  public var isInteger: Bool { normalized.scale == 0 }

  /// The value as an `Int` if it is a whole number that fits.
  public var intValue: Int? {
    let whole = normalized
    guard whole.scale == 0 else { return nil }
    return Int(exactly: whole.significand)
  }

  /// The value as a fixed-point `Int64` with `scale` decimals (`1.5` at scale 2 → `150`), if
  /// that is exact and fits; the fast evaluation path uses this to work on plain integers.
  public func fixedPoint(scale target: Int) -> Int64? {
    guard (0...Self.maxScale).contains(target) else { return nil }
    if target >= scale {
      let (scaled, overflow) = significand.multipliedReportingOverflow(
        by: Int128(powerOfTen(target - scale)))
      return overflow ? nil : Int64(exactly: scaled)
    }
    let (quotient, remainder) = significand.quotientAndRemainder(
      dividingBy: Int128(powerOfTen(scale - target)))
    return remainder == 0 ? Int64(exactly: quotient) : nil
  }

  /// The value of a fixed-point integer with `scale` decimals, or `nil` if `scale` is out of
  /// range.
  public init?(fixedPoint value: Int64, scale: Int) {
    self.init(significand: Int128(value), scale: scale)
  }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) {
    self.init(value)
  }
}

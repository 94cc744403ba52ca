extension ExactDecimal {
  /// Builds a value from a magnitude and a sign, checking the digit limit.
  @inline(__always)
  static func make(magnitude: UInt128, negative: Bool, scale: Int) throws(ValueError)
    -> ExactDecimal
  {
    guard magnitude <= UInt128(maxSignificand) else { throw .overflow }
    let significand = Int128(magnitude)
    return ExactDecimal(unchecked: negative ? 0 - significand : significand, scale: scale)
  }

  /// Both significands at the larger of the two scales.
  @inline(__always)
  static func aligned(_ left: ExactDecimal, _ right: ExactDecimal) throws(ValueError)
    -> (left: Int128, right: Int128, scale: Int)
  {
    if left.scale == right.scale { return (left.significand, right.significand, left.scale) }
    if left.scale < right.scale {
      return (try left.significand(atLargerScale: right.scale), right.significand, right.scale)
    }
    return (left.significand, try right.significand(atLargerScale: left.scale), left.scale)
  }

  /// The significand rescaled to `target ≥ scale` decimals, within the digit limit.
  @inline(__always)
  func significand(atLargerScale target: Int) throws(ValueError) -> Int128 {
    let (scaled, overflow) = significand.multipliedReportingOverflow(
      by: Int128(powerOfTen(target - scale)))
    guard !overflow, scaled >= -Self.maxSignificand, scaled <= Self.maxSignificand else {
      throw .overflow
    }
    return scaled
  }

  @inline(__always)
  static func checked(_ significand: Int128, overflow: Bool, scale: Int) throws(ValueError)
    -> ExactDecimal
  {
    guard !overflow, significand >= -maxSignificand, significand <= maxSignificand else {
      throw .overflow
    }
    return ExactDecimal(unchecked: significand, scale: scale)
  }

  /// The exact sum, at the larger of the two scales (`1.5 + 2.25 = 3.75`, `1.50 + 1 = 2.50`).
  public func adding(_ other: ExactDecimal) throws(ValueError) -> ExactDecimal {
    let (left, right, scale) = try Self.aligned(self, other)
    let (sum, overflow) = left.addingReportingOverflow(right)
    return try Self.checked(sum, overflow: overflow, scale: scale)
  }

  /// The exact difference, at the larger of the two scales.
  public func subtracting(_ other: ExactDecimal) throws(ValueError) -> ExactDecimal {
    let (left, right, scale) = try Self.aligned(self, other)
    let (difference, overflow) = left.subtractingReportingOverflow(right)
    return try Self.checked(difference, overflow: overflow, scale: scale)
  }

  /// The product, whose scale is the sum of the operands' scales (`0.90 × 1250.00 =
  /// 1125.0000`).
  ///
  /// A product with more than ``maxScale`` decimals (possible only when both operands have
  /// many, e.g. after a division) is rounded half to even at ``maxScale`` decimals, the same
  /// rule as ``divided(by:)``.
  public func multiplied(by other: ExactDecimal) throws(ValueError) -> ExactDecimal {
    let negative = (significand < 0) != (other.significand < 0)
    let product = significand.magnitude.multipliedFullWidth(by: other.significand.magnitude)
    let scale = self.scale + other.scale
    if scale <= Self.maxScale {
      guard product.high == 0 else { throw .overflow }
      return try Self.make(magnitude: product.low, negative: negative, scale: scale)
    }
    guard
      let rounded = dividedRoundingHalfEven(product, by: powerOfTen(scale - Self.maxScale))
    else { throw .overflow }
    return try Self.make(magnitude: rounded, negative: negative, scale: Self.maxScale)
  }

  /// The quotient: exact when it terminates within ``maxScale`` decimals, otherwise rounded
  /// half to even at ``maxScale`` decimals.
  ///
  /// An exact quotient keeps at least the dividend's scale and no more decimals than it needs
  /// (`1250.00 / 4 = 312.50`, `7 / 2 = 3.5`, `1 / 8 = 0.125`); an inexact one has
  /// ``maxScale`` decimals (`10 / 3 = 3.333333333333333333`). Half to even is used so that
  /// the one rounding this rule does carries no bias; authors who want a fixed number of
  /// places say so with `round`.
  public func divided(by other: ExactDecimal) throws(ValueError) -> ExactDecimal {
    guard !other.isZero else { throw .divisionByZero }
    if isZero { return ExactDecimal(unchecked: 0, scale: scale) }
    let negative = (significand < 0) != (other.significand < 0)
    let divisor = other.significand.magnitude
    // The quotient at maxScale decimals is self.sig × 10^k / other.sig.
    let k = Self.maxScale - scale + other.scale
    let numerator = significand.magnitude.multipliedFullWidth(by: powerOfTen(k))
    guard numerator.high < divisor else { throw .overflow }
    let (quotient, remainder) = divisor.dividingFullWidth(numerator)
    if remainder != 0 {
      guard let rounded = roundHalfEven(quotient: quotient, remainder: remainder, divisor: divisor)
      else { throw .overflow }
      return try Self.make(magnitude: rounded, negative: negative, scale: Self.maxScale)
    }
    var magnitude = quotient
    var resultScale = Self.maxScale
    while resultScale > scale && magnitude % 10 == 0 {
      magnitude /= 10
      resultScale -= 1
    }
    return try Self.make(magnitude: magnitude, negative: negative, scale: resultScale)
  }

  /// The value divided by `10^places`, exactly: the scale grows by `places`, except beyond
  /// ``maxScale`` where the division rule (half to even) applies. `90` moved by 2 is `0.90`.
  public func movingDecimalPointLeft(by places: Int) throws(ValueError) -> ExactDecimal {
    guard places >= 0 && places <= Self.maxScale else { throw .scaleOutOfRange(places) }
    let target = scale + places
    if target <= Self.maxScale { return ExactDecimal(unchecked: significand, scale: target) }
    let divisor = powerOfTen(target - Self.maxScale)
    let (quotient, remainder) = significand.magnitude.quotientAndRemainder(dividingBy: divisor)
    guard let rounded = roundHalfEven(quotient: quotient, remainder: remainder, divisor: divisor)
    else { throw .overflow }
    return try Self.make(magnitude: rounded, negative: significand < 0, scale: Self.maxScale)
  }

  /// `try a + b`: ``adding(_:)``.
  public static func + (left: ExactDecimal, right: ExactDecimal) throws(ValueError)
    -> ExactDecimal
  { try left.adding(right) }

  /// `try a - b`: ``subtracting(_:)``.
  public static func - (left: ExactDecimal, right: ExactDecimal) throws(ValueError)
    -> ExactDecimal
  { try left.subtracting(right) }

  /// `try a * b`: ``multiplied(by:)``.
  public static func * (left: ExactDecimal, right: ExactDecimal) throws(ValueError)
    -> ExactDecimal
  { try left.multiplied(by: right) }

  /// `try a / b`: ``divided(by:)``.
  public static func / (left: ExactDecimal, right: ExactDecimal) throws(ValueError)
    -> ExactDecimal
  { try left.divided(by: right) }

  /// `-a`: ``negated()``.
  public static prefix func - (value: ExactDecimal) -> ExactDecimal { value.negated() }
}

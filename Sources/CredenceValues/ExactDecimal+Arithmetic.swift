extension ExactDecimal {
  /// Builds a value from a magnitude and a sign at `scale`, or, when that significand has
  /// more than ``maxDigits`` digits, at the largest smaller scale that holds the same value
  /// (see ``fitting(_:negative:scale:)``).
  @inline(__always)
  static func make(magnitude: UInt128, negative: Bool, scale: Int) throws(ValueError)
    -> ExactDecimal
  {
    guard magnitude <= UInt128(maxSignificand) else {
      return try fitting(WideMagnitude(magnitude), negative: negative, scale: scale)
    }
    let significand = Int128(magnitude)
    return ExactDecimal(unchecked: negative ? 0 - significand : significand, scale: scale)
  }

  /// The value `magnitude / 10^scale` with its sign, at `scale` if its significand has at
  /// most ``maxDigits`` digits, otherwise at the largest smaller scale where it does: only
  /// trailing zeros are dropped, so the value is unchanged. Throws ``ValueError/overflow``
  /// when no scale holds the value exactly.
  ///
  /// Every operation computes its result at its natural scale (the larger scale for sums,
  /// the sum of scales for products, and so on) and fits it here, so any result whose value
  /// has at most 38 digits is returned exactly: `1000000000000000000000 / 1` and
  /// `99999999999999999999999999999999999999 * 1.000000000000000000` are values, not errors.
  static func fitting(_ magnitude: WideMagnitude, negative: Bool, scale: Int) throws(ValueError)
    -> ExactDecimal
  {
    let limit = WideMagnitude(UInt128(maxSignificand))
    var magnitude = magnitude
    var scale = scale
    while limit < magnitude && scale > 0 {
      let (tenth, digit) = magnitude.quotientAndRemainder(dividingBy: 10)
      guard digit == 0 else { break }
      magnitude = tenth
      scale -= 1
    }
    guard !(limit < magnitude), let narrow = magnitude.narrow else { throw .overflow }
    let significand = Int128(narrow)
    return ExactDecimal(unchecked: negative ? 0 - significand : significand, scale: scale)
  }

  /// Both significands at the larger of the two scales, or `nil` when one does not fit in
  /// ``maxDigits`` digits there.
  @inline(__always)
  static func aligned(_ left: ExactDecimal, _ right: ExactDecimal)
    -> (left: Int128, right: Int128, scale: Int)?
  {
    if left.scale == right.scale { return (left.significand, right.significand, left.scale) }
    if left.scale < right.scale {
      guard let scaled = left.significand(atLargerScale: right.scale) else { return nil }
      return (scaled, right.significand, right.scale)
    }
    guard let scaled = right.significand(atLargerScale: left.scale) else { return nil }
    return (left.significand, scaled, left.scale)
  }

  /// The significand rescaled to `target ≥ scale` decimals, or `nil` beyond the digit limit.
  @inline(__always)
  func significand(atLargerScale target: Int) -> Int128? {
    let (scaled, overflow) = significand.multipliedReportingOverflow(
      by: Int128(powerOfTen(target - scale)))
    guard !overflow, scaled >= -Self.maxSignificand, scaled <= Self.maxSignificand else {
      return nil
    }
    return scaled
  }

  /// Whether a significand is within the digit limit.
  @inline(__always)
  static func inRange(_ significand: Int128) -> Bool {
    significand >= -maxSignificand && significand <= maxSignificand
  }

  /// `left + right` (or `left − right` when `negatingRight`) at full width, for the sums
  /// whose operands or result exceed 38 digits at the larger scale.
  @inline(never)
  static func wideSum(_ left: ExactDecimal, _ right: ExactDecimal, negatingRight: Bool)
    throws(ValueError) -> ExactDecimal
  {
    let scale = Swift.max(left.scale, right.scale)
    let leftMagnitude = WideMagnitude.product(
      left.significand.magnitude, powerOfTen(scale - left.scale))
    let rightMagnitude = WideMagnitude.product(
      right.significand.magnitude, powerOfTen(scale - right.scale))
    let leftNegative = left.significand < 0
    let rightNegative = (right.significand < 0) != negatingRight
    if leftNegative == rightNegative {
      return try fitting(
        leftMagnitude.adding(rightMagnitude), negative: leftNegative, scale: scale)
    }
    if rightMagnitude < leftMagnitude {
      return try fitting(
        leftMagnitude.subtracting(rightMagnitude), negative: leftNegative, scale: scale)
    }
    return try fitting(
      rightMagnitude.subtracting(leftMagnitude), negative: rightNegative, scale: scale)
  }

  /// The exact sum, at the larger of the two scales (`1.5 + 2.25 = 3.75`, `1.50 + 1 = 2.50`).
  public func adding(_ other: ExactDecimal) throws(ValueError) -> ExactDecimal {
    if let (left, right, scale) = Self.aligned(self, other) {
      let (sum, overflow) = left.addingReportingOverflow(right)
      if !overflow && Self.inRange(sum) { return ExactDecimal(unchecked: sum, scale: scale) }
    }
    return try Self.wideSum(self, other, negatingRight: false)
  }

  /// The exact difference, at the larger of the two scales.
  public func subtracting(_ other: ExactDecimal) throws(ValueError) -> ExactDecimal {
    if let (left, right, scale) = Self.aligned(self, other) {
      let (difference, overflow) = left.subtractingReportingOverflow(right)
      if !overflow && Self.inRange(difference) {
        return ExactDecimal(unchecked: difference, scale: scale)
      }
    }
    return try Self.wideSum(self, other, negatingRight: true)
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
      guard product.high == 0 else {
        return try Self.fitting(WideMagnitude(product), negative: negative, scale: scale)
      }
      return try Self.make(magnitude: product.low, negative: negative, scale: scale)
    }
    let divisor = powerOfTen(scale - Self.maxScale)
    guard let rounded = dividedRoundingHalfEven(product, by: divisor) else {
      return try Self.fitting(
        WideMagnitude(product).dividedRoundingHalfEven(by: divisor), negative: negative,
        scale: Self.maxScale)
    }
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
    guard numerator.high < divisor else {
      return try wideQuotient(WideMagnitude(numerator), by: divisor, negative: negative)
    }
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

  /// The quotient `numerator / divisor` at ``maxScale`` decimals when it exceeds 128 bits
  /// there: the same rule as ``divided(by:)``, at full width.
  @inline(never)
  func wideQuotient(_ numerator: WideMagnitude, by divisor: UInt128, negative: Bool)
    throws(ValueError) -> ExactDecimal
  {
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: divisor)
    if remainder != 0 {
      return try Self.fitting(
        quotient.roundedHalfEven(remainder: remainder, divisor: divisor), negative: negative,
        scale: Self.maxScale)
    }
    var magnitude = quotient
    var resultScale = Self.maxScale
    while resultScale > scale {
      let (tenth, digit) = magnitude.quotientAndRemainder(dividingBy: 10)
      guard digit == 0 else { break }
      magnitude = tenth
      resultScale -= 1
    }
    return try Self.fitting(magnitude, negative: negative, scale: resultScale)
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

/// How ``ExactDecimal/rounded(scale:rule:)`` treats the digits it drops.
public enum RoundingRule: Sendable, Hashable, CaseIterable {
  /// To the nearest; a half goes away from zero (2.5 → 3, −2.5 → −3). The default, as in
  /// school arithmetic and most published funding rules.
  case halfAwayFromZero
  /// To the nearest; a half goes to the even neighbour (2.5 → 2, 3.5 → 4): banker's rounding.
  case halfEven
  /// To the nearest; a half goes toward zero (2.5 → 2, −2.5 → −2).
  case halfTowardZero
  /// Toward positive infinity (2.1 → 3, −2.9 → −2).
  case ceiling
  /// Toward negative infinity (2.9 → 2, −2.1 → −3).
  case floor
  /// Drop the digits (2.9 → 2, −2.9 → −2).
  case towardZero
  /// Away from zero whenever a non-zero digit is dropped (2.1 → 3, −2.1 → −3).
  case awayFromZero
}

extension ExactDecimal {
  /// The value with exactly `scale` decimals, rounded by `rule` if digits are dropped.
  ///
  /// `round(x, 2)` in a policy is `x.rounded(scale: 2)`. Asking for more decimals than the
  /// value has pads with zeros (`1.5` at scale 2 is `1.50`), as many as the digit limit
  /// allows: the value is the same, only its display keeps fewer zeros
  /// (`round(99999999999999999999999999999999999999, 18)` is the number itself). Throws
  /// ``ValueError/scaleOutOfRange(_:)`` outside `0...maxScale`.
  public func rounded(scale target: Int, rule: RoundingRule = .halfAwayFromZero)
    throws(ValueError) -> ExactDecimal
  {
    guard (0...Self.maxScale).contains(target) else { throw .scaleOutOfRange(target) }
    if target >= scale {
      if let padded = significand(atLargerScale: target) {
        return ExactDecimal(unchecked: padded, scale: target)
      }
      return try Self.fitting(
        WideMagnitude.product(significand.magnitude, powerOfTen(target - scale)),
        negative: significand < 0, scale: target)
    }
    let negative = significand < 0
    let divisor = powerOfTen(scale - target)
    let (quotient, remainder) = significand.magnitude.quotientAndRemainder(dividingBy: divisor)
    let awayFromZero: Bool
    if remainder == 0 {
      awayFromZero = false
    } else {
      // remainder < divisor, so divisor - remainder neither overflows nor is zero.
      let rest = divisor - remainder
      switch rule {
      case .halfAwayFromZero: awayFromZero = remainder >= rest
      case .halfEven: awayFromZero = remainder > rest || (remainder == rest && quotient & 1 == 1)
      case .halfTowardZero: awayFromZero = remainder > rest
      case .ceiling: awayFromZero = !negative
      case .floor: awayFromZero = negative
      case .towardZero: awayFromZero = false
      case .awayFromZero: awayFromZero = true
      }
    }
    // quotient ≤ maxSignificand / 10, so adding one stays in range.
    let magnitude = awayFromZero ? quotient + 1 : quotient
    return try Self.make(magnitude: magnitude, negative: negative && magnitude != 0, scale: target)
  }
}

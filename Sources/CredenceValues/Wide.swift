/// Powers of ten that fit in `UInt128`: `powersOfTen[k] == 10^k` for `k` in `0...38`.
let powersOfTen: [UInt128] = {
  var table: [UInt128] = [1]
  for _ in 1...38 { table.append(table[table.count - 1] &* 10) }
  return table
}()

/// `10^k` for `k` in `0...38`.
@inline(__always)
func powerOfTen(_ k: Int) -> UInt128 { powersOfTen[k] }

/// Divides a 256-bit magnitude by `divisor`, rounding half to even.
///
/// Returns `nil` when the quotient does not fit in 128 bits. Products and quotients of
/// exact decimals are computed at full width so that only this one rounding step loses
/// digits, and only when the documented rule says so.
func dividedRoundingHalfEven(
  _ dividend: (high: UInt128, low: UInt128), by divisor: UInt128
) -> UInt128? {
  guard dividend.high < divisor else { return nil }
  let (quotient, remainder) = divisor.dividingFullWidth(dividend)
  return roundHalfEven(quotient: quotient, remainder: remainder, divisor: divisor)
}

/// Applies half-to-even rounding to a quotient given its remainder; `nil` on overflow.
@inline(__always)
func roundHalfEven(quotient: UInt128, remainder: UInt128, divisor: UInt128) -> UInt128? {
  // remainder < divisor, so comparing remainder with divisor - remainder avoids overflow.
  let rest = divisor - remainder
  if remainder > rest || (remainder == rest && quotient & 1 == 1) {
    let (rounded, overflow) = quotient.addingReportingOverflow(1)
    return overflow ? nil : rounded
  }
  return quotient
}

/// A magnitude of up to 256 bits: a result computed at full width before it is fitted into
/// ``ExactDecimal/maxDigits`` digits.
///
/// Only the slow paths of the arithmetic use it: a sum, product, quotient or padded value
/// whose significand at its natural scale exceeds 38 digits, but whose value may still fit
/// at a smaller scale (`99999999999999999999999999999999999999 * 1.000000000000000000`).
/// The magnitudes that arise stay below `10^75`, far from 2^256, so nothing here overflows.
struct WideMagnitude: Equatable {
  var high: UInt128
  var low: UInt128

  init(high: UInt128, low: UInt128) {
    self.high = high
    self.low = low
  }

  init(_ narrow: UInt128) { self.init(high: 0, low: narrow) }

  init(_ parts: (high: UInt128, low: UInt128)) { self.init(high: parts.high, low: parts.low) }

  /// `left × right` at full width.
  static func product(_ left: UInt128, _ right: UInt128) -> WideMagnitude {
    WideMagnitude(left.multipliedFullWidth(by: right))
  }

  /// The value, if it fits in 128 bits.
  var narrow: UInt128? { high == 0 ? low : nil }

  /// The quotient (at full width) and remainder of a division by a non-zero `divisor`.
  func quotientAndRemainder(dividingBy divisor: UInt128) -> (WideMagnitude, UInt128) {
    let (quotientHigh, remainderHigh) = high.quotientAndRemainder(dividingBy: divisor)
    let (quotientLow, remainder) = divisor.dividingFullWidth((remainderHigh, low))
    return (WideMagnitude(high: quotientHigh, low: quotientLow), remainder)
  }

  /// The quotient by `divisor`, rounded half to even.
  func dividedRoundingHalfEven(by divisor: UInt128) -> WideMagnitude {
    let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
    return quotient.roundedHalfEven(remainder: remainder, divisor: divisor)
  }

  /// This quotient, rounded half to even given the `remainder` of its division.
  func roundedHalfEven(remainder: UInt128, divisor: UInt128) -> WideMagnitude {
    let rest = divisor - remainder
    guard remainder > rest || (remainder == rest && low & 1 == 1) else { return self }
    return adding(WideMagnitude(1))
  }

  func adding(_ other: WideMagnitude) -> WideMagnitude {
    let (low, carry) = low.addingReportingOverflow(other.low)
    return WideMagnitude(high: high &+ other.high &+ (carry ? 1 : 0), low: low)
  }

  /// `self − other`, for `other ≤ self`.
  func subtracting(_ other: WideMagnitude) -> WideMagnitude {
    let (low, borrow) = low.subtractingReportingOverflow(other.low)
    return WideMagnitude(high: high &- other.high &- (borrow ? 1 : 0), low: low)
  }

  static func < (left: WideMagnitude, right: WideMagnitude) -> Bool {
    left.high != right.high ? left.high < right.high : left.low < right.low
  }
}

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

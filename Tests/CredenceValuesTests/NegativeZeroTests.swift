import Testing

@testable import CredenceValues

/// A zero is never shown with a sign: a claim cut to nothing reads `0 SGD`, not `-0 SGD`,
/// however the zero was reached (parsed, a REAL, negated, subtracted, multiplied, rounded).
@Suite("No negative zero")
struct NegativeZeroTests {
  static func zeros() throws -> [ExactDecimal] {
    let five = dec("5.25")
    return [
      dec("-0"), dec("-0.00"), dec("0.000"),
      try #require(ExactDecimal(shortestRoundTrip: -0.0)),
      dec("0.00").negated(), -dec("0"),
      try five - five, try (-five) + five,
      try dec("-3.5") * dec("0.00"), try dec("0") * dec("-7"),
      try dec("0").divided(by: dec("-3")),
      try dec("-0.004").rounded(scale: 2),
    ]
  }

  @Test("every zero reads 0 in every display, with or without decimals")
  func zerosHaveNoSign() throws {
    for zero in try Self.zeros() {
      #expect(zero.isZero && !zero.isNegative, "\(zero)")
      for text in [zero.description, zero.readable, zero.normalized.description] {
        #expect(!text.hasPrefix("-") && !text.hasPrefix("−"), "\(text)")
      }
      let money = Money(zero, try #require(CurrencyCode(parsing: "SGD")))
      #expect(!money.description.hasPrefix("-") && !money.readable.hasPrefix("-"))
      #expect(!Percent(zero).readable.hasPrefix("-"))
    }
  }
}

import Testing

@testable import CredenceValues

@Suite("Money, currencies and percentages")
struct MoneyTests {
  static func code(_ text: String) throws -> CurrencyCode {
    try #require(CurrencyCode(parsing: text), "currency \(text)")
  }

  static func money(_ text: String) throws -> Money {
    try #require(Money(parsing: text), "money \(text)")
  }

  @Test("currency codes are exactly three uppercase ASCII letters")
  func currencyCodes() throws {
    for text in ["SGD", "EUR", "USD", "AAA", "ZZZ"] {
      #expect(CurrencyCode(parsing: text)?.description == text)
    }
    for text in ["", "SG", "SGDX", "sgd", "Sgd", "SG1", "S D", "ÉUR", "SGD "] {
      #expect(CurrencyCode(parsing: text) == nil, "\(text)")
    }
    #expect(try Self.code("EUR") < Self.code("SGD"))
    #expect(try Self.code("SGA") < Self.code("SGB"))
    #expect(try Self.code("SGD") == Self.code("SGD"))
  }

  @Test(
    "money reads as an amount, one space and a code",
    arguments: [
      ("500 SGD", "500", "SGD"), ("1250.00 SGD", "1250.00", "SGD"), ("-12.5 EUR", "-12.5", "EUR"),
    ])
  func parses(text: String, amount: String, currency: String) {
    let money = Money(parsing: text)
    #expect(money?.amount.description == amount)
    #expect(money?.currency.description == currency)
    #expect(money?.description == text)
  }

  @Test(
    "malformed money is rejected",
    arguments: [
      "500SGD", "500  SGD", "500 sgd", "500 SG", "SGD 500", " 500 SGD", "500 SGDX", "SGD",
      "500", "", "1e3 SGD", "500 SGD ",
    ])
  func rejects(text: String) {
    #expect(Money(parsing: text) == nil)
  }

  @Test("equality is by amount value and currency")
  func equality() throws {
    #expect(try Self.money("500.00 SGD") == Self.money("500 SGD"))
    #expect(try Self.money("500 SGD") != Self.money("500 USD"))
    #expect(Set([try Self.money("500.00 SGD"), try Self.money("500 SGD")]).count == 1)
  }

  @Test("arithmetic within one currency is exact")
  func sameCurrency() throws {
    #expect(try (Self.money("500 SGD") + Self.money("250.50 SGD")).description == "750.50 SGD")
    #expect(try (Self.money("500 SGD") - Self.money("750 SGD")).description == "-250 SGD")
    #expect(try Self.money("1250.00 SGD").multiplied(by: dec("2")).description == "2500.00 SGD")
    #expect(
      try Self.money("100 SGD").divided(by: dec("3")).description == "33.333333333333333333 SGD")
    #expect(try Self.money("300 SGD").divided(by: try Self.money("1200 SGD")) == dec("0.25"))
    #expect(try Self.money("500 SGD").compared(to: try Self.money("499.99 SGD")) == .greater)
    #expect(
      try Money.min(try Self.money("0 SGD"), try Self.money("-5 SGD")) == Self.money("-5 SGD"))
    #expect(try Money.max(try Self.money("0 SGD"), try Self.money("-5 SGD")) == Self.money("0 SGD"))
    #expect(try Self.money("1125.0050 SGD").rounded(scale: 2).description == "1125.01 SGD")
    #expect(try Self.money("5 SGD").negated() == Self.money("-5 SGD"))
  }

  @Test("mixing currencies is an error naming both, never a silent conversion")
  func mixing() throws {
    let sgd = try Self.money("500 SGD")
    let usd = try Self.money("500 USD")
    let mismatch = ValueError.currencyMismatch(try Self.code("SGD"), try Self.code("USD"))
    #expect(throws: mismatch) { try sgd + usd }
    #expect(throws: mismatch) { try sgd - usd }
    #expect(throws: mismatch) { try sgd.compared(to: usd) }
    #expect(throws: mismatch) { try sgd.divided(by: usd) }
    #expect(throws: mismatch) { try Money.min(sgd, usd) }
    #expect(throws: mismatch) { try Money.max(sgd, usd) }
    #expect(mismatch.description == "cannot combine amounts in `SGD` and `USD`")
  }

  @Test("percentages parse, and apply exactly to numbers and money")
  func percentages() throws {
    #expect(Percent(parsing: "90%")?.value == dec("90"))
    #expect(Percent(parsing: "12.5%")?.description == "12.5%")
    for text in ["90", "90 %", "%", "", "%90", "9O%", "90%%"] {
      #expect(Percent(parsing: text) == nil, "\(text)")
    }
    let ninety = try #require(Percent(parsing: "90%"))
    // 90 × 1250.00 / 100: the scale grows by two.
    let subsidy = try ninety.applied(to: try Self.money("1250.00 SGD"))
    #expect(subsidy.description == "1125.0000 SGD")
    #expect(try Self.money("1250.00 SGD").multiplied(by: ninety) == subsidy)
    #expect(try ninety.fraction.description == "0.90")
    #expect(try Percent(dec("12.5")).applied(to: dec("80")) == dec("10"))
    #expect(try Percent(dec("70")).applied(to: dec("333.33")).description == "233.3310")
    // Beyond 18 decimals the division rule applies: half to even.
    let tiny = try #require(ExactDecimal(significand: 5, scale: 18))
    #expect(try Percent(dec("1")).applied(to: tiny).isZero)
    #expect(Percent(dec("70")) < ninety)
    #expect(try Percent(dec("70")).adding(Percent(dec("20"))) == ninety)
    #expect(try ninety.subtracting(Percent(dec("20"))) == Percent(dec("70")))
    #expect(try Percent(dec("30")).multiplied(by: dec("3")) == ninety)
  }
}

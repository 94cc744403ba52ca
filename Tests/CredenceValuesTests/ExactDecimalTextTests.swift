import CredenceTestSupport
import Foundation
import Testing

@testable import CredenceValues

@Suite("Exact decimals: reading and writing")
struct ExactDecimalTextTests {
  @Test(
    "plain decimal notation parses to the written significand and scale",
    arguments: [
      ("7.5", Int128(75), 1), ("-1250.00", -125_000, 2), ("12", 12, 0), ("0", 0, 0),
      ("007", 7, 0), ("0.001", 1, 3), ("-0.5", -5, 1), ("100", 100, 0),
    ] as [(String, Int128, Int)])
  func parses(text: String, significand: Int128, scale: Int) {
    let value = ExactDecimal(parsing: text)
    #expect(value?.significand == significand)
    #expect(value?.scale == scale)
  }

  @Test(
    "everything else is rejected",
    arguments: [
      "", "-", "+1", " 1", "1 ", "1.", ".5", "-.5", "1e5", "1E5", "1_000", "1,000", "1.2.3",
      "--1", "1-", "0x10", "١٢", "NaN", "inf", "1.5%", "12 SGD",
    ])
  func rejects(text: String) {
    #expect(ExactDecimal(parsing: text) == nil)
  }

  @Test("the digit limits are enforced at exactly their bounds")
  func digitLimits() {
    let maxDigits = String(repeating: "9", count: ExactDecimal.maxDigits)
    #expect(ExactDecimal(parsing: maxDigits) != nil)
    #expect(ExactDecimal(parsing: "-" + maxDigits) != nil)
    #expect(ExactDecimal(parsing: maxDigits + "9") == nil)
    #expect(
      ExactDecimal(parsing: "1" + String(repeating: "0", count: ExactDecimal.maxDigits)) == nil)
    // Leading zeros are not significant digits.
    #expect(ExactDecimal(parsing: "000" + maxDigits) != nil)
    let maxScale = "0." + String(repeating: "1", count: ExactDecimal.maxScale)
    #expect(ExactDecimal(parsing: maxScale)?.scale == ExactDecimal.maxScale)
    #expect(ExactDecimal(parsing: maxScale + "1") == nil)
    #expect(ExactDecimal.maxDigits == 38)
    #expect(ExactDecimal.maxScale == 18)
  }

  @Test(
    "description keeps the scale and writes plain notation",
    arguments: [
      ("1250.00", "1250.00"), ("7.5", "7.5"), ("-0.05", "-0.05"), ("0.000", "0.000"),
      ("-0", "0"), ("-0.00", "0.00"), ("007.50", "7.50"), ("12", "12"),
      // Around the 64-bit and base-10^19 boundaries of the digit writer.
      ("9999999999999999999", "9999999999999999999"),
      ("10000000000000000000", "10000000000000000000"),
      ("18446744073709551616", "18446744073709551616"),
      ("-10.000000000000000000", "-10.000000000000000000"),
      ("0.000000000000000001", "0.000000000000000001"),
      ("-99999999999999999999.999999999999999999", "-99999999999999999999.999999999999999999"),
      ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
    ])
  func describes(text: String, expected: String) {
    #expect(dec(text).description == expected)
  }

  @Test("equality and hashing are by value, not by scale")
  func valueEquality() {
    #expect(dec("1.50") == dec("1.5"))
    #expect(dec("2.000") == ExactDecimal(2))
    #expect(dec("-0.0") == .zero)
    #expect(dec("1.50").hashValue == dec("1.5").hashValue)
    #expect(Set([dec("1.50"), dec("1.5"), dec("1.500")]).count == 1)
    #expect(dec("1.51") != dec("1.5"))
  }

  @Test("ordering agrees with Foundation's Decimal on random values")
  func orderingMatchesReference() throws {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<2000 {
      let a = randomDecimal(&generator, digits: 30, maxScale: 18)
      let b = randomDecimal(&generator, digits: 30, maxScale: 18)
      let ra = try #require(Decimal(string: a.description))
      let rb = try #require(Decimal(string: b.description))
      #expect((a < b) == (ra < rb), "\(a) < \(b)")
      #expect((a == b) == (ra == rb), "\(a) == \(b)")
    }
  }

  @Test("comparison across extreme scales never overflows")
  func extremeComparison() {
    let big = dec(String(repeating: "9", count: 38))
    let small = dec("0." + String(repeating: "9", count: 18))
    #expect(small < big)
    #expect(big.negated() < small.negated())
    #expect(big > small)
    #expect(dec("99999999999999999999.999999999999999999") < big)
  }

  @Test("parse(format(x)) == x with the same scale, for random values")
  func roundTrip() {
    var generator = SplitMix64(seed: 1)
    for _ in 0..<5000 {
      let value = randomDecimal(&generator, digits: 38, maxScale: 18)
      let back = ExactDecimal(parsing: value.description)
      #expect(back == value)
      #expect(back?.scale == value.scale)
      #expect(back?.significand == value.significand)
    }
  }

  @Test("a REAL reads through its shortest round-trip decimal form")
  func shortestRoundTrip() {
    #expect(ExactDecimal(shortestRoundTrip: 0.1) == dec("0.1"))
    #expect(ExactDecimal(shortestRoundTrip: 0.1)?.scale == 1)
    #expect(ExactDecimal(shortestRoundTrip: 1250.0)?.description == "1250")
    #expect(ExactDecimal(shortestRoundTrip: 7.5)?.description == "7.5")
    #expect(ExactDecimal(shortestRoundTrip: -2.675)?.description == "-2.675")
    #expect(ExactDecimal(shortestRoundTrip: 0.00001)?.description == "0.00001")
    #expect(ExactDecimal(shortestRoundTrip: 1e20)?.description == "100000000000000000000")
    #expect(ExactDecimal(shortestRoundTrip: 0.1 + 0.2)?.description == "0.30000000000000004")
    #expect(ExactDecimal(shortestRoundTrip: -0.0)?.description == "0")
    #expect(ExactDecimal(shortestRoundTrip: 0) == .zero)
    #expect(ExactDecimal(shortestRoundTrip: .nan) == nil)
    #expect(ExactDecimal(shortestRoundTrip: .infinity) == nil)
    #expect(ExactDecimal(shortestRoundTrip: -.infinity) == nil)
    #expect(ExactDecimal(shortestRoundTrip: 1e40) == nil)
    #expect(ExactDecimal(shortestRoundTrip: 1e-19) == nil)
    #expect(ExactDecimal(shortestRoundTrip: 1e-18) == dec("0.000000000000000001"))
    #expect(ExactDecimal(shortestRoundTrip: .leastNonzeroMagnitude) == nil)
    #expect(ExactDecimal(shortestRoundTrip: .greatestFiniteMagnitude) == nil)
  }

  @Test("random doubles read back to the same double")
  func shortestRoundTripProperty() throws {
    var generator = SplitMix64(seed: 5)
    for _ in 0..<2000 {
      let double = Double.random(in: -1e9...1e9, using: &generator)
      let value = try #require(ExactDecimal(shortestRoundTrip: double))
      #expect(Double(value.description) == double)
    }
  }

  @Test("fixed-point integers convert exactly or not at all")
  func fixedPoint() {
    #expect(dec("1.5").fixedPoint(scale: 2) == 150)
    #expect(dec("1.25").fixedPoint(scale: 1) == nil)
    #expect(dec("-12").fixedPoint(scale: 0) == -12)
    #expect(dec("1.50").fixedPoint(scale: 1) == 15)
    #expect(dec(String(repeating: "9", count: 20)).fixedPoint(scale: 0) == nil)
    #expect(ExactDecimal(fixedPoint: 150, scale: 2) == dec("1.5"))
    #expect(ExactDecimal(fixedPoint: 1, scale: 19) == nil)
    #expect(dec("2.00").intValue == 2)
    #expect(dec("2.5").intValue == nil)
  }
}

import CredenceTestSupport
import Foundation
import Testing

@testable import CredenceValues

@Suite("Exact decimals: arithmetic")
struct ExactDecimalArithmeticTests {
  /// Foundation's Decimal holds 38 digits; for operands small enough that results fit, its
  /// sums and products are exact and serve as the reference.
  static func reference(_ value: ExactDecimal) -> Decimal? { Decimal(string: value.description) }

  @Test("sums, differences and products match Foundation's Decimal on random values")
  func matchesReference() throws {
    var generator = SplitMix64(seed: 21)
    for _ in 0..<3000 {
      let a = randomDecimal(&generator, digits: 17, maxScale: 9)
      let b = randomDecimal(&generator, digits: 17, maxScale: 9)
      let ra = try #require(Self.reference(a))
      let rb = try #require(Self.reference(b))
      #expect(try Self.reference(a + b) == ra + rb, "\(a) + \(b)")
      #expect(try Self.reference(a - b) == ra - rb, "\(a) - \(b)")
      #expect(try Self.reference(a * b) == ra * rb, "\(a) * \(b)")
    }
  }

  @Test("sums and products keep the scales the rules give")
  func scales() throws {
    #expect(try (dec("1.50") + dec("1")).description == "2.50")
    #expect(try (dec("1.5") + dec("2.25")).description == "3.75")
    #expect(try (dec("0.1") + dec("0.2")).description == "0.3")
    #expect(try (dec("0.90") * dec("1250.00")).description == "1125.0000")
    #expect(try (dec("3") - dec("3.00")).description == "0.00")
    #expect(try (dec("-2") * dec("0")).description == "0")
  }

  @Test("property: (a + b) - b == a, and a - a == 0, for random 19-digit values")
  func addSubtractProperty() throws {
    var generator = SplitMix64(seed: 2)
    for _ in 0..<5000 {
      // 19 digits shifted by up to 18 decimals stays within 38 digits: no overflow here.
      let a = randomDecimal(&generator, digits: 19, maxScale: 18)
      let b = randomDecimal(&generator, digits: 19, maxScale: 18)
      #expect(try (a + b) - b == a)
      #expect(try (a - a).isZero)
      #expect(try a + b == b + a)
    }
  }

  @Test("overflow is reported as an error and never traps")
  func overflowNeverTraps() throws {
    let max = dec(String(repeating: "9", count: ExactDecimal.maxDigits))
    let one = ExactDecimal.one
    #expect(throws: ValueError.overflow) { try max + one }
    #expect(throws: ValueError.overflow) { try max.negated() - one }
    #expect(throws: ValueError.overflow) { try max * dec("10") }
    #expect(throws: ValueError.overflow) { try max * max }
    #expect(throws: ValueError.overflow) { try max.negated() * max }
    #expect(throws: ValueError.overflow) { try max + dec("0.1") }
    #expect(throws: ValueError.overflow) { try max / dec("0.000000000000000001") }
    #expect(throws: ValueError.overflow) { try max / dec("0.5") }
    #expect(try max.rounded(scale: 1) == max)
    #expect(throws: ValueError.overflow) {
      try dec("1234567890123456789012345678901234567.8") * dec("100")
    }
    #expect(try max - one == dec(String(repeating: "9", count: 37) + "8"))
    #expect(try max + max.negated() == .zero)
    #expect(max.negated().negated() == max)
    #expect(ExactDecimal(significand: ExactDecimal.maxSignificand + 1, scale: 0) == nil)
    #expect(ExactDecimal(significand: 1, scale: -1) == nil)
    #expect(ExactDecimal(significand: 1, scale: 19) == nil)
    #expect(ExactDecimal(Int.min).description == String(Int.min))
    var generator = SplitMix64(seed: 99)
    for _ in 0..<3000 {
      let a = randomDecimal(&generator, digits: 38, maxScale: 18)
      let b = randomDecimal(&generator, digits: 38, maxScale: 18)
      // Any outcome is fine except a trap; a result must be in range.
      for result in [try? a + b, try? a - b, try? a * b, try? a / b] {
        if let result {
          #expect(result.significand.magnitude <= UInt128(ExactDecimal.maxSignificand))
        }
      }
    }
  }

  @Test(
    "division is exact when it terminates within 18 decimals, keeping the dividend's scale",
    arguments: [
      ("1250.00", "4", "312.50"), ("7", "2", "3.5"), ("1", "8", "0.125"), ("10", "5", "2"),
      ("1.50", "0.5", "3.00"), ("-9", "4", "-2.25"), ("0.000", "7", "0.000"),
      ("1", "1024", "0.0009765625"), ("100", "-0.25", "-400"),
      ("1", "0.000000000000000001", "1000000000000000000"),
    ])
  func exactDivision(dividend: String, divisor: String, expected: String) throws {
    #expect(try (dec(dividend) / dec(divisor)).description == expected)
  }

  @Test(
    "division that does not terminate is rounded half to even at 18 decimals",
    arguments: [
      ("10", "3", "3.333333333333333333"), ("2", "3", "0.666666666666666667"),
      ("-2", "3", "-0.666666666666666667"), ("1", "7", "0.142857142857142857"),
      // Exact at 19 decimals, ending in 5: the tie goes to the even neighbour.
      ("0.000000000000000005", "10", "0.000000000000000000"),
      ("0.000000000000000015", "10", "0.000000000000000002"),
      ("0.000000000000000025", "10", "0.000000000000000002"),
      ("-0.000000000000000035", "10", "-0.000000000000000004"),
    ])
  func roundedDivision(dividend: String, divisor: String, expected: String) throws {
    #expect(try (dec(dividend) / dec(divisor)).description == expected)
  }

  @Test("division by zero is an error")
  func divisionByZero() {
    #expect(throws: ValueError.divisionByZero) { try dec("1") / .zero }
    #expect(throws: ValueError.divisionByZero) { try dec("0") / dec("0.00") }
  }

  @Test("property: a quotient is within half a unit of the 18th decimal of the truth")
  func divisionProperty() throws {
    var generator = SplitMix64(seed: 17)
    let halfUnit = try #require(Decimal(string: "0.0000000000000000005"))
    for _ in 0..<3000 {
      let a = randomDecimal(&generator, digits: 9, maxScale: 4)
      let b = randomDecimal(&generator, digits: 9, maxScale: 4)
      guard !b.isZero else { continue }
      let q = try a / b
      let ra = try #require(Self.reference(a))
      let rb = try #require(Self.reference(b))
      let rq = try #require(Self.reference(q))
      // |a - q b| ≤ |b| / 2 × 10^-18, computed exactly in Decimal (≤ 38 digits here).
      let error = ra - rq * rb
      let bound = (rb < 0 ? -rb : rb) * halfUnit
      #expect((error < 0 ? -error : error) <= bound, "\(a) / \(b) = \(q)")
      if q.scale < ExactDecimal.maxScale { #expect(error == 0) }
    }
  }

  @Test("products beyond 18 decimals round half to even at 18")
  func longProducts() throws {
    let third = try dec("1") / dec("3")
    // 333333333333333333² = 111111111111111110888888888888888889 (36 decimals).
    #expect(try (third * third).description == "0.111111111111111111")
    #expect(try (dec("0.000000000000000005") * dec("0.1")).description == "0.000000000000000000")
    #expect(try (dec("0.000000000000000015") * dec("0.1")).description == "0.000000000000000002")
    #expect(try (third * dec("1250.00")).description == "416.666666666666666250")
  }
}

import CredenceTestSupport
import Testing

@testable import CredenceValues

@Suite("Exact decimals: rounding")
struct ExactDecimalRoundingTests {
  /// Expected results per rule, in the order halfAwayFromZero, halfEven, halfTowardZero,
  /// ceiling, floor, towardZero, awayFromZero. Worked out by hand.
  static let rules: [RoundingRule] = [
    .halfAwayFromZero, .halfEven, .halfTowardZero, .ceiling, .floor, .towardZero, .awayFromZero,
  ]

  @Test(
    "the rounding table, including negative halves",
    arguments: [
      ("2.5", 0, ["3", "2", "2", "3", "2", "2", "3"]),
      ("-2.5", 0, ["-3", "-2", "-2", "-2", "-3", "-2", "-3"]),
      ("3.5", 0, ["4", "4", "3", "4", "3", "3", "4"]),
      ("-3.5", 0, ["-4", "-4", "-3", "-3", "-4", "-3", "-4"]),
      ("2.4", 0, ["2", "2", "2", "3", "2", "2", "3"]),
      ("-2.4", 0, ["-2", "-2", "-2", "-2", "-3", "-2", "-3"]),
      ("2.6", 0, ["3", "3", "3", "3", "2", "2", "3"]),
      ("-2.6", 0, ["-3", "-3", "-3", "-2", "-3", "-2", "-3"]),
      ("2.0", 0, ["2", "2", "2", "2", "2", "2", "2"]),
      ("-0.5", 0, ["-1", "0", "0", "0", "-1", "0", "-1"]),
      ("-0.4", 0, ["0", "0", "0", "0", "-1", "0", "-1"]),
      ("0.05", 1, ["0.1", "0.0", "0.0", "0.1", "0.0", "0.0", "0.1"]),
      ("1.005", 2, ["1.01", "1.00", "1.00", "1.01", "1.00", "1.00", "1.01"]),
      ("-1.2350", 2, ["-1.24", "-1.24", "-1.23", "-1.23", "-1.24", "-1.23", "-1.24"]),
      ("-1.2250", 2, ["-1.23", "-1.22", "-1.22", "-1.22", "-1.23", "-1.22", "-1.23"]),
      (
        "1124.99995", 2,
        ["1125.00", "1125.00", "1125.00", "1125.00", "1124.99", "1124.99", "1125.00"]
      ),
      ("1.5", 2, ["1.50", "1.50", "1.50", "1.50", "1.50", "1.50", "1.50"]),
    ] as [(String, Int, [String])])
  func table(value: String, scale: Int, expected: [String]) throws {
    for (rule, expected) in zip(Self.rules, expected) {
      #expect(try dec(value).rounded(scale: scale, rule: rule).description == expected, "\(rule)")
    }
  }

  @Test("half away from zero is the default")
  func defaultRule() throws {
    #expect(try dec("2.345").rounded(scale: 2).description == "2.35")
    #expect(try dec("-2.345").rounded(scale: 2).description == "-2.35")
  }

  @Test("rounding to a scale outside 0...18 is an error")
  func scaleLimits() throws {
    #expect(throws: ValueError.scaleOutOfRange(-1)) { try dec("1.5").rounded(scale: -1) }
    #expect(throws: ValueError.scaleOutOfRange(19)) { try dec("1.5").rounded(scale: 19) }
    #expect(try dec("1.5").rounded(scale: 18).scale == 18)
  }

  @Test("property: each rule lands on the right neighbour, within one unit")
  func property() throws {
    var generator = SplitMix64(seed: 8)
    for _ in 0..<2000 {
      let value = randomDecimal(&generator, digits: 20, maxScale: 8)
      let scale = Int.random(in: 0...6, using: &generator)
      let unit = try #require(ExactDecimal(significand: 1, scale: scale))
      let half = try #require(ExactDecimal(significand: 5, scale: scale + 1))
      for rule in RoundingRule.allCases {
        let rounded = try value.rounded(scale: scale, rule: rule)
        #expect(rounded.scale == scale)
        let error = try value - rounded  // value = rounded + error
        #expect(error.magnitude < unit)
        switch rule {
        case .ceiling: #expect(rounded >= value)
        case .floor: #expect(rounded <= value)
        case .towardZero: #expect(rounded.magnitude <= value.magnitude)
        case .awayFromZero: #expect(rounded.magnitude >= value.magnitude)
        case .halfAwayFromZero, .halfEven, .halfTowardZero:
          #expect(error.magnitude <= half)
          if error.magnitude == half {
            switch rule {
            case .halfAwayFromZero: #expect(rounded.magnitude > value.magnitude)
            case .halfTowardZero: #expect(rounded.magnitude < value.magnitude)
            default: #expect(rounded.significand % 2 == 0)
            }
          }
        }
      }
    }
  }
}

import Foundation
import Testing

@testable import CredenceValues

/// Checks arithmetic near the limits against vectors computed with arbitrary precision.
///
/// `reference/decimal_vectors.py` restates the rules (exact at the natural scale, trailing
/// zeros dropped only to fit in 38 digits) on Python's fractions and writes
/// `reference/decimal-vectors.txt`; regenerate it there after a deliberate rule change.
@Suite("Exact decimals against an arbitrary-precision reference")
struct ExactDecimalReferenceTests {
  static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/decimal-vectors.txt")

  static func outcome(_ operation: () throws(ValueError) -> ExactDecimal) -> String {
    do {
      return try operation().description
    } catch {
      return switch error {
      case .overflow: "overflow"
      case .divisionByZero: "divisionByZero"
      default: "\(error)"
      }
    }
  }

  @Test("every result that fits in 38 digits is exact, with the scale the rules give")
  func matchesReference() throws {
    let lines = try String(contentsOf: Self.vectors, encoding: .utf8).split(separator: "\n")
    #expect(lines.count > 2000)
    var checked = 0
    for line in lines {
      let fields = line.split(separator: " ").map(String.init)
      let left = dec(fields[1])
      let actual: String
      switch fields[0] {
      case "round":
        let rule = try #require(RoundingRule.allCases.first { "\($0)" == fields[3] })
        let places = try #require(Int(fields[2]))
        actual = Self.outcome { () throws(ValueError) in
          try left.rounded(scale: places, rule: rule)
        }
      default:
        let right = dec(fields[2])
        actual = Self.outcome { () throws(ValueError) in
          switch fields[0] {
          case "add": try left + right
          case "sub": try left - right
          case "mul": try left * right
          default: try left / right
          }
        }
      }
      #expect(actual == fields.last, "\(line)")
      checked += 1
    }
    #expect(checked == lines.count)
  }

  @Test(
    "the issue's reproducers are values, not overflows",
    arguments: [
      ("1000000000000000000000", "/", "1", "1000000000000000000000"),
      (
        "-99999999999999999999999999999999999999", "/", "-1",
        "99999999999999999999999999999999999999"
      ),
      (
        "99999999999999999999999999999999999999", "*", "1.000000000000000000",
        "99999999999999999999999999999999999999"
      ),
    ])
  func reproducers(left: String, operation: String, right: String, expected: String) throws {
    let result = try operation == "/" ? dec(left) / dec(right) : dec(left) * dec(right)
    #expect(result.description == expected)
  }

  @Test("rounding pads with as many zeros as fit")
  func roundingPads() throws {
    let max = dec("-99999999999999999999999999999999999999")
    #expect(try max.rounded(scale: 18).description == max.description)
    #expect(
      try dec("1234567890123456789012345.5").rounded(scale: 18).description
        == "1234567890123456789012345.5000000000000")
  }
}

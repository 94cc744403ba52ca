import CredenceTestSupport
import Testing

@testable import CredenceValues

/// Every parser meets random text built from the characters that matter to it (and a few
/// that do not); none may trap, and whatever is accepted must write back to the same value.
@Suite("Parsers never trap on random text")
struct ParserRobustnessTests {
  static let alphabet = Array("0123456789.-+e %_SGDUYyearsmonthdwk\u{0}é١")

  static func randomText(_ generator: inout SplitMix64) -> String {
    let length = Int.random(in: 0...24, using: &generator)
    return String(
      (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
  }

  @Test("random text: accepted values round-trip, everything else is nil")
  func randomText() {
    var generator = SplitMix64(seed: 1234)
    var accepted = 0
    for _ in 0..<10_000 {
      let text = Self.randomText(&generator)
      if let value = ExactDecimal(parsing: text) {
        accepted += 1
        #expect(ExactDecimal(parsing: value.description) == value)
      }
      if let value = ExactDecimal(parsing: text[...]) {
        #expect(ExactDecimal(parsing: text) == value)
      }
      if let value = CivilDate(parsing: text) {
        #expect(CivilDate(parsing: value.description) == value)
      }
      if let value = Money(parsing: text) { #expect(Money(parsing: value.description) == value) }
      if let value = Percent(parsing: text) {
        #expect(Percent(parsing: value.description) == value)
      }
      if let value = CurrencyCode(parsing: text) {
        #expect(CurrencyCode(parsing: value.description) == value)
      }
      if let value = CalendarDuration(parsing: text) {
        #expect(CalendarDuration(parsing: value.description) == value)
      }
    }
    // The alphabet is rich in digits, so some texts must have been numbers.
    #expect(accepted > 0)
  }

  @Test("parsing raw UTF-8 bytes agrees with parsing the string")
  func rawBytes() {
    for text in ["7.5", "-1250.00", "2026-02-28", "2026-02-30", "500 SGD", "90%", "5 years", "x"] {
      var copy = text
      copy.withUTF8 { bytes in
        #expect(ExactDecimal(utf8: bytes) == ExactDecimal(parsing: text))
        #expect(CivilDate(utf8: bytes) == CivilDate(parsing: text))
        #expect(Money(utf8: bytes) == Money(parsing: text))
        #expect(Percent(utf8: bytes) == Percent(parsing: text))
        #expect(CalendarDuration(utf8: bytes) == CalendarDuration(parsing: text))
      }
    }
  }
}

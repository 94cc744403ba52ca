import Credence
import Testing

/// `--with-award CODE[:DATE[:GRADE]]` and the REPL's `:what-if` read exactly three parts.
@Suite struct HypotheticalAwardParsingTests {
  @Test func aFourthPartIsRefused() {
    #expect(HypotheticalAward(parsing: "IS5003:2026-01-01:A:extra") == nil)
    #expect(HypotheticalAward(parsing: "IS5003::A:") == nil)
    #expect(HypotheticalAward(parsing: "IS5003:2026-01-01:A")?.grade == "A")
    #expect(HypotheticalAward(parsing: "IS5003::A-")?.date == nil)
    #expect(HypotheticalAward(parsing: "IS5003")?.code == "IS5003")
    #expect(HypotheticalAward(parsing: ":2026-01-01") == nil)
  }
}

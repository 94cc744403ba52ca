import CredenceTestSupport
import Testing

@testable import CredenceValues

@Suite("Calendar durations")
struct CalendarDurationTests {
  @Test(
    "durations parse as a whole number, a space and a unit",
    arguments: [
      ("5 years", CalendarDuration(years: 5)), ("1 year", CalendarDuration(years: 1)),
      ("6 months", CalendarDuration(months: 6)), ("1 month", CalendarDuration(months: 1)),
      ("2 weeks", CalendarDuration(weeks: 2)), ("30 days", CalendarDuration(days: 30)),
      ("1 day", CalendarDuration(days: 1)), ("-30 days", CalendarDuration(days: -30)),
      ("0 days", CalendarDuration()),
    ])
  func parses(text: String, expected: CalendarDuration) {
    let parsed = CalendarDuration(parsing: text)
    #expect(parsed == expected)
    #expect(parsed?.years == expected.years && parsed?.days == expected.days)
  }

  @Test(
    "anything else is rejected",
    arguments: [
      "", "5", "years", "5years", "5  years", "5 Years", "5 yrs", "1.5 years", "+5 days",
      "- 5 days", "5 days ", "99999999999999999999 days", "5 fortnights", "-days",
    ])
  func rejects(text: String) {
    #expect(CalendarDuration(parsing: text) == nil)
  }

  @Test("a count has at most 18 digits, so it always fits")
  func countLimit() {
    #expect(CalendarDuration.maxCountDigits == 18)
    let longest = String(repeating: "9", count: CalendarDuration.maxCountDigits)
    #expect(CalendarDuration(parsing: longest + " days")?.days == 999_999_999_999_999_999)
    #expect(CalendarDuration(parsing: "-" + longest + " days")?.days == -999_999_999_999_999_999)
    #expect(CalendarDuration(parsing: longest + "9 days") == nil)
  }

  @Test("the description writes the components, singular where the count is one")
  func describes() {
    #expect(CalendarDuration.years(5).description == "5 years")
    #expect(CalendarDuration.months(1).description == "1 month")
    #expect(CalendarDuration(years: 1, months: 6).description == "1 year 6 months")
    #expect(CalendarDuration(weeks: 2, days: -1).description == "2 weeks -1 day")
    #expect(CalendarDuration().description == "0 days")
  }

  @Test("equality is by effect on dates")
  func equalityByEffect() throws {
    #expect(CalendarDuration.years(1) == .months(12))
    #expect(CalendarDuration.weeks(1) == .days(7))
    #expect(CalendarDuration.months(1) != .days(30))
    #expect(Set([CalendarDuration.years(2), .months(24)]).count == 1)
    var generator = SplitMix64(seed: 9)
    for _ in 0..<500 {
      let start =
        CivilDate(dayNumber: Int.random(in: -200_000...200_000, using: &generator)) ?? .min
      let years = Int.random(in: -100...100, using: &generator)
      #expect(try start + .years(years) == start + .months(12 * years))
      let weeks = Int.random(in: -1000...1000, using: &generator)
      #expect(try start + .weeks(weeks) == start + .days(7 * weeks))
    }
  }

  @Test("combining and negating report overflow instead of trapping")
  func overflow() throws {
    #expect(
      try CalendarDuration.years(1).adding(.months(6)) == CalendarDuration(years: 1, months: 6))
    #expect(throws: ValueError.overflow) { try CalendarDuration.days(.max).adding(.days(1)) }
    #expect(throws: ValueError.overflow) { try CalendarDuration.years(.min).negated() }
    #expect(
      try CalendarDuration(years: 1, days: -2).negated() == CalendarDuration(years: -1, days: 2))
  }
}

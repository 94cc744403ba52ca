import CredenceTestSupport
import Testing

@testable import CredenceValues

@Suite("Civil dates: the rules of language.md")
struct CivilDateTests {
  @Test(
    "strict YYYY-MM-DD parsing rejects anything that is not a real date so written",
    arguments: [
      "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-1", "2026-01-1",
      "26-01-01", "0000-01-01", "2025-02-29", "2100-02-29", "2026-04-31", "2026/01/01",
      "2026-01-01 ", " 2026-01-01", "2026-01-01T00:00", "+2026-01-01", "-2026-01-01",
      "20260101", "", "2026-01-０1", "10000-01-01", "2026-01-32",
    ])
  func parseRejects(text: String) {
    #expect(CivilDate(parsing: text) == nil)
  }

  @Test(
    "real dates parse to their components",
    arguments: [
      ("2026-02-28", 2026, 2, 28), ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
      ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31), ("1970-01-01", 1970, 1, 1),
    ])
  func parseAccepts(text: String, year: Int, month: Int, day: Int) {
    let parsed = CivilDate(parsing: text)
    #expect(parsed?.year == year)
    #expect(parsed?.month == month)
    #expect(parsed?.day == day)
    #expect(parsed?.description == text)
  }

  @Test("1970-01-01 is day 0; the range ends are 0001-01-01 and 9999-12-31")
  func epochAndRange() {
    #expect(date("1970-01-01").dayNumber == 0)
    #expect(date("1970-01-02").dayNumber == 1)
    #expect(date("1969-12-31").dayNumber == -1)
    #expect(CivilDate.min == date("0001-01-01"))
    #expect(CivilDate.max == date("9999-12-31"))
    #expect(CivilDate(year: 10_000, month: 1, day: 1) == nil)
    #expect(CivilDate(year: 0, month: 12, day: 31) == nil)
    #expect(CivilDate(year: Int.max, month: 1, day: 1) == nil)
    #expect(CivilDate(dayNumber: Int.max) == nil)
    #expect(CivilDate(dayNumber: Int.min) == nil)
  }

  /// Month clamping, hand-checked against a calendar.
  @Test(
    "adding months and years clamps to the end of a shorter month",
    arguments: [
      ("2026-01-31", CalendarDuration.months(1), "2026-02-28"),
      ("2024-01-31", .months(1), "2024-02-29"),
      ("2026-01-30", .months(1), "2026-02-28"),
      ("2026-01-28", .months(1), "2026-02-28"),
      ("2026-03-31", .months(1), "2026-04-30"),
      ("2026-05-31", .months(1), "2026-06-30"),
      ("2026-12-31", .months(2), "2027-02-28"),
      ("2026-01-31", .months(13), "2027-02-28"),
      ("2026-01-31", .months(12), "2027-01-31"),
      ("2024-02-29", .years(1), "2025-02-28"),
      ("2024-02-29", .years(4), "2028-02-29"),
      ("2000-02-29", .years(100), "2100-02-28"),
      ("2000-02-29", .years(400), "2400-02-29"),
      ("2026-03-31", .months(-1), "2026-02-28"),
      ("2026-08-31", .months(-6), "2026-02-28"),
      ("2026-01-15", .months(-1), "2025-12-15"),
      ("2026-01-31", CalendarDuration(months: 1, days: 1), "2026-03-01"),
      ("2026-01-31", CalendarDuration(years: 1, months: 1), "2027-02-28"),
      ("2026-01-01", .weeks(2), "2026-01-15"),
      ("2026-02-28", .days(1), "2026-03-01"),
      ("2024-02-28", .days(1), "2024-02-29"),
      ("2026-12-31", .days(1), "2027-01-01"),
      ("2026-07-01", .years(-5), "2021-07-01"),
    ])
  func clamping(start: String, duration: CalendarDuration, expected: String) throws {
    #expect(try date(start) + duration == date(expected))
  }

  @Test(
    "subtracting is adding the negation",
    arguments: [
      ("2026-03-31", CalendarDuration.months(1), "2026-02-28"),
      ("2025-02-28", .years(1), "2024-02-28"),
      ("2026-07-01", .years(5), "2021-07-01"),
      ("2026-03-01", .days(1), "2026-02-28"),
      ("2026-03-31", CalendarDuration(months: 1, days: 1), "2026-02-27"),
    ])
  func subtracting(start: String, duration: CalendarDuration, expected: String) throws {
    #expect(try date(start) - duration == date(expected))
  }

  @Test("arithmetic that leaves 0001-9999 reports an error and never traps")
  func outOfRange() throws {
    #expect(throws: ValueError.dateOutOfRange) { try CivilDate.max + .days(1) }
    #expect(throws: ValueError.dateOutOfRange) { try CivilDate.min - .days(1) }
    #expect(throws: ValueError.dateOutOfRange) { try date("9999-12-01") + .months(1) }
    #expect(throws: ValueError.dateOutOfRange) { try date("0001-01-31") - .months(1) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01") + .years(8000) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01").adding(days: .max) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01").adding(days: .min) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01").adding(months: .max) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01").adding(months: .min) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01") + .years(.max) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01") - .years(.min) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01") + .weeks(.max) }
    #expect(throws: ValueError.dateOutOfRange) {
      try date("2026-01-01") + CalendarDuration(years: .max, months: .max, weeks: .max, days: .max)
    }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01").adding(years: .max) }
    #expect(throws: ValueError.dateOutOfRange) { try date("2026-01-01").adding(years: 7974) }
    #expect(try date("2024-02-29").adding(years: 1) == date("2025-02-28"))
    #expect(try date("2026-01-01").adding(years: 7973) == date("9999-01-01"))
    #expect(try CivilDate.max - .days(1) == date("9999-12-30"))
    #expect(try CivilDate.min + .years(9998) == date("9999-01-01"))
  }

  @Test(
    "age in whole years: a 29 February birthday turns over on 1 March in common years",
    arguments: [
      // Born on a leap day; 2026 is a common year, 2028 a leap year.
      ("2008-02-29", "2026-02-27", 17), ("2008-02-29", "2026-02-28", 17),
      ("2008-02-29", "2026-03-01", 18), ("2008-02-29", "2028-02-28", 19),
      ("2008-02-29", "2028-02-29", 20), ("2008-02-29", "2028-03-01", 20),
      ("2008-02-29", "2008-02-29", 0), ("2008-02-29", "2009-02-28", 0),
      ("2008-02-29", "2009-03-01", 1),
      // An ordinary birthday: the day before, of and after.
      ("2001-07-01", "2026-06-30", 24), ("2001-07-01", "2026-07-01", 25),
      ("2001-07-01", "2026-07-02", 25),
      ("1986-12-31", "2026-12-30", 39), ("1986-12-31", "2026-12-31", 40),
      ("1987-01-01", "2026-12-31", 39), ("1987-01-01", "2027-01-01", 40),
    ])
  func age(birth: String, on day: String, expected: Int) {
    #expect(date(birth).age(on: date(day)) == expected)
    #expect(CivilDate.yearsBetween(date(birth), date(day)) == expected)
  }

  @Test(
    "whole months count a month when its day is reached",
    arguments: [
      ("2026-01-31", "2026-02-28", 0), ("2026-01-31", "2026-03-01", 1),
      ("2026-01-31", "2026-03-30", 1), ("2026-01-31", "2026-03-31", 2),
      ("2026-01-15", "2026-02-14", 0), ("2026-01-15", "2026-02-15", 1),
      ("2026-01-01", "2026-01-31", 0), ("2026-01-01", "2027-01-01", 12),
      ("2024-02-29", "2025-02-28", 11), ("2024-02-29", "2025-03-01", 12),
      ("2026-03-31", "2026-03-31", 0), ("2026-03-15", "2026-01-15", -2),
      ("2026-03-14", "2026-01-15", -1),
    ])
  func monthsBetween(start: String, end: String, expected: Int) {
    #expect(CivilDate.monthsBetween(date(start), date(end)) == expected)
  }

  @Test(
    "year-of-birth age is the difference of the years, whatever the day",
    arguments: [
      ("1986-12-31", "2026-01-01", 40), ("1987-01-01", "2026-12-31", 39),
      ("1986-01-01", "2026-12-31", 40), ("2008-02-29", "2026-02-28", 18),
    ])
  func yearOfBirthAge(birth: String, on day: String, expected: Int) {
    #expect(date(birth).yearOfBirthAge(on: date(day)) == expected)
  }

  @Test("start and end of year and month, and weekdays")
  func calendarHelpers() {
    #expect(date("2026-07-15").endOfYear == date("2026-12-31"))
    #expect(date("2026-07-15").startOfYear == date("2026-01-01"))
    #expect(date("2024-02-10").endOfMonth == date("2024-02-29"))
    #expect(date("2026-02-10").endOfMonth == date("2026-02-28"))
    #expect(date("2026-04-30").endOfMonth == date("2026-04-30"))
    #expect(date("9999-12-31").endOfYear == CivilDate.max)
    // Hand-checked against a printed calendar.
    #expect(date("2026-01-01").weekday == .thursday)
    #expect(date("2000-01-01").weekday == .saturday)
    #expect(date("1969-12-31").weekday == .wednesday)
    #expect(date("2026-11-29").weekday == .sunday)
  }

  @Test("reversed dates count backwards: years are months divided by 12 toward zero")
  func reversedSpans() {
    let later = date("2026-01-01")
    let earlier = date("2000-02-01")
    #expect(CivilDate.monthsBetween(later, earlier) == -311)
    #expect(CivilDate.yearsBetween(later, earlier) == -25)
    #expect(CivilDate.yearsBetween(earlier, later) == 25)
    var generator = SplitMix64(seed: 6)
    for _ in 0..<2000 {
      let a = CivilDate(dayNumber: Int.random(in: -700_000...700_000, using: &generator))
      let b = CivilDate(dayNumber: Int.random(in: -700_000...700_000, using: &generator))
      guard let a, let b else { continue }
      let months = CivilDate.monthsBetween(a, b)
      #expect(CivilDate.yearsBetween(a, b) == months / 12, "\(a) → \(b)")
      #expect(CivilDate.yearsBetween(b, a) == -CivilDate.yearsBetween(a, b))
      #expect(CivilDate.monthsBetween(b, a) == -months)
    }
  }
}

import CredenceTestSupport
import Foundation
import Testing

@testable import CredenceValues

/// Checks the day-number algorithm against the simplest possible calendar: walk every day of
/// years 0001–9999 one at a time, with month lengths from the Gregorian leap rule.
@Suite("Civil dates against reference calendars")
struct CivilDateReferenceTests {
  static func referenceIsLeap(_ year: Int) -> Bool {
    if year % 400 == 0 { return true }
    if year % 100 == 0 { return false }
    return year % 4 == 0
  }

  static func referenceMonthLength(_ year: Int, _ month: Int) -> Int {
    if month == 2 { return referenceIsLeap(year) ? 29 : 28 }
    // Thirty days hath September, April, June and November.
    return month == 9 || month == 4 || month == 6 || month == 11 ? 30 : 31
  }

  static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  @Test("every date of 0001-9999 maps to consecutive day numbers and back")
  func exhaustiveWalk() {
    // Known facts: 1970-01-01 is day 0 and a Thursday; 0001-01-01 is a Monday (proleptic).
    var year = 1
    var month = 1
    var day = 1
    var dayNumber = Int(CivilDate.minDayNumber)
    var weekday = 1  // Monday
    var failures = 0
    var sawEpoch = false
    while year <= 9999 {
      let fromParts = CivilDate(year: year, month: month, day: day)
      let fromNumber = CivilDate(dayNumber: dayNumber)
      let parts = fromNumber?.components ?? (year: 0, month: 0, day: 0)
      if fromParts?.dayNumber != Int32(dayNumber) || parts.year != year || parts.month != month
        || parts.day != day || fromNumber?.weekday.rawValue != weekday
      {
        failures += 1
        if failures < 5 { Issue.record("mismatch at \(year)-\(month)-\(day) (day \(dayNumber))") }
      }
      if year == 1970 && month == 1 && day == 1 {
        sawEpoch = true
        #expect(dayNumber == 0)
        #expect(weekday == 4)
      }
      // Text round trip on a sample, to keep the walk fast in debug builds.
      if dayNumber % 97 == 0 {
        let text = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
        #expect(fromNumber?.description == text)
        #expect(CivilDate(parsing: text)?.dayNumber == Int32(dayNumber))
      }
      dayNumber += 1
      weekday = weekday % 7 + 1
      day += 1
      if day > Self.referenceMonthLength(year, month) {
        day = 1
        month += 1
        if month > 12 {
          month = 1
          year += 1
        }
      }
    }
    #expect(sawEpoch)
    #expect(failures == 0)
    #expect(dayNumber - 1 == Int(CivilDate.maxDayNumber))
    #expect(CivilDate(dayNumber: dayNumber) == nil)
    #expect(CivilDate(dayNumber: Int(CivilDate.minDayNumber) - 1) == nil)
  }

  static let gregorian: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar
  }()

  static func foundationDate(_ date: CivilDate) -> Date? {
    let (year, month, day) = date.components
    return gregorian.date(from: DateComponents(year: year, month: month, day: day))
  }

  static func civil(_ foundation: Date) -> CivilDate? {
    let parts = gregorian.dateComponents([.year, .month, .day], from: foundation)
    guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// Foundation's calendar switches to Julian before 1582, so it is a reference only after.
  static func randomModernDate(_ generator: inout SplitMix64) -> CivilDate {
    let low = date("1700-01-01").dayNumber
    let high = date("2400-12-31").dayNumber
    return CivilDate(dayNumber: Int(Int32.random(in: low...high, using: &generator))) ?? .min
  }

  @Test("day numbers, weekdays and day arithmetic agree with Foundation's calendar")
  func foundationAgreement() throws {
    var generator = SplitMix64(seed: 42)
    for _ in 0..<1500 {
      let start = Self.randomModernDate(&generator)
      let foundation = try #require(Self.foundationDate(start))
      #expect(Int(foundation.timeIntervalSince1970 / 86_400) == Int(start.dayNumber))
      // Foundation: 1 = Sunday ... 7 = Saturday.
      let foundationWeekday = Self.gregorian.component(.weekday, from: foundation)
      #expect((start.weekday.rawValue % 7) + 1 == foundationWeekday)
      // Month addition is checked against its definition in `monthAdditionProperty`, not
      // here: Foundation clamps some month additions that cross years to the source year's
      // February length (1958-12-30 − 34 months gives 1956-02-28, not 1956-02-29).
      let days = Int.random(in: -5000...5000, using: &generator)
      let expectedDays = try #require(
        Self.gregorian.date(byAdding: .day, value: days, to: foundation).flatMap(Self.civil))
      #expect(try start.adding(days: days) == expectedDays)
    }
  }

  /// Age by counting birthdays: the anniversary in a year without the birth day (29 Feb in
  /// a common year) falls on 1 March. Deliberately a different formulation from the code's.
  static func referenceYears(from birth: CivilDate, to day: CivilDate) -> Int {
    var count = 0
    while true {
      let target = birth.year + count + 1
      guard target <= 9999 else { return count }
      let anniversary =
        CivilDate(year: target, month: birth.month, day: birth.day)
        ?? CivilDate(year: target, month: 3, day: 1) ?? .max
      if anniversary > day { return count }
      count += 1
    }
  }

  /// Whole months by counting monthly anniversaries, a missing day falling on the 1st of the
  /// next month.
  static func referenceMonths(from start: CivilDate, to end: CivilDate) -> Int {
    var count = 0
    while true {
      let index = start.year * 12 + start.month - 1 + count + 1
      let (year, month) = (index / 12, index % 12 + 1)
      guard year <= 9999 else { return count }
      let anniversary: CivilDate
      if let exact = CivilDate(year: year, month: month, day: start.day) {
        anniversary = exact
      } else {
        let next = index + 1
        anniversary = CivilDate(year: next / 12, month: next % 12 + 1, day: 1) ?? .max
      }
      if anniversary > end { return count }
      count += 1
    }
  }

  @Test("years and months between agree with anniversary counting on random pairs")
  func spansAgreeWithReference() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<1500 {
      let start = Self.randomModernDate(&generator)
      let span = Int.random(in: 0...(120 * 366), using: &generator)
      guard let end = try? start.adding(days: span) else { continue }
      let years = CivilDate.yearsBetween(start, end)
      let months = CivilDate.monthsBetween(start, end)
      #expect(years == Self.referenceYears(from: start, to: end), "\(start) → \(end)")
      #expect(months == Self.referenceMonths(from: start, to: end), "\(start) → \(end)")
      #expect(years == months / 12)
      #expect(CivilDate.yearsBetween(end, start) == -years)
      #expect(CivilDate.monthsBetween(end, start) == -months)
    }
  }

  @Test("leap-day birthdays on every kind of year agree with anniversary counting")
  func leapDayBirthdays() throws {
    for birthYear in [1896, 1904, 1996, 2000, 2004, 2008] {
      guard let birth = CivilDate(year: birthYear, month: 2, day: 29) else {
        Issue.record("\(birthYear)-02-29")
        continue
      }
      // The days around the birthday in each of 120 years, leap and common, and their eves.
      for year in birthYear...(birthYear + 120) {
        for (month, day) in [(2, 27), (2, 28), (2, 29), (3, 1), (3, 2), (12, 31)] {
          guard let day = CivilDate(year: year, month: month, day: day) else { continue }
          #expect(birth.age(on: day) == Self.referenceYears(from: birth, to: day), "\(day)")
        }
      }
    }
  }

  /// Month addition by the definition: same day, or the last day of a shorter month.
  static func referenceAddMonths(_ date: CivilDate, _ months: Int) -> CivilDate? {
    let index = date.year * 12 + date.month - 1 + months
    guard index >= 12, index < 10_000 * 12 else { return nil }
    let (year, month) = (index / 12, index % 12 + 1)
    return CivilDate(
      year: year, month: month, day: min(date.day, referenceMonthLength(year, month)))
  }

  @Test("month addition over the whole range agrees with the definition")
  func monthAdditionProperty() throws {
    var generator = SplitMix64(seed: 3)
    for _ in 0..<5000 {
      let start =
        CivilDate(
          dayNumber: Int(
            Int32.random(
              in: CivilDate.minDayNumber...CivilDate.maxDayNumber, using: &generator)))
        ?? .min
      let months = Int.random(in: -130_000...130_000, using: &generator)
      let expected = Self.referenceAddMonths(start, months)
      if let expected {
        #expect(try start.adding(months: months) == expected)
        #expect(
          try start.adding(.years(months / 12)) == Self.referenceAddMonths(start, months / 12 * 12))
      } else {
        #expect(throws: ValueError.dateOutOfRange) { try start.adding(months: months) }
      }
      let days = Int.random(in: -4_000_000...4_000_000, using: &generator)
      if let moved = try? start.adding(days: days) {
        #expect(try moved.adding(days: -days) == start)
        #expect(start.days(until: moved) == days)
      } else {
        let target = Int(start.dayNumber) + days
        #expect(target < Int(CivilDate.minDayNumber) || target > Int(CivilDate.maxDayNumber))
      }
    }
  }
}

/// A calendar date without time or zone, in the proleptic Gregorian calendar, years 0001 to
/// 9999.
///
/// Stored as a day number (days since 1970-01-01, the Unix epoch, so it matches SQLite's
/// `unixepoch(d) / 86400`) so that comparing and subtracting dates is integer arithmetic.
/// Year, month and day are computed on demand with Howard Hinnant's `civil_from_days`.
public struct CivilDate: Sendable, Hashable, Comparable {
  /// Days since 1970-01-01 (negative before it).
  public let dayNumber: Int32

  /// The earliest supported year.
  public static let minYear = 1
  /// The latest supported year: dates are written with four digits.
  public static let maxYear = 9999
  /// The day number of 0001-01-01.
  public static let minDayNumber = Int32(dayNumber(year: minYear, month: 1, day: 1))
  /// The day number of 9999-12-31.
  public static let maxDayNumber = Int32(dayNumber(year: maxYear, month: 12, day: 31))

  /// The earliest supported date, 0001-01-01.
  public static let min = CivilDate(unchecked: minDayNumber)
  /// The latest supported date, 9999-12-31.
  public static let max = CivilDate(unchecked: maxDayNumber)

  @inlinable init(unchecked dayNumber: Int32) {
    self.dayNumber = dayNumber
  }

  /// The date with this day number, or `nil` outside 0001-01-01...9999-12-31.
  public init?(dayNumber: Int) {
    guard dayNumber >= Int(Self.minDayNumber), dayNumber <= Int(Self.maxDayNumber) else {
      return nil
    }
    self.init(unchecked: Int32(truncatingIfNeeded: dayNumber))
  }

  /// The date `year-month-day`, or `nil` if it is not a real date in the supported range
  /// (2026-02-30, 2026-13-01, 0000-01-01 are `nil`).
  public init?(year: Int, month: Int, day: Int) {
    guard (Self.minYear...Self.maxYear).contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysInMonth(year: year, month: month)
    else { return nil }
    self.init(
      unchecked: Int32(truncatingIfNeeded: Self.dayNumber(year: year, month: month, day: day)))
  }

  /// Whether `year` has 29 February: divisible by 4, except centuries not divisible by 400.
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// Days in `month` (1–12) of `year`.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days from 1970-01-01 to a valid civil date (Hinnant's `days_from_civil`).
  @usableFromInline
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    // Counting years from March puts the leap day last, so month lengths follow a pattern.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Year, month and day (Hinnant's `civil_from_days`); one computation for all three.
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(dayNumber) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The year, 1–9999.
  public var year: Int { components.year }
  /// The month, 1–12.
  public var month: Int { components.month }
  /// The day of the month, 1–31.
  public var day: Int { components.day }

  public static func < (left: CivilDate, right: CivilDate) -> Bool {
    left.dayNumber < right.dayNumber
  }
}

extension CivilDate {
  /// The date `days` days later (earlier if negative); throws if it leaves 0001–9999.
  public func adding(days: Int) throws(ValueError) -> CivilDate {
    let (sum, overflow) = Int(dayNumber).addingReportingOverflow(days)
    guard !overflow, let date = CivilDate(dayNumber: sum) else { throw .dateOutOfRange }
    return date
  }

  /// The same day `months` months later (earlier if negative), clamped to the end of a
  /// shorter month: 2026-01-31 + 1 month = 2026-02-28; 2024-02-29 + 12 months = 2025-02-28.
  public func adding(months: Int) throws(ValueError) -> CivilDate {
    let (year, month, day) = components
    let (monthIndex, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
    guard !overflow, monthIndex >= Self.minYear * 12, monthIndex < (Self.maxYear + 1) * 12
    else { throw .dateOutOfRange }
    let newYear = monthIndex / 12
    let newMonth = monthIndex % 12 + 1
    let newDay = Swift.min(day, Self.daysInMonth(year: newYear, month: newMonth))
    return CivilDate(
      unchecked: Int32(
        truncatingIfNeeded: Self.dayNumber(year: newYear, month: newMonth, day: newDay)))
  }

  /// The same day `years` years later (earlier if negative), 29 February clamping to
  /// 28 February in common years: `adding(months: 12 × years)`.
  public func adding(years: Int) throws(ValueError) -> CivilDate {
    let (months, overflow) = years.multipliedReportingOverflow(by: 12)
    guard !overflow else { throw .dateOutOfRange }
    return try adding(months: months)
  }

  /// The date moved by a duration: years and months first, as one count of months with
  /// end-of-month clamping, then weeks and days.
  ///
  /// 2026-01-31 + (1 month, 1 day) is 2026-03-01 (2026-02-28, then a day). Applying the
  /// month part first is what "a month and a day after" means in policy texts, and it makes
  /// `d + 5 years` the same as `d + 60 months`.
  public func adding(_ duration: CalendarDuration) throws(ValueError) -> CivilDate {
    guard let months = Int(exactly: duration.totalMonths),
      let days = Int(exactly: duration.totalDays)
    else { throw .dateOutOfRange }
    let moved = months == 0 ? self : try adding(months: months)
    return days == 0 ? moved : try moved.adding(days: days)
  }

  /// The date moved back by a duration: the same as adding its negation, so
  /// 2026-03-31 − 1 month = 2026-02-28.
  public func subtracting(_ duration: CalendarDuration) throws(ValueError) -> CivilDate {
    guard let months = Int(exactly: -duration.totalMonths),
      let days = Int(exactly: -duration.totalDays)
    else { throw .dateOutOfRange }
    let moved = months == 0 ? self : try adding(months: months)
    return days == 0 ? moved : try moved.adding(days: days)
  }

  /// `try date + duration`: ``adding(_:)``.
  public static func + (date: CivilDate, duration: CalendarDuration) throws(ValueError)
    -> CivilDate
  { try date.adding(duration) }

  /// `try date - duration`: ``subtracting(_:)``.
  public static func - (date: CivilDate, duration: CalendarDuration) throws(ValueError)
    -> CivilDate
  { try date.subtracting(duration) }

  /// Days from this date to `other` (negative if `other` is earlier).
  public func days(until other: CivilDate) -> Int {
    Int(other.dayNumber) - Int(dayNumber)
  }
}

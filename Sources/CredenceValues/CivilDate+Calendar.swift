/// A day of the week, numbered as in ISO 8601 (Monday = 1 … Sunday = 7).
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
  case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday
}

extension CivilDate {
  /// The day of the week; 1970-01-01 (day 0) was a Thursday.
  public var weekday: Weekday {
    let offset = (Int(dayNumber) + 3) % 7
    return Weekday(rawValue: (offset < 0 ? offset + 7 : offset) + 1) ?? .monday
  }

  /// 1 January of this date's year.
  public var startOfYear: CivilDate {
    CivilDate(unchecked: Int32(truncatingIfNeeded: Self.dayNumber(year: year, month: 1, day: 1)))
  }

  /// 31 December of this date's year.
  public var endOfYear: CivilDate {
    CivilDate(unchecked: Int32(truncatingIfNeeded: Self.dayNumber(year: year, month: 12, day: 31)))
  }

  /// The last day of this date's month.
  public var endOfMonth: CivilDate {
    let (year, month, _) = components
    let last = Self.daysInMonth(year: year, month: month)
    return CivilDate(
      unchecked: Int32(truncatingIfNeeded: Self.dayNumber(year: year, month: month, day: last)))
  }
}

extension CivilDate {
  /// Whole years from `start` to `end`: the number of anniversaries of `start` reached by
  /// `end`, where an anniversary is reached when the month and day are reached.
  ///
  /// This is age in whole years: someone born 2008-02-29 is 17 on 2026-02-28 and 18 on
  /// 2026-03-01, because 29 February is reached only after 28 February. Negative when
  /// `end` is before `start` (`-yearsBetween(end, start)`).
  public static func yearsBetween(_ start: CivilDate, _ end: CivilDate) -> Int {
    if end < start { return -yearsBetween(end, start) }
    let from = start.components
    let to = end.components
    let reached = (to.month, to.day) >= (from.month, from.day)
    return to.year - from.year - (reached ? 0 : 1)
  }

  /// Whole months from `start` to `end`, by the same rule as ``yearsBetween(_:_:)``: a month
  /// is complete when the day of the month is reached, and a day that the month lacks is
  /// reached on the first of the next month.
  ///
  /// So 2026-01-31 to 2026-02-28 is 0 months and to 2026-03-01 is 1 month, and
  /// `yearsBetween(a, b) == monthsBetween(a, b) / 12` always (Swift's `/`, toward zero).
  /// Negative when `end` is before `start` (`-monthsBetween(end, start)`): reversed dates
  /// count the same whole months backwards, so both spans stay antisymmetric and agree.
  public static func monthsBetween(_ start: CivilDate, _ end: CivilDate) -> Int {
    if end < start { return -monthsBetween(end, start) }
    let from = start.components
    let to = end.components
    let months = (to.year - from.year) * 12 + (to.month - from.month)
    return months - (to.day >= from.day ? 0 : 1)
  }

  /// Age in whole years on `date` of someone born on this date (``yearsBetween(_:_:)``).
  public func age(on date: CivilDate) -> Int {
    Self.yearsBetween(self, date)
  }

  /// Age by year of birth on `date`: `date.year − birth year`, whatever the day. SkillsFuture
  /// Singapore counts age this way ("aged 40 and above in the year of application").
  public func yearOfBirthAge(on date: CivilDate) -> Int {
    date.year - year
  }
}

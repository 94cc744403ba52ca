/// A span of calendar time: years, months, weeks and days (`5 years`, `6 months`).
///
/// Years and months move a date by calendar months (with end-of-month clamping), weeks and
/// days by days; see ``CivilDate/adding(_:)``. Equality is by effect on dates: `1 year`
/// equals `12 months` and `1 week` equals `7 days`. The components are kept as written for
/// display.
public struct CalendarDuration: Sendable, Hashable, CustomStringConvertible {
  public let years: Int
  public let months: Int
  public let weeks: Int
  public let days: Int

  public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0) {
    self.years = years
    self.months = months
    self.weeks = weeks
    self.days = days
  }

  /// `n` years.
  public static func years(_ n: Int) -> CalendarDuration { CalendarDuration(years: n) }
  /// `n` months.
  public static func months(_ n: Int) -> CalendarDuration { CalendarDuration(months: n) }
  /// `n` weeks.
  public static func weeks(_ n: Int) -> CalendarDuration { CalendarDuration(weeks: n) }
  /// `n` days.
  public static func days(_ n: Int) -> CalendarDuration { CalendarDuration(days: n) }

  /// Years and months as months; computed wide so that no component can overflow it.
  public var totalMonths: Int128 { Int128(years) * 12 + Int128(months) }
  /// Weeks and days as days.
  public var totalDays: Int128 { Int128(weeks) * 7 + Int128(days) }

  public static func == (left: CalendarDuration, right: CalendarDuration) -> Bool {
    left.totalMonths == right.totalMonths && left.totalDays == right.totalDays
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(totalMonths)
    hasher.combine(totalDays)
  }

  /// The componentwise sum (`1 year` + `6 months` = `1 year 6 months`).
  public func adding(_ other: CalendarDuration) throws(ValueError) -> CalendarDuration {
    let years = self.years.addingReportingOverflow(other.years)
    let months = self.months.addingReportingOverflow(other.months)
    let weeks = self.weeks.addingReportingOverflow(other.weeks)
    let days = self.days.addingReportingOverflow(other.days)
    guard !years.overflow, !months.overflow, !weeks.overflow, !days.overflow else {
      throw .overflow
    }
    return CalendarDuration(
      years: years.partialValue, months: months.partialValue, weeks: weeks.partialValue,
      days: days.partialValue)
  }

  /// Every component with its sign flipped.
  public func negated() throws(ValueError) -> CalendarDuration {
    guard years != .min, months != .min, weeks != .min, days != .min else { throw .overflow }
    return CalendarDuration(years: -years, months: -months, weeks: -weeks, days: -days)
  }

  /// Reads a whole number, one space and a unit: `5 years`, `1 month`, `2 weeks`, `30 days`,
  /// optionally negative (`-30 days`). Singular and plural units are both accepted whatever
  /// the number, as in the grammar.
  public init?(parsing text: String) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a duration from a substring; see ``init(parsing:)-(String)``.
  public init?(parsing text: Substring) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a duration from UTF-8 bytes (SQLite's text, without a `String`).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.parse(bytes) else { return nil }
    self = value
  }

  /// Longest count accepted: 18 digits always fit in `Int`.
  static let maxCountDigits = 18

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDuration? {
    guard let space = bytes.firstIndex(of: UInt8(ascii: " ")) else { return nil }
    var index = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { index = 1 }
    guard space > index, space - index <= maxCountDigits else { return nil }
    var count = 0
    while index < space {
      guard isDigit(bytes[index]) else { return nil }
      count = count * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
      index += 1
    }
    if negative { count = -count }
    switch String(decoding: bytes.slice((space + 1)..<bytes.count), as: UTF8.self) {
    case "year", "years": return CalendarDuration(years: count)
    case "month", "months": return CalendarDuration(months: count)
    case "week", "weeks": return CalendarDuration(weeks: count)
    case "day", "days": return CalendarDuration(days: count)
    default: return nil
    }
  }

  /// The non-zero components, largest first: `1 year 6 months`, `30 days`; `0 days` if all
  /// are zero.
  public var description: String {
    var parts: [String] = []
    func add(_ count: Int, _ unit: String) {
      guard count != 0 else { return }
      parts.append("\(count) \(unit)\(count == 1 || count == -1 ? "" : "s")")
    }
    add(years, "year")
    add(months, "month")
    add(weeks, "week")
    add(days, "day")
    return parts.isEmpty ? "0 days" : parts.joined(separator: " ")
  }
}

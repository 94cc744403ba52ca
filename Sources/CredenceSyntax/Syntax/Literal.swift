/// A literal value as written, validated by the lexer but not yet interpreted
/// (CredenceValues turns these into exact decimals, money, dates and durations).
public enum Literal: Hashable, Sendable {
  /// `42`, `4.50`, `100_000` (stored without `_`).
  case number(DecimalText)
  /// `90%`: the number is the percentage, `90`.
  case percent(DecimalText)
  /// `500 SGD`. Boxed: inline, its digits and currency (48 bytes) would make every literal,
  /// and so every token, that large, though few tokens are amounts.
  indirect case money(DecimalText, currency: String)
  /// `5 years`, `1 month`: whole counts only.
  case duration(Int, DurationUnit)
  /// `2026-07-01`, always a real calendar date.
  case date(CivilDate)
  /// `"text"`, escapes resolved.
  case string(String)
  /// `true`, `false`.
  case bool(Bool)
  /// `unknown`.
  case unknown

  /// How the kind is named in messages.
  public var kindName: String {
    switch self {
    case .number: "a number"
    case .percent: "a percentage"
    case .money: "a money amount"
    case .duration: "a duration"
    case .date: "a date"
    case .string: "a string"
    case .bool(let value): "`\(value)`"
    case .unknown: "`unknown`"
    }
  }
}

/// An exact decimal as canonical digits: `1000`, `4.50` (no `_`, no sign, no exponent).
public struct DecimalText: Hashable, Sendable, CustomStringConvertible {
  /// The digits before the point.
  public var integerDigits: String
  /// The digits after the point, empty if there is no point (`4.50` keeps both digits).
  public var fractionDigits: String

  /// A decimal from its two digit strings.
  public init(integerDigits: String, fractionDigits: String = "") {
    self.integerDigits = integerDigits
    self.fractionDigits = fractionDigits
  }

  /// Whether the number has no fractional part written.
  public var isWhole: Bool { fractionDigits.isEmpty }

  /// `integer.fraction`, or just the integer digits.
  public var description: String {
    fractionDigits.isEmpty ? integerDigits : "\(integerDigits).\(fractionDigits)"
  }
}

/// A calendar date as written: year, month, day (validated by the lexer).
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The year, 0000...9999.
  public var year: Int
  /// The month, 1...12.
  public var month: Int
  /// The day of the month, valid for the month and year.
  public var day: Int

  /// A date; the lexer only builds real calendar dates, see `isValid`.
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether year, month and day name a day of the proleptic Gregorian calendar.
  public var isValid: Bool {
    guard (0...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
    return day <= CivilDate.daysIn(month: month, year: year)
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// The unit of a duration literal; the singular and plural spellings mean the same.
public enum DurationUnit: String, Hashable, Sendable, CaseIterable {
  case day, week, month, year

  /// The unit for a spelling such as `years`, or nil.
  public init?(spelling: String) {
    let singular = spelling.hasSuffix("s") ? String(spelling.dropLast()) : spelling
    self.init(rawValue: singular)
  }
}

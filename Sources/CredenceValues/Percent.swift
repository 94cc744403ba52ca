/// A percentage: `90%`, `12.5%`. Stored as the number written before `%`.
///
/// A percentage of an amount or a number is exact: `90% × 1250.00 = 1125.0000`.
public struct Percent: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The number written before `%` (`90` for `90%`).
  public let value: ExactDecimal

  /// `value` percent.
  public init(_ value: ExactDecimal) {
    self.value = value
  }

  /// Reads a number followed by `%` with nothing between: `90%`, `12.5%`.
  public init?(parsing text: String) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a percentage from a substring; see ``init(parsing:)-(String)``.
  public init?(parsing text: Substring) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a percentage from UTF-8 bytes (SQLite's text, without a `String`).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.parse(bytes) else { return nil }
    self = value
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Percent? {
    guard let last = bytes.last, last == UInt8(ascii: "%"),
      let value = ExactDecimal.parse(bytes.slice(0..<(bytes.count - 1)))
    else { return nil }
    return Percent(value)
  }

  /// The percentage as a fraction: `90%` is `0.90`.
  public var fraction: ExactDecimal {
    get throws(ValueError) { try value.movingDecimalPointLeft(by: 2) }
  }

  /// This percentage of a number: `value × number / 100`, exact unless it needs more than
  /// ``ExactDecimal/maxScale`` decimals (then half to even, as for division).
  public func applied(to number: ExactDecimal) throws(ValueError) -> ExactDecimal {
    try value.multiplied(by: number).movingDecimalPointLeft(by: 2)
  }

  /// This percentage of an amount of money.
  public func applied(to money: Money) throws(ValueError) -> Money {
    Money(try applied(to: money.amount), money.currency)
  }

  /// The sum of two percentages (`70% + 20% = 90%`).
  public func adding(_ other: Percent) throws(ValueError) -> Percent {
    Percent(try value.adding(other.value))
  }

  /// The difference of two percentages.
  public func subtracting(_ other: Percent) throws(ValueError) -> Percent {
    Percent(try value.subtracting(other.value))
  }

  /// The percentage times a number (`10% × 3 = 30%`).
  public func multiplied(by factor: ExactDecimal) throws(ValueError) -> Percent {
    Percent(try value.multiplied(by: factor))
  }

  /// The number followed by `%`: `90%`.
  public var description: String { "\(value)%" }

  public static func < (left: Percent, right: Percent) -> Bool { left.value < right.value }
}

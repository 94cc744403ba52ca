/// An exact amount of money in one currency: `500 SGD`, `1250.00 SGD`.
///
/// Arithmetic combines amounts of the same currency only; mixing currencies throws
/// ``ValueError/currencyMismatch(_:_:)`` (the checker rejects it statically, so at run time
/// this is a safety net, not a code path). Equality is by value and currency:
/// `500.00 SGD == 500 SGD`, `500 SGD != 500 USD`.
public struct Money: Sendable, Hashable, CustomStringConvertible {
  /// The amount, with the scale it was written or computed with.
  public let amount: ExactDecimal
  /// The currency.
  public let currency: CurrencyCode

  /// `amount` in `currency`.
  public init(_ amount: ExactDecimal, _ currency: CurrencyCode) {
    self.amount = amount
    self.currency = currency
  }

  /// Zero in `currency`.
  public static func zero(_ currency: CurrencyCode) -> Money { Money(.zero, currency) }

  /// Reads `AMOUNT CUR` with one space: `500 SGD`, `-12.50 EUR`. The amount follows
  /// ``ExactDecimal/init(parsing:)``.
  public init?(parsing text: String) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads money from a substring; see ``init(parsing:)-(String)``.
  public init?(parsing text: Substring) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads money from UTF-8 bytes (SQLite's text, without a `String`).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.parse(bytes) else { return nil }
    self = value
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Money? {
    let count = bytes.count
    guard count >= 5, bytes[count - 4] == UInt8(ascii: " "),
      let amount = ExactDecimal.parse(bytes.slice(0..<(count - 4))),
      let currency = CurrencyCode.parse(bytes.slice((count - 3)..<count))
    else { return nil }
    return Money(amount, currency)
  }

  /// `AMOUNT CUR`, the amount at its scale: `1250.00 SGD`.
  public var description: String { "\(amount) \(currency)" }

  @inline(__always)
  func sameCurrency(_ other: Money) throws(ValueError) {
    guard currency == other.currency else {
      throw .currencyMismatch(currency, other.currency)
    }
  }

  /// The sum of two amounts in the same currency.
  public func adding(_ other: Money) throws(ValueError) -> Money {
    try sameCurrency(other)
    return Money(try amount.adding(other.amount), currency)
  }

  /// The difference of two amounts in the same currency.
  public func subtracting(_ other: Money) throws(ValueError) -> Money {
    try sameCurrency(other)
    return Money(try amount.subtracting(other.amount), currency)
  }

  /// The amount times a number (`fee × 2`).
  public func multiplied(by factor: ExactDecimal) throws(ValueError) -> Money {
    Money(try amount.multiplied(by: factor), currency)
  }

  /// The amount times a percentage (`90% × 1250.00 SGD = 1125.0000 SGD`).
  public func multiplied(by rate: Percent) throws(ValueError) -> Money {
    Money(try rate.applied(to: amount), currency)
  }

  /// The amount divided by a number, by the rule of ``ExactDecimal/divided(by:)``.
  public func divided(by divisor: ExactDecimal) throws(ValueError) -> Money {
    Money(try amount.divided(by: divisor), currency)
  }

  /// The ratio of two amounts in the same currency, a plain number.
  public func divided(by divisor: Money) throws(ValueError) -> ExactDecimal {
    try sameCurrency(divisor)
    return try amount.divided(by: divisor.amount)
  }

  /// The amount with its sign flipped.
  public func negated() -> Money { Money(amount.negated(), currency) }

  /// The amount rounded to `scale` decimals (see ``ExactDecimal/rounded(scale:rule:)``).
  public func rounded(scale: Int, rule: RoundingRule = .halfAwayFromZero) throws(ValueError)
    -> Money
  {
    Money(try amount.rounded(scale: scale, rule: rule), currency)
  }

  /// Orders two amounts in the same currency.
  public func compared(to other: Money) throws(ValueError) -> ValueOrder {
    try sameCurrency(other)
    return amount.compared(to: other.amount)
  }

  /// The smaller of two amounts in the same currency.
  public static func min(_ left: Money, _ right: Money) throws(ValueError) -> Money {
    try left.compared(to: right) == .greater ? right : left
  }

  /// The larger of two amounts in the same currency.
  public static func max(_ left: Money, _ right: Money) throws(ValueError) -> Money {
    try left.compared(to: right) == .less ? right : left
  }

  /// `try a + b`: ``adding(_:)``.
  public static func + (left: Money, right: Money) throws(ValueError) -> Money {
    try left.adding(right)
  }

  /// `try a - b`: ``subtracting(_:)``.
  public static func - (left: Money, right: Money) throws(ValueError) -> Money {
    try left.subtracting(right)
  }
}

/// Why an operation on values produced no value.
///
/// Arithmetic on exact numbers, money and dates never traps: a result that cannot be
/// represented exactly is reported with one of these cases, and the evaluator turns it
/// into a decision with status `error`. Descriptions are written for policy authors.
public enum ValueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The result has more digits than an exact number can hold.
  case overflow
  /// A number or an amount was divided by zero.
  case divisionByZero
  /// Rounding was asked for a number of decimal places outside `0...ExactDecimal.maxScale`.
  case scaleOutOfRange(Int)
  /// Two amounts in different currencies were combined or compared.
  case currencyMismatch(CurrencyCode, CurrencyCode)
  /// A date computation left the supported years 0001–9999.
  case dateOutOfRange

  public var description: String {
    switch self {
    case .overflow:
      "the result has more than \(ExactDecimal.maxDigits) digits, or more than "
        + "\(ExactDecimal.maxScale) after the decimal point"
    case .divisionByZero:
      "division by zero"
    case .scaleOutOfRange(let scale):
      "cannot round to \(scale) decimal places: use 0 to \(ExactDecimal.maxScale)"
    case .currencyMismatch(let left, let right):
      "cannot combine amounts in `\(left)` and `\(right)`"
    case .dateOutOfRange:
      "the date falls outside the years 0001 to 9999"
    }
  }
}

/// The outcome of comparing two values.
public enum ValueOrder: Sendable, Hashable {
  case less, equal, greater
}

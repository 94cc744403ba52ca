import CredenceRecords
import CredenceValues

/// The type a declared fact's stored text is read as (language.md §8).
public enum FactType: Sendable, Hashable {
  case bool
  case number
  case percent
  /// Money in this currency (`"2400"` or `"2400 SGD"`), or in the currency written with the
  /// amount when the type does not name one.
  case money(CurrencyCode?)
  case text
  case date
  case duration
  /// A mark read on the scale with this index.
  case grade(scale: Int, GradeScale)
}

extension FactType {
  /// Reads the stored text of a fact, or says why it cannot be read.
  ///
  /// Errors name the row (`learner / fact`) and never the value, as records.md requires.
  public func read(_ text: String, learner: String, fact: String) -> Result<Value, RecordError> {
    func failure(_ problem: RecordError.Problem) -> Result<Value, RecordError> {
      .failure(
        RecordError(
          table: "learner_facts", row: "\(learner) / \(fact)", column: "value", problem: problem))
    }
    switch self {
    case .bool:
      switch text {
      case "true": return .success(.bool(true))
      case "false": return .success(.bool(false))
      default: return failure(.notOneOf(["true", "false"]))
      }
    case .number:
      guard let value = ExactDecimal(parsing: text) else { return failure(.notANumber) }
      return .success(.number(value))
    case .percent:
      if let value = Percent(parsing: text) { return .success(.percent(value.value)) }
      guard let value = ExactDecimal(parsing: text) else { return failure(.notANumber) }
      return .success(.percent(value))
    case .money(let currency):
      if let amount = ExactDecimal(parsing: text) {
        guard let currency else { return failure(.noCurrency) }
        return .success(.money(Money(amount, currency)))
      }
      guard let money = Money(parsing: text) else { return failure(.notANumber) }
      if let currency, money.currency != currency {
        return failure(.wrongCurrency(expected: currency.description))
      }
      return .success(.money(money))
    case .text:
      return .success(.text(text))
    case .date:
      guard let date = CivilDate(parsing: text) else { return failure(.notADate) }
      return .success(.date(date))
    case .duration:
      guard let duration = CalendarDuration(parsing: text) else {
        return failure(.notOneOf(["N years", "N months", "N weeks", "N days"]))
      }
      return .success(.duration(DurationBox(duration)))
    case .grade(let scale, let grades):
      return .success(.grade(GradeValue(scale: scale, rank: grades.rank(of: text), mark: text)))
    }
  }
}

import CredenceRecords
import CredenceValues
import GRDB

/// Reads the columns of one stored row into record values, collecting contract errors
/// instead of failing, so a broken row becomes an error for its learner.
///
/// Every read goes through `DatabaseValue`: GRDB's typed subscripts trap when a value does
/// not convert, and a database written by another tool may hold anything.
struct ColumnReader {
  let row: Row
  let table: String
  /// The row's key as errors name it.
  var key: String
  /// Errors found so far in this row.
  var errors: [RecordError] = []

  init(row: Row, table: String, key: String = "?") {
    self.row = row
    self.table = table
    self.key = key
  }

  private mutating func fail(_ column: String, _ problem: RecordError.Problem) {
    errors.append(RecordError(table: table, row: key, column: column, problem: problem))
  }

  /// Text as stored; numbers are shown in their SQL text form.
  static func text(_ value: DatabaseValue) -> String? {
    switch value.storage {
    case .null, .blob: nil
    case .string(let text): text
    case .int64(let integer): String(integer)
    case .double(let double): ExactDecimal(shortestRoundTrip: double)?.description ?? "\(double)"
    }
  }

  mutating func value(_ index: Int) -> DatabaseValue { row[index] }

  /// A text column. A BLOB is a contract error; a number is read as its text.
  mutating func text(_ index: Int, _ column: String, required: Bool = false) -> String? {
    let stored = value(index)
    if case .blob = stored.storage {
      fail(column, .notText)
      return nil
    }
    guard let text = Self.text(stored) else {
      if required { fail(column, .missing) }
      return nil
    }
    return text
  }

  mutating func date(_ index: Int, _ column: String, required: Bool = false) -> CivilDate? {
    let stored = value(index)
    if stored.isNull {
      if required { fail(column, .missing) }
      return nil
    }
    guard case .string(let text) = stored.storage, let date = CivilDate(parsing: text) else {
      fail(column, .notADate)
      return nil
    }
    return date
  }

  mutating func decimal(_ index: Int, _ column: String, required: Bool = false) -> ExactDecimal? {
    let decimal: ExactDecimal?
    switch value(index).storage {
    case .null:
      if required { fail(column, .missing) }
      return nil
    case .int64(let integer): decimal = ExactDecimal(Int(integer))
    case .double(let double): decimal = ExactDecimal(shortestRoundTrip: double)
    case .string(let text): decimal = ExactDecimal(parsing: text)
    case .blob: decimal = nil
    }
    if decimal == nil { fail(column, .notANumber) }
    return decimal
  }

  mutating func integer(_ index: Int, _ column: String) -> Int? {
    switch value(index).storage {
    case .null: return nil
    case .int64(let integer): return Int(integer)
    case .double(let double):
      if let exact = ExactDecimal(shortestRoundTrip: double), let whole = exact.intValue {
        return whole
      }
    case .string(let text):
      if let whole = Int(text) { return whole }
    case .blob: break
    }
    fail(column, .notAWholeNumber)
    return nil
  }

  /// One of the contract's words; `words` lists them for the error message.
  mutating func choice<Word: RawRepresentable<String>>(
    _ index: Int, _ column: String, _ words: [String], required: Bool = false,
    as: Word.Type = Word.self
  ) -> Word? {
    let stored = value(index)
    if stored.isNull {
      if required { fail(column, .missing) }
      return nil
    }
    guard case .string(let text) = stored.storage, let word = Word(rawValue: text) else {
      fail(column, .notOneOf(words))
      return nil
    }
    return word
  }

  mutating func currency(_ index: Int, _ column: String, required: Bool = false) -> CurrencyCode? {
    let stored = value(index)
    if stored.isNull {
      if required { fail(column, .missing) }
      return nil
    }
    guard case .string(let text) = stored.storage, let code = CurrencyCode(parsing: text) else {
      fail(column, .notACurrency)
      return nil
    }
    return code
  }

  /// An amount and its currency; an amount whose currency is unknown is an error on the
  /// currency column, unless `fallback` supplies one.
  mutating func money(
    amount amountIndex: Int, _ amountColumn: String, currency currencyIndex: Int,
    _ currencyColumn: String, required: Bool = false, fallback: CurrencyCode? = nil
  ) -> Money? {
    let amount = decimal(amountIndex, amountColumn, required: required)
    let currency = self.currency(currencyIndex, currencyColumn, required: required)
    guard let amount else { return nil }
    guard let code = currency ?? fallback else {
      if !value(currencyIndex).isNull || required { return nil }
      fail(currencyColumn, .noCurrency)
      return nil
    }
    return Money(amount, code)
  }
}

/// A stored row that breaks the record contract.
///
/// It names the table, the row and the column, never the offending value: messages must
/// not carry learner data beyond ids.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong with the value.
  public enum Problem: Sendable, Hashable {
    /// NULL in a column the contract requires.
    case missing
    /// Binary data where the contract wants text.
    case notText
    /// Not an ISO 8601 calendar date `YYYY-MM-DD`.
    case notADate
    /// Not an exact number (INTEGER, TEXT in plain decimal notation, or a finite REAL).
    case notANumber
    /// Not a whole number.
    case notAWholeNumber
    /// Not one of the contract's words for the column.
    case notOneOf([String])
    /// Not a three-letter ISO 4217 currency code.
    case notACurrency
    /// An amount whose currency is unknown.
    case noCurrency
    /// An amount in another currency than the one the fact is declared in (`Money(SGD)`).
    case wrongCurrency(expected: String)
    /// Names a row that the referenced table does not have.
    case dangling(table: String, key: String)
    /// The referenced row itself breaks the contract (a broken catalogue entry).
    case brokenReference(RecordErrorReference)
    /// A key on more than one row (possible only in a store another tool wrote without
    /// the contract's primary keys): which row holds the truth cannot be told.
    case duplicateKey(rows: Int)
  }

  public let table: String
  /// The row's key as text: its id, or `learner / name` for a fact.
  public let row: String
  public let column: String
  public let problem: Problem

  public init(table: String, row: String, column: String, problem: Problem) {
    self.table = table
    self.row = row
    self.column = column
    self.problem = problem
  }

  /// One lowercase sentence naming table, row and column (keys with control characters
  /// escaped: they come from the store as they are).
  public var description: String {
    "`\(table)` row `\(row.escapingControlCharacters)`, column `\(column)`: "
      + problem.explanation
  }
}

/// A catalogue row's error, as referred to from the rows that use it.
public struct RecordErrorReference: Sendable, Hashable {
  public let table: String
  public let row: String
  public let column: String
  public let problem: String

  public init(_ error: RecordError) {
    table = error.table
    row = error.row
    column = error.column
    problem = error.problem.explanation
  }
}

extension RecordError.Problem {
  /// What is wrong, in words.
  public var explanation: String {
    switch self {
    case .missing: "no value, but the contract requires one"
    case .notText: "binary data, not text"
    case .notADate: "not a date (expected YYYY-MM-DD)"
    case .notANumber: "not an exact number (expected plain decimal notation such as 7.5)"
    case .notAWholeNumber: "not a whole number"
    case .notOneOf(let words):
      "not one of " + words.map { "`\($0)`" }.joined(separator: ", ")
    case .notACurrency: "not a currency code (expected three capital letters such as SGD)"
    case .noCurrency: "an amount without a currency"
    case .wrongCurrency(let expected):
      "an amount in another currency than `\(expected)`, the currency the fact is declared in"
    case .dangling(let table, let key):
      "names `\(key.escapingControlCharacters)`, which `\(table)` does not have"
    case .brokenReference(let other):
      "refers to `\(other.table)` row `\(other.row.escapingControlCharacters)`, whose column `\(other.column)` is "
        + "broken (\(other.problem))"
    case .duplicateKey(let rows):
      "the key is on \(rows) rows, where the contract allows one; keep one row "
        + "(delete or merge the others)"
    }
  }
}

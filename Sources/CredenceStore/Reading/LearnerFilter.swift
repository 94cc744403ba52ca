import CredenceRecords
import GRDB

/// Which learners a read covers, as SQL on a learner-id column.
enum LearnerFilter {
  case range(LearnerRange)
  case exact(LearnerID)

  /// A condition on `column` (or `1` for everything) and its arguments.
  ///
  /// Comparisons and ordering use `COLLATE BINARY`, the byte order `LearnerID` uses, even if
  /// a foreign database declared another collation on the column.
  func condition(on column: String) -> (sql: String, arguments: StatementArguments) {
    switch self {
    case .exact(let id):
      return ("\(column) = ? COLLATE BINARY", [id.text])
    case .range(let range):
      var parts: [String] = []
      var arguments: StatementArguments = []
      if let lower = range.lowerBound {
        parts.append("\(column) >= ? COLLATE BINARY")
        arguments += [lower.text]
      }
      if let upper = range.upperBound {
        parts.append("\(column) < ? COLLATE BINARY")
        arguments += [upper.text]
      }
      return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
    }
  }
}

import CredenceRecords
import GRDB

/// Which learners a read covers, as SQL on a learner-id column.
enum LearnerFilter {
  case all
  case exact(LearnerID)

  /// A condition on `column` (or `1` for everything) and its arguments.
  ///
  /// Comparisons and ordering use `COLLATE BINARY`, the byte order `LearnerID` uses, even if
  /// a foreign database declared another collation on the column.
  func condition(on column: String) -> (sql: String, arguments: StatementArguments) {
    switch self {
    case .exact(let id):
      return ("\(column) = ? COLLATE BINARY", [id.text])
    case .all:
      return ("1", [])
    }
  }
}

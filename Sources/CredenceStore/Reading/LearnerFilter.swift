import CredenceRecords
import GRDB

/// Which learners a read covers, as SQL on a learner-id column.
enum LearnerFilter {
  case all
  case exact(LearnerID)
  /// The learners of one shard (``LearnerShard``), chosen in the query by
  /// ``shardFunction``, so the other shards' rows are never decoded.
  case shard(LearnerShard)

  /// A condition on `column` (or `1` for everything) and its arguments.
  ///
  /// Comparisons and ordering use `COLLATE BINARY`, the byte order `LearnerID` uses, even if
  /// a foreign database declared another collation on the column.
  func condition(on column: String) -> (sql: String, arguments: StatementArguments) {
    switch self {
    case .exact(let id):
      return ("\(column) = ? COLLATE BINARY", [id.text])
    case .shard(let shard):
      // The text SQLite reads the id as (a number's digits, a blob's bytes), as the
      // stream reads it.
      return (
        "\(Self.shardFunction.name)(CAST(\(column) AS TEXT), ?) = ?", [shard.count, shard.index]
      )
    case .all:
      return ("1", [])
    }
  }

  /// `credence_shard(id, n)`: the shard (of `n`) the learner `id` belongs to, computed by
  /// ``LearnerShard`` itself. A NULL id (a foreign store's row without one) is hashed as the
  /// id the stream reports it under, so it lands where an in-memory filter puts it.
  static let shardFunction = DatabaseFunction(
    "credence_shard", argumentCount: 2, pure: true
  ) { values in
    let count = Int.fromDatabaseValue(values[1]) ?? 1
    let id = String.fromDatabaseValue(values[0]) ?? LearnerStream.noID
    return LearnerShard.shard(of: id, count: count)
  }
}

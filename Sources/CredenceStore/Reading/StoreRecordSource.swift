import CredenceRecords

/// A store's learners as the commands read them, whichever database holds them (SQLite, or
/// PostgreSQL through CredencePostgres): the evaluator's `RecordSource`, and what the CLI, the
/// REPL and the pathway search ask a store besides.
public protocol StoreRecordSource: RecordSource {
  /// How many learners the store holds (for progress reports).
  func learnerCount() throws -> Int

  /// The whole catalogue in code order, and the codes of entries that break the contract.
  func catalogue() throws -> (credentials: [Credential], broken: [String])

  /// Up to `limit` learner ids starting with `prefix`, in id order, and how many ids start
  /// with it in all.
  func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int)
}

extension SQLiteRecordSource: StoreRecordSource {}

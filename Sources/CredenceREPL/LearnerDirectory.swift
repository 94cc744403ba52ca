import Credence

/// Where the REPL lists learner ids (`:learners`, completion after `:learner `): the
/// database in `credence repl --db`, memory in tests. Behind a protocol so the REPL module
/// never opens SQLite itself.
public protocol LearnerDirectory: Sendable {
  /// Up to `limit` ids starting with `prefix`, in id order, and how many start with it.
  func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int)
}

extension InMemoryRecordSource: LearnerDirectory {
  public func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int) {
    let matching = records.map(\.id.text).filter { $0.hasPrefix(prefix) }
    return (Array(matching.prefix(max(0, limit))), matching.count)
  }
}

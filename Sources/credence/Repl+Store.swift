import CredenceREPL
import CredenceStore

/// The REPL's learner listing over the store (`:learners`, completion after `:learner `).
struct StoreLearnerDirectory: LearnerDirectory {
  let source: SQLiteRecordSource

  func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int) {
    try source.learnerIDs(prefix: prefix, limit: limit)
  }
}

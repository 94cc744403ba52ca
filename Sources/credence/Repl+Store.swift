import Credence
import CredenceREPL
import CredenceStore

/// The REPL's learner listing over the store (`:learners`, completion after `:learner `),
/// and its catalogue (`:path`).
struct StoreLearnerDirectory: LearnerDirectory, CatalogueSource {
  let source: any StoreRecordSource

  func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int) {
    try source.learnerIDs(prefix: prefix, limit: limit)
  }

  func catalogue() throws -> (credentials: [Credential], broken: [String]) {
    try source.catalogue()
  }
}

import Credence
import CredenceStore

/// The learner-record store, opened read-only for the life of the server.
public final class StoreAccess: Sendable {
  /// The records, for the pages (`CredenceWeb`): catalogue, learner ids, batches.
  public let source: any StoreRecordSource
  /// The path given (a PostgreSQL store's URL without its password), for the start-up line
  /// (never in replies).
  public let path: String

  /// Opens the store at `path` for reading (several readers at once in WAL mode).
  public init(path: String) throws {
    let store = try RecordStore.openForReading(at: path, parallelReads: true)
    source = SQLiteRecordSource(store: store)
    self.path = path
  }

  /// A store opened by the caller (PostgreSQL), named `name` on the start-up line.
  public init(source: any StoreRecordSource, name: String) {
    self.source = source
    self.path = name
  }

  public func learnerCount() throws -> Int { try source.learnerCount() }

  /// The catalogue entry with `code`, or nil.
  func credential(code: String) throws -> Credential? { try source.credential(code: code) }

  /// Whether the store answers a query (readiness).
  func isReadable() -> Bool {
    do {
      _ = try source.learner(id: LearnerID(""))
      return true
    } catch {
      return false
    }
  }
}

import CredenceRecords
import GRDB

/// The `RecordSource` over a store: learners streamed from SQLite in id order.
///
/// Each read runs in one read transaction (in WAL mode it sees the store as it was when
/// the read began, never half an import), with one cursor per table merged by learner id.
public struct SQLiteRecordSource: RecordSource {
  public let store: RecordStore
  /// Whether learners come with their `learner_facts` rows. Policies that declare no fact
  /// never read them, so a batch for such policies skips the table.
  public var readsFacts: Bool
  /// The shard whose learners `forEachBatch` reads (all learners when `nil`).
  public var shard: LearnerShard?

  public init(store: RecordStore, readsFacts: Bool = true) {
    self.store = store
    self.readsFacts = readsFacts
  }

  /// This source reading only `shard`'s learners: the shard is chosen in the queries
  /// (``LearnerFilter/shard(_:)``), so other shards' rows are never decoded.
  public func restricted(to shard: LearnerShard) -> any RecordSource {
    var restricted = self
    restricted.shard = shard
    return restricted
  }

  public func forEachBatch(batchSize: Int, _ body: ([LearnerRecord]) throws -> Void) throws {
    try read { db in
      let size = max(1, batchSize)
      var filter = LearnerFilter.all
      if let shard, shard.count > 1 {
        db.add(function: LearnerFilter.shardFunction)
        filter = .shard(shard)
      }
      var stream = try LearnerStream(
        db, filter: filter, catalogue: try Catalogue.load(db), facts: readsFacts)
      var batch: [LearnerRecord] = []
      batch.reserveCapacity(size)
      while let record = try stream.next() {
        batch.append(record)
        if batch.count == size {
          try body(batch)
          batch.removeAll(keepingCapacity: true)
        }
      }
      if !batch.isEmpty { try body(batch) }
    }
  }

  public func learner(id: LearnerID) throws -> LearnerRecord? {
    try read { db in
      // A learner's rows name a few credentials of the catalogue: only those are decoded
      // (decoding all of it was most of the time of `eval --learner`'s read).
      let catalogue = try Catalogue.load(db, only: try Catalogue.selection(db, for: id))
      var stream = try LearnerStream(
        db, filter: .exact(id), catalogue: catalogue)
      return try stream.next()
    }
  }

  /// How many learners the store holds (for progress reports).
  public func learnerCount() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM learners") ?? 0 }
  }

  public func credential(code: String) throws -> Credential? {
    let entry = try read { db in try Catalogue.load(db, code: code).entries[code] }
    switch entry {
    case .valid(let credential)?: return credential
    case .broken(let error)?: throw error
    case nil: return nil
    }
  }

  /// Runs `body` in one read transaction, with store errors worded for users.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try RecordStore.wrapDatabaseErrors(store.name) { try store.reader.read(body) }
  }
}

extension RecordStore {
  /// The store as a `RecordSource` for the evaluator.
  public var recordSource: SQLiteRecordSource { SQLiteRecordSource(store: self) }
}

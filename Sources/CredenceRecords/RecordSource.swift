/// Where the evaluator reads learners from: SQLite in production, memory in tests.
///
/// Learners arrive in learner-id order (UTF-8 byte order, as SQLite sorts TEXT), in
/// batches, so memory stays flat however many learners there are, each one ``Learner``
/// with its lists in the order policies see them. A learner whose rows break the contract
/// arrives as `.invalid` with the errors; the stream goes on. Revoked awards are never
/// delivered.
public protocol RecordSource: Sendable {
  /// Calls `body` with every learner, in id order, at most `batchSize` (at least 1) at a
  /// time. All batches come from one state of the records.
  ///
  /// Throws only when reading itself fails (I/O, a locked or corrupt file) or when `body`
  /// throws; broken rows arrive as `.invalid` learners instead.
  func forEachBatch(batchSize: Int, _ body: ([LearnerRecord]) throws -> Void) throws

  /// The learner with `id`, or `nil` when there is none.
  func learner(id: LearnerID) throws -> LearnerRecord?

  /// The catalogue entry `code` with its tags, or `nil` when there is none; for what-if
  /// questions about credentials no learner holds yet.
  ///
  /// Throws a ``RecordError`` when the catalogue row itself breaks the contract.
  func credential(code: String) throws -> Credential?

  /// The learners of `shard` alone, in the same order and batches; looking a learner or a
  /// credential up is not restricted. A store answers with a source that filters in its
  /// query, so a shard reads only its own learners' rows; the default filters the stream
  /// (``ShardedRecordSource``).
  func restricted(to shard: LearnerShard) -> any RecordSource
}

extension RecordSource {
  public func restricted(to shard: LearnerShard) -> any RecordSource {
    ShardedRecordSource(self, shard: shard)
  }
}

/// Where the evaluator reads learners from: SQLite in production, memory in tests.
///
/// Learners arrive in learner-id order (UTF-8 byte order, as SQLite sorts TEXT), in
/// batches, so memory stays flat however many learners there are. A learner whose rows
/// break the contract arrives as `.invalid` with the errors; the stream goes on. Revoked
/// awards are never delivered.
///
/// Sources are `Sendable`: the evaluator may read different id ranges from different
/// threads at once (``forEachBatch(inEachOf:batchSize:_:)`` does this from one consistent
/// state of the records).
public protocol RecordSource: Sendable {
  /// Calls `body` with the learners whose ids fall in `range`, in id order, at most
  /// `batchSize` (at least 1) at a time. All batches come from one state of the records.
  ///
  /// Throws only when reading itself fails (I/O, a locked or corrupt file) or when `body`
  /// throws; broken rows arrive as `.invalid` learners instead.
  func forEachBatch(
    in range: LearnerRange, batchSize: Int, _ body: ([LearnerRecord]) throws -> Void
  ) throws

  /// Like ``forEachBatch(in:batchSize:_:)``, with each learner as the rows the evaluator
  /// reads: what batch evaluation asks for. A source can decode stored rows straight into
  /// them; the default converts each ``Learner``.
  func forEachRowBatch(
    in range: LearnerRange, batchSize: Int, _ body: ([LearnerRowsRecord]) throws -> Void
  ) throws

  /// Reads each of `ranges` concurrently, calling `body` with the range's index and each
  /// of its batches, all ranges from the same state of the records.
  ///
  /// `body` runs on several threads at once. The ranges should not overlap; a learner in
  /// two ranges is delivered twice.
  func forEachBatch(
    inEachOf ranges: [LearnerRange], batchSize: Int,
    _ body: @Sendable (_ rangeIndex: Int, _ batch: [LearnerRecord]) throws -> Void
  ) throws

  /// The learner with `id`, or `nil` when there is none.
  func learner(id: LearnerID) throws -> LearnerRecord?

  /// Splits the learners into about `count` ranges of about equal size, for parallel
  /// evaluation. The ranges cover every id and do not overlap.
  func partition(into count: Int) throws -> [LearnerRange]

  /// The catalogue entry `code` with its tags, or `nil` when there is none; for what-if
  /// questions about credentials no learner holds yet.
  ///
  /// Throws a ``RecordError`` when the catalogue row itself breaks the contract.
  func credential(code: String) throws -> Credential?
}

extension RecordSource {
  /// Converts each learner of ``forEachBatch(in:batchSize:_:)``.
  public func forEachRowBatch(
    in range: LearnerRange, batchSize: Int, _ body: ([LearnerRowsRecord]) throws -> Void
  ) throws {
    try forEachBatch(in: range, batchSize: batchSize) { batch in
      try body(batch.map { LearnerRowsRecord($0) })
    }
  }

  /// Reads the ranges one after another on the calling thread. Consistent for sources that
  /// do not change while they are read; the SQLite source provides a concurrent version.
  public func forEachBatch(
    inEachOf ranges: [LearnerRange], batchSize: Int,
    _ body: @Sendable (_ rangeIndex: Int, _ batch: [LearnerRecord]) throws -> Void
  ) throws {
    for (index, range) in ranges.enumerated() {
      try forEachBatch(in: range, batchSize: batchSize) { try body(index, $0) }
    }
  }

  /// Every learner, in id order.
  public func forEachBatch(batchSize: Int, _ body: ([LearnerRecord]) throws -> Void) throws {
    try forEachBatch(in: .all, batchSize: batchSize, body)
  }
}

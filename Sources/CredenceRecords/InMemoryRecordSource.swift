/// A record source over values in memory: for tests, examples and the REPL.
///
/// It holds learners as policies see them, so it never has revoked awards; `.invalid`
/// records can be included to test how the evaluator reports broken rows.
public struct InMemoryRecordSource: RecordSource {
  /// Sorted by id, ids distinct.
  public let records: [LearnerRecord]
  public let catalogue: [String: Credential]

  /// A source holding `records` (in any order; a later duplicate id replaces an earlier
  /// one) and the catalogue. Credentials used by the learners' awards and enrolments are
  /// added to the catalogue when it lacks them.
  public init(records: [LearnerRecord], catalogue: [Credential] = []) {
    var byID: [LearnerID: LearnerRecord] = [:]
    for record in records { byID[record.id] = record }
    self.records = byID.values.sorted { $0.id < $1.id }
    var entries: [String: Credential] = [:]
    for record in records {
      guard let learner = record.learner else { continue }
      for award in learner.awards { entries[award.credential.code] = award.credential }
      for enrolment in learner.enrolments {
        entries[enrolment.credential.code] = enrolment.credential
      }
    }
    for credential in catalogue { entries[credential.code] = credential }
    self.catalogue = entries
  }

  /// A source holding valid `learners`.
  public init(learners: [Learner], catalogue: [Credential] = []) {
    self.init(records: learners.map(LearnerRecord.valid), catalogue: catalogue)
  }

  public func forEachBatch(batchSize: Int, _ body: ([LearnerRecord]) throws -> Void) throws {
    let size = max(1, batchSize)
    var start = 0
    while start < records.count {
      let end = min(start + size, records.count)
      try body(Array(records[start..<end]))
      start = end
    }
  }

  public func learner(id: LearnerID) throws -> LearnerRecord? {
    var low = 0
    var high = records.count
    while low < high {
      let middle = (low + high) / 2
      if records[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < records.count && records[low].id == id ? records[low] : nil
  }

  public func credential(code: String) throws -> Credential? { catalogue[code] }
}

import CredenceRecords
import Foundation
import GRDB

extension SQLiteRecordSource {
  /// The most read connections one parallel read uses; further ranges share them. Each
  /// reader holds a WAL read transaction, so more than the cores is of no use.
  public static let maxParallelReaders = 8

  /// How often a parallel read restarts because the store changed while its readers were
  /// starting, before giving up.
  static let maxConsistencyAttempts = 5

  /// Reads the ranges on up to ``maxParallelReaders`` connections at once, all from one
  /// state of the store.
  ///
  /// SQLite cannot hand one snapshot to several connections here (the system library is
  /// built without `SQLITE_ENABLE_SNAPSHOT`), so the readers start their transactions
  /// between two `PRAGMA data_version` probes of a separate connection: if no commit
  /// happened between the probes, every reader sees the same state. Otherwise they all
  /// stop before delivering anything, and the read starts again.
  public func forEachBatch(
    inEachOf ranges: [LearnerRange], batchSize: Int,
    _ body: @Sendable (_ rangeIndex: Int, _ batch: [LearnerRecord]) throws -> Void
  ) throws {
    guard ranges.count > 1, let pool = store.reader as? DatabasePool, let path = store.path
    else {
      // One transaction for every range: consistent by construction.
      try read { db in
        for (index, range) in ranges.enumerated() {
          try Self.stream(db, range: range, batchSize: batchSize, facts: readsFacts) {
            try body(index, $0)
          }
        }
      }
      return
    }
    let readers = min(
      ranges.count, Self.maxParallelReaders, pool.configuration.maximumReaderCount)
    try withoutActuallyEscaping(body) { body in
      // The reader threads reach `body` through this box, which is emptied once they are
      // done: a `Thread` keeps its block alive after it ends, and `body` must not outlive
      // this call.
      let box = BodyBox(body)
      defer { box.body = nil }
      for _ in 1...Self.maxConsistencyAttempts {
        let started = try RecordStore.wrapDatabaseErrors(store.name) {
          try Self.readInParallel(
            pool: pool, path: path, ranges: ranges, readers: readers, batchSize: batchSize,
            body: box)
        }
        if started { return }
      }
      throw StoreError(
        .database,
        "`\(store.name)` kept changing while a parallel read was starting",
        help: "wait for the running import to finish, or read without parallel ranges")
    }
  }

  /// One attempt; `false` when the store changed while the readers were starting.
  private static func readInParallel(
    pool: DatabasePool, path: String, ranges: [LearnerRange], readers: Int, batchSize: Int,
    body: BodyBox
  ) throws -> Bool {
    let probe = try DatabaseQueue(
      path: path, configuration: RecordStore.configuration(readOnly: true))
    defer { try? probe.close() }
    func dataVersion() throws -> Int {
      try probe.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }
    let before = try dataVersion()
    let gate = StartGate(readers: readers)
    let outcome = ParallelOutcome()
    let finished = DispatchGroup()
    for reader in 0..<readers {
      finished.enter()
      let thread = Thread {
        defer { finished.leave() }
        var arrived = false
        do {
          try pool.read { db in
            // The first read fixes the transaction's view of the WAL.
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            arrived = true
            guard gate.arriveAndWait() else { return }
            for index in stride(from: reader, to: ranges.count, by: readers) {
              try stream(db, range: ranges[index], batchSize: batchSize) { batch in
                if outcome.hasFailed { throw CancellationError() }
                try body.body?(index, batch)
              }
            }
          }
        } catch {
          outcome.record(error)
          if !arrived { _ = gate.arriveAndWait(failed: true) }
        }
      }
      thread.start()
    }
    gate.waitForEveryone()
    let consistent = try dataVersion() == before
    gate.decide(consistent && !outcome.hasFailed)
    finished.wait()
    if let error = outcome.firstError { throw error }
    return consistent
  }
}

/// The caller's callback, shared with the reader threads for the length of the call.
private final class BodyBox: @unchecked Sendable {
  var body: (@Sendable (Int, [LearnerRecord]) throws -> Void)?
  init(_ body: @escaping @Sendable (Int, [LearnerRecord]) throws -> Void) { self.body = body }
}

/// Holds readers after they start their transactions until the coordinator decides
/// whether they all see the same state.
private final class StartGate: @unchecked Sendable {
  private let condition = NSCondition()
  private let readers: Int
  private var arrivals = 0
  private var verdict: Bool?

  init(readers: Int) { self.readers = readers }

  /// Reports this reader's transaction as started, then waits for the verdict.
  func arriveAndWait(failed: Bool = false) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    arrivals += 1
    condition.broadcast()
    if failed { return false }
    while verdict == nil { condition.wait() }
    return verdict ?? false
  }

  func waitForEveryone() {
    condition.lock()
    while arrivals < readers { condition.wait() }
    condition.unlock()
  }

  func decide(_ go: Bool) {
    condition.lock()
    verdict = go
    condition.broadcast()
    condition.unlock()
  }
}

/// The first real error of a parallel read; cancellations caused by it are not kept.
private final class ParallelOutcome: @unchecked Sendable {
  private let lock = NSLock()
  private var error: (any Error)?

  var hasFailed: Bool { lock.withLock { error != nil } }
  var firstError: (any Error)? { lock.withLock { error } }

  func record(_ error: any Error) {
    lock.withLock {
      if self.error == nil, !(error is CancellationError) { self.error = error }
    }
  }
}

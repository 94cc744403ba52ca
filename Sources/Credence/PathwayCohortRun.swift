import CredenceRecords
import CredenceRuntime
import Foundation

/// Plans a cohort on several threads, as ``BatchEvaluation`` evaluates one: the calling
/// thread reads batches and hands out the answers in learner-id order; each worker has its
/// own planner (a planner is not thread-safe) and plans whole batches. At most
/// ``BatchEvaluation/maximumBatchesInFlight`` batches per worker are read and not yet handed
/// out, so memory does not grow with the cohort.
public final class PathwayCohortRun: @unchecked Sendable {
  let makePlanner: @Sendable () -> PathwayPlanner
  let workers: Int

  private let condition = NSCondition()
  private var queue: [(sequence: Int, batch: [LearnerRecord])] = []
  private var planned: [Int: [PathwayCohort.Row]] = [:]
  private var nextToRead = 0
  private var finishedReading = false

  /// `makePlanner` is called once on each worker thread.
  public init(
    makePlanner: @escaping @Sendable () -> PathwayPlanner,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.makePlanner = makePlanner
    self.workers = max(1, workers)
  }

  /// Reads every learner of `source` and calls `emit` with each answer, in learner-id
  /// order, on the calling thread.
  public func run(
    _ source: any RecordSource, batchSize: Int, emit: (PathwayCohort.Row) -> Void
  ) throws {
    let done = DispatchGroup()
    for _ in 0..<workers {
      done.enter()
      let thread = Thread { [self] in
        work()
        done.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    var nextToEmit = 0
    // Hands out every planned batch whose turn has come; waits for one when `waiting`.
    func drain(waitingWhile wait: (Int) -> Bool) {
      while true {
        condition.lock()
        while planned[nextToEmit] == nil && wait(nextToEmit) { condition.wait() }
        guard let rows = planned.removeValue(forKey: nextToEmit) else {
          condition.unlock()
          return
        }
        nextToEmit += 1
        condition.broadcast()
        condition.unlock()
        rows.forEach(emit)
      }
    }
    var failure: (any Error)?
    do {
      try source.forEachBatch(batchSize: batchSize) { batch in
        // Keep the batches in flight bounded: hand out answers until there is room.
        drain { next in nextToRead - next >= workers * BatchEvaluation.maximumBatchesInFlight }
        condition.lock()
        queue.append((nextToRead, batch))
        nextToRead += 1
        condition.broadcast()
        condition.unlock()
      }
    } catch {
      failure = error
    }
    condition.lock()
    finishedReading = true
    condition.broadcast()
    condition.unlock()
    drain { next in next < nextToRead }
    done.wait()
    if let failure { throw failure }
  }

  /// A worker: plans batches until the reader is done.
  private func work() {
    let planner = makePlanner()
    while true {
      condition.lock()
      while queue.isEmpty && !finishedReading { condition.wait() }
      guard !queue.isEmpty else {
        condition.unlock()
        return
      }
      let (sequence, batch) = queue.removeFirst()
      condition.unlock()
      let rows = batch.map { PathwayCohort.row(for: $0, planner: planner) }
      condition.lock()
      planned[sequence] = rows
      condition.broadcast()
      condition.unlock()
    }
  }
}

import CredenceRecords
import Foundation

/// Works through every learner of a record source on several threads and hands the answers
/// out in learner-id order on the calling thread: the calling thread reads batches; each
/// worker makes its own per-thread state once (`makeWork`: a planner, evaluation sessions,
/// none of them thread-safe) and answers whole batches. At most
/// ``BatchEvaluation/maximumBatchesInFlight`` batches per worker are read and not yet handed
/// out, so memory does not grow with the number of learners. `path --all` and `diff` run on
/// it.
public final class LearnerBatchRun<Answer: Sendable>: @unchecked Sendable {
  let makeWork: @Sendable () -> (LearnerRecord) -> Answer
  let workers: Int

  private let condition = NSCondition()
  private var queue: [(sequence: Int, batch: [LearnerRecord])] = []
  private var answered: [Int: [Answer]] = [:]
  private var nextToRead = 0
  private var finishedReading = false

  /// `makeWork` is called once on each worker thread; what it returns answers its learners.
  public init(
    makeWork: @escaping @Sendable () -> (LearnerRecord) -> Answer,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.makeWork = makeWork
    self.workers = max(1, workers)
  }

  /// Reads every learner of `source` and calls `emit` with each answer, in learner-id
  /// order, on the calling thread.
  public func run(
    _ source: any RecordSource, batchSize: Int, emit: (Answer) -> Void
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
    // Hands out every answered batch whose turn has come; waits for one when `waiting`.
    func drain(waitingWhile wait: (Int) -> Bool) {
      while true {
        condition.lock()
        while answered[nextToEmit] == nil && wait(nextToEmit) { condition.wait() }
        guard let answers = answered.removeValue(forKey: nextToEmit) else {
          condition.unlock()
          return
        }
        nextToEmit += 1
        condition.broadcast()
        condition.unlock()
        answers.forEach(emit)
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

  /// A worker: answers batches until the reader is done.
  private func work() {
    let answer = makeWork()
    while true {
      condition.lock()
      while queue.isEmpty && !finishedReading { condition.wait() }
      guard !queue.isEmpty else {
        condition.unlock()
        return
      }
      let (sequence, batch) = queue.removeFirst()
      condition.unlock()
      let answers = batch.map(answer)
      condition.lock()
      answered[sequence] = answers
      condition.broadcast()
      condition.unlock()
    }
  }
}

import CredenceRecords
import Foundation

/// Works through every learner of a record source on several threads and hands the answers
/// out in learner-id order (``OrderedHandOff``): the calling thread reads batches; each
/// worker makes its own per-thread state once (`makeWork`: a planner, evaluation sessions,
/// none of them thread-safe) and answers whole batches. At most
/// ``OrderedHandOff/maximumBatchesInFlight`` batches per worker are read and not yet handed
/// out, so memory does not grow with the number of learners. `path --all` and `diff` run on
/// it.
public final class LearnerBatchRun<Answer: Sendable>: Sendable {
  let makeWork: @Sendable () -> (LearnerRecord) -> Answer
  let workers: Int

  /// `makeWork` is called once on each worker thread; what it returns answers its learners.
  public init(
    makeWork: @escaping @Sendable () -> (LearnerRecord) -> Answer,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.makeWork = makeWork
    self.workers = max(1, workers)
  }

  /// Reads every learner of `source` and calls `emit` with each answer, in learner-id
  /// order, one call at a time (from the worker that finished the batch whose turn came;
  /// `emit` needs no lock of its own).
  public func run(
    _ source: any RecordSource, batchSize: Int, emit: (Answer) -> Void
  ) throws {
    let makeWork = makeWork
    try OrderedHandOff.run(
      workers: workers,
      read: { submit in try source.forEachBatch(batchSize: batchSize, submit) },
      makeWorker: {
        let answer = makeWork()
        return { batch in batch.map(answer) }
      },
      deliver: { answers in answers.forEach(emit) })
  }
}

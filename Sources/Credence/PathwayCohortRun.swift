import CredenceRecords
import CredenceRuntime
import Foundation

/// Plans a cohort on several threads, as ``BatchEvaluation`` evaluates one: a
/// ``LearnerBatchRun`` whose workers each have their own planner (a planner is not
/// thread-safe), the answers handed out in learner-id order with memory flat in the cohort.
public final class PathwayCohortRun: Sendable {
  let batches: LearnerBatchRun<PathwayCohort.Row>

  /// `makePlanner` is called once on each worker thread.
  public init(
    makePlanner: @escaping @Sendable () -> PathwayPlanner,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    batches = LearnerBatchRun(
      makeWork: {
        let planner = makePlanner()
        return { record in PathwayCohort.row(for: record, planner: planner) }
      }, workers: workers)
  }

  /// Reads every learner of `source` and calls `emit` with each answer, in learner-id
  /// order, one call at a time.
  public func run(
    _ source: any RecordSource, batchSize: Int, emit: (PathwayCohort.Row) -> Void
  ) throws {
    try batches.run(source, batchSize: batchSize, emit: emit)
  }
}

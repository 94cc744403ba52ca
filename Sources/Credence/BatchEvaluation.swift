import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceValues
import Foundation

/// Evaluates every learner of a record source on several threads, with the output in
/// learner-id order (``OrderedHandOff``).
///
/// One thread reads batches from the source (reading is a small part of the work); worker
/// threads, each with its own ``EvaluationSession``, evaluate and render whole batches; the
/// rendered batches are written in the order they were read. At most
/// ``OrderedHandOff/maximumBatchesInFlight`` batches per worker are read and not yet written,
/// so memory does not grow with the number of learners.
public final class BatchEvaluation: Sendable {
  let program: CompiledProgram
  let asOf: CivilDate
  let decisions: [DecisionID]?
  let options: EvaluationOptions
  let writer: ResultWriter
  let workers: Int

  public init(
    program: CompiledProgram, asOf: CivilDate, decisions: [DecisionID]?,
    options: EvaluationOptions, writer: ResultWriter,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) {
    self.program = program
    self.asOf = asOf
    self.decisions = decisions
    self.options = options
    self.writer = writer
    self.workers = max(1, workers)
  }

  /// Reads, evaluates and writes every learner; returns how many learners there were and
  /// how many have a decision with status `error`. `progress`, when given, hears how many
  /// learners are written so far, after each batch. When the options' cancellation is
  /// raised, reading stops and `run` throws `CancellationError` (the output is then a
  /// prefix, in learner-id order, of what it would have been).
  public func run(
    _ source: any RecordSource, batchSize: Int, into stream: ResultStream,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> (learners: Int, withErrors: Int) {
    var learners = 0
    var withErrors = 0
    try OrderedHandOff.run(
      workers: workers, cancellation: options.cancellation,
      read: { submit in try source.forEachBatch(batchSize: batchSize, submit) },
      makeWorker: { [self] in
        let session = EvaluationSession(
          program: program, asOf: asOf, decisions: decisions, options: options)
        return { batch in self.render(batch, session) }
      },
      deliver: { (rendered: Rendered) in
        stream.emit(rendered.bytes)
        learners += rendered.learners
        withErrors += rendered.withErrors
        progress?(learners)
      })
    return (learners, withErrors)
  }

  /// A batch's output: its text, its learners, and how many of them have an `error`.
  typealias Rendered = (bytes: [UInt8], learners: Int, withErrors: Int)

  /// One batch evaluated and rendered as one chunk of output.
  private func render(_ batch: [LearnerRecord], _ session: EvaluationSession) -> Rendered {
    var chunk: [UInt8] = []
    chunk.reserveCapacity(batch.count * 256)
    var errors = 0
    if writer.format == .csv && !writer.explain {
      var rows = PlainCSVRows(session)
      for index in batch.indices where rows.write(batch[index], session, into: &chunk) {
        errors += 1
      }
      return (chunk, batch.count, errors)
    }
    for (index, record) in batch.enumerated() {
      let results = session.evaluate(record)
      if results.hasError { errors += 1 }
      // JSON objects of one chunk are separated here; chunks by the stream.
      if index > 0, writer.format == .json, !results.results.isEmpty, !chunk.isEmpty {
        chunk.append(contentsOf: ",\n".utf8)
      }
      writer.render(results, into: &chunk)
    }
    return (chunk, batch.count, errors)
  }
}

import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceValues
import Foundation

/// Evaluates every learner of a record source on several threads, with the output in
/// learner-id order.
///
/// One thread reads batches from the source (reading is a small part of the work); worker
/// threads, each with its own ``EvaluationSession``, evaluate and render whole batches; the
/// rendered batches are written in the order they were read. At most ``maximumBatchesInFlight``
/// batches per worker are read and not yet written, so memory does not grow with the number
/// of learners.
public final class BatchEvaluation: @unchecked Sendable {
  /// Batches per worker that may be read but not yet written.
  public static let maximumBatchesInFlight = 4

  let program: CompiledProgram
  let asOf: CivilDate
  let decisions: [DecisionID]?
  let options: EvaluationOptions
  let writer: ResultWriter
  let workers: Int

  private let condition = NSCondition()
  private var queue: [(sequence: Int, batch: [LearnerRecord])] = []
  private var rendered: [Int: (bytes: [UInt8], learners: Int)] = [:]
  private var nextToRead = 0
  private var nextToWrite = 0
  private var finishedReading = false
  private var learners = 0
  private var learnersWithErrors = 0
  private var learnersWritten = 0
  private var progress: (@Sendable (Int) -> Void)?

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
  /// learners are written so far, after each batch.
  public func run(
    _ source: any RecordSource, batchSize: Int, into stream: ResultStream,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> (learners: Int, withErrors: Int) {
    self.progress = progress
    let done = DispatchGroup()
    for _ in 0..<workers {
      done.enter()
      let thread = Thread { [self] in
        work(stream)
        done.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    var failure: (any Error)?
    do {
      try source.forEachBatch(batchSize: batchSize) { batch in
        condition.lock()
        while nextToRead - nextToWrite >= workers * Self.maximumBatchesInFlight {
          condition.wait()
        }
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
    done.wait()
    if let failure { throw failure }
    return (learners, learnersWithErrors)
  }

  /// A worker: takes batches until the reader is done, renders them, and writes every
  /// rendered batch whose turn has come.
  private func work(_ stream: ResultStream) {
    let session = EvaluationSession(
      program: program, asOf: asOf, decisions: decisions, options: options)
    while true {
      condition.lock()
      while queue.isEmpty && !finishedReading { condition.wait() }
      guard !queue.isEmpty else {
        condition.unlock()
        return
      }
      let (sequence, batch) = queue.removeFirst()
      condition.unlock()

      var chunk: [UInt8] = []
      chunk.reserveCapacity(batch.count * 256)
      var errors = 0
      for (index, record) in batch.enumerated() {
        let results = session.evaluate(record)
        if results.hasError { errors += 1 }
        // JSON objects of one chunk are separated here; chunks by the stream.
        if index > 0, writer.format == .json, !results.results.isEmpty, !chunk.isEmpty {
          chunk.append(contentsOf: ",\n".utf8)
        }
        writer.render(results, into: &chunk)
      }

      condition.lock()
      learners += batch.count
      learnersWithErrors += errors
      rendered[sequence] = (chunk, batch.count)
      while let next = rendered.removeValue(forKey: nextToWrite) {
        stream.emit(next.bytes)
        learnersWritten += next.learners
        nextToWrite += 1
      }
      progress?(learnersWritten)
      condition.broadcast()
      condition.unlock()
    }
  }
}

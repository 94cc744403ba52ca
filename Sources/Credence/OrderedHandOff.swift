import CredenceRuntime
import Foundation

/// Work read in batches on the calling thread, done on several worker threads, and handed
/// out in the order it was read: the one loop `eval --all` (``BatchEvaluation``), `path --all`
/// and `diff` (``LearnerBatchRun``) share.
///
/// Each worker makes its own state once (an evaluation session, a planner, a comparer: none
/// is thread-safe) and does whole batches. At most `workers × maximumBatchesInFlight`
/// batches are read and not yet handed out, so memory does not grow with the number of
/// batches. Outputs are handed out one at a time, in reading order, by whichever worker
/// finished the batch whose turn came, outside the lock: `deliver` needs no lock of its own,
/// the reader never waits on output being written, and the other workers keep working while
/// it is.
package enum OrderedHandOff {
  /// Batches per worker that may be read but not yet handed out (4): enough that a worker
  /// finishing early finds work, few enough that memory stays flat.
  package static let maximumBatchesInFlight = 4

  /// Calls `read` on the calling thread, which submits each batch in order; `makeWorker` is
  /// called once on each of `workers` threads, and the function it returns does that
  /// worker's batches; `deliver` gets every output in submission order, one call at a time
  /// (from worker threads). Returns when every batch read is delivered.
  ///
  /// An error `read` throws is thrown once, after the batches read before it are delivered.
  /// When `cancellation` is raised, `submit` throws `CancellationError` (ending `read`),
  /// batches not yet started are dropped, those started are finished and delivered as far
  /// as reading order allows, and `run` throws `CancellationError`.
  package static func run<Batch: Sendable, Output: Sendable>(
    workers: Int, cancellation: EvaluationCancellation? = nil,
    read: (_ submit: (Batch) throws -> Void) throws -> Void,
    makeWorker: @escaping @Sendable () -> (Batch) -> Output,
    deliver: (Output) -> Void
  ) throws {
    try withoutActuallyEscaping(deliver) { deliver in
      let handOff = HandOff<Batch, Output>(
        workers: max(1, workers), cancellation: cancellation, makeWorker: makeWorker,
        deliver: deliver)
      try handOff.run(read)
    }
  }
}

/// One run's queue, the outputs waiting for their turn and the counters, under one lock.
private final class HandOff<Batch: Sendable, Output: Sendable>: @unchecked Sendable {
  let workers: Int
  let cancellation: EvaluationCancellation?
  let makeWorker: @Sendable () -> (Batch) -> Output
  /// Called by one worker at a time: the next output is looked for only after the one
  /// before it was delivered. Let go of when the run is over: the caller's closure must not
  /// outlive `run`.
  var deliver: ((Output) -> Void)?

  let condition = NSCondition()
  var queue: [(sequence: Int, batch: Batch)] = []
  var done: [Int: Output] = [:]
  var nextToRead = 0
  /// Advanced after the output before it is delivered: while one worker delivers, the
  /// others find nothing whose turn has come and leave theirs in `done` for it.
  var nextToDeliver = 0
  var finishedReading = false
  /// Batches were dropped or reading was stopped because of `cancellation`.
  var cancelled = false

  init(
    workers: Int, cancellation: EvaluationCancellation?,
    makeWorker: @escaping @Sendable () -> (Batch) -> Output,
    deliver: @escaping (Output) -> Void
  ) {
    self.workers = workers
    self.cancellation = cancellation
    self.makeWorker = makeWorker
    self.deliver = deliver
  }

  func run(_ read: (_ submit: (Batch) throws -> Void) throws -> Void) throws {
    let finished = DispatchGroup()
    for _ in 0..<workers {
      finished.enter()
      let thread = Thread { [self] in
        work()
        finished.leave()
      }
      // Deep policies recurse on the evaluator's stack (checked to 512 levels).
      thread.stackSize = 8 << 20
      thread.start()
    }
    var failure: (any Error)?
    do {
      try read(submit)
    } catch {
      failure = error
    }
    condition.lock()
    finishedReading = true
    condition.broadcast()
    condition.unlock()
    finished.wait()
    condition.lock()
    deliver = nil
    let stopped = cancelled
    condition.unlock()
    if stopped { throw CancellationError() }
    if let failure { throw failure }
  }

  /// Queues one batch, first waiting until fewer than the bound are in flight.
  func submit(_ batch: Batch) throws {
    condition.lock()
    defer { condition.unlock() }
    while nextToRead - nextToDeliver >= workers * OrderedHandOff.maximumBatchesInFlight
      && !stopIfCancelled()
    {
      condition.wait()
    }
    if stopIfCancelled() { throw CancellationError() }
    queue.append((nextToRead, batch))
    nextToRead += 1
    condition.signal()
  }

  /// Whether `cancellation` is raised; if so, drops the batches not yet started (under the
  /// lock).
  func stopIfCancelled() -> Bool {
    guard cancellation?.isCancelled == true else { return false }
    cancelled = true
    queue.removeAll()
    return true
  }

  /// A worker: takes batches until reading is over, and hands out the outputs whose turn
  /// has come.
  func work() {
    let process = makeWorker()
    condition.lock()
    while true {
      while queue.isEmpty && !finishedReading { condition.wait() }
      if stopIfCancelled() {
        condition.broadcast()  // the reader may be waiting for room that will not come
        break
      }
      if queue.isEmpty { break }
      let (sequence, batch) = queue.removeFirst()
      condition.unlock()
      let output = process(batch)
      condition.lock()
      done[sequence] = output
      deliverInTurn()
      // Room for the reader, or a cancellation for it to notice.
      condition.broadcast()
    }
    condition.unlock()
  }

  /// Hands out outputs in reading order for as long as the next one is done; called and
  /// returning with the lock held, released around each `deliver`.
  func deliverInTurn() {
    while let next = done.removeValue(forKey: nextToDeliver) {
      condition.unlock()
      deliver?(next)
      condition.lock()
      nextToDeliver += 1
    }
  }
}

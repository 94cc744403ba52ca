import Credence
import Foundation
import Synchronization
import Testing

/// The hand-off `eval --all`, `path --all` and `diff` share: outputs in reading order
/// whatever order the workers finish in, one delivery at a time, never more batches read
/// than the bound allows, and reading stopped by an error or a cancellation.
@Suite struct OrderedHandOffTests {
  /// A worker that sleeps a pseudo-random 0–400 µs per batch (seeded by the batch), so
  /// workers finish out of order.
  static func slow(_ batch: Int) -> Int {
    var mixed = UInt64(batch) &* 0x9E37_79B9_7F4A_7C15
    mixed ^= mixed >> 29
    usleep(UInt32(mixed % 400))
    return batch * 10
  }

  @Test(arguments: [1, 2, 4, 8])
  func outputsComeInReadingOrder(workers: Int) throws {
    var delivered: [Int] = []
    try OrderedHandOff.run(
      workers: workers, read: { submit in try (0..<300).forEach(submit) },
      makeWorker: { { Self.slow($0) } }, deliver: { delivered.append($0) })
    #expect(delivered == (0..<300).map { $0 * 10 })
  }

  @Test func oneDeliveryAtATime() throws {
    let delivering = Atomic<Int>(0)
    let mostAtOnce = Atomic<Int>(0)
    var count = 0
    try OrderedHandOff.run(
      workers: 4, read: { submit in try (0..<200).forEach(submit) },
      makeWorker: { { Self.slow($0) } },
      deliver: { _ in
        let now = delivering.add(1, ordering: .sequentiallyConsistent).newValue
        mostAtOnce.max(now, ordering: .sequentiallyConsistent)
        usleep(50)
        count += 1
        delivering.subtract(1, ordering: .sequentiallyConsistent)
      })
    #expect(count == 200)
    #expect(mostAtOnce.load(ordering: .sequentiallyConsistent) == 1)
  }

  @Test(arguments: [1, 3])
  func batchesInFlightStayWithinTheBound(workers: Int) throws {
    let handedOut = Atomic<Int>(0)
    var mostInFlight = 0
    try OrderedHandOff.run(
      workers: workers,
      read: { submit in
        // The reader is instant and the workers are not: unbounded, it would be 500 ahead.
        for batch in 0..<500 {
          try submit(batch)
          mostInFlight = max(
            mostInFlight, batch + 1 - handedOut.load(ordering: .sequentiallyConsistent))
        }
      },
      makeWorker: { { Self.slow($0) } },
      deliver: { _ in handedOut.add(1, ordering: .sequentiallyConsistent) })
    #expect(handedOut.load(ordering: .sequentiallyConsistent) == 500)
    // The reader fills the bound (and no more) while the workers sleep.
    #expect(mostInFlight == workers * OrderedHandOff.maximumBatchesInFlight)
  }

  @Test(arguments: [1, 3])
  func theEndOfReadingEndsTheRun(workers: Int) throws {
    let made = Atomic<Int>(0)
    var delivered: [Int] = []
    try OrderedHandOff.run(
      workers: workers, read: { _ in },
      makeWorker: {
        made.add(1, ordering: .relaxed)
        return { $0 }
      }, deliver: { delivered.append($0) })
    #expect(delivered.isEmpty)
    #expect(made.load(ordering: .relaxed) == workers)
  }

  @Test func eachWorkerMakesItsStateOnce() throws {
    let made = Atomic<Int>(0)
    var total = 0
    try OrderedHandOff.run(
      workers: 3, read: { submit in try (0..<50).forEach(submit) },
      makeWorker: {
        made.add(1, ordering: .relaxed)
        return { $0 }
      }, deliver: { total += $0 })
    #expect(made.load(ordering: .relaxed) == 3)
    #expect(total == (0..<50).reduce(0, +))
  }

  struct ReadFailed: Error, Equatable { let at: Int }

  @Test func aReadErrorIsThrownOnceAfterTheBatchesReadBeforeIt() {
    var delivered: [Int] = []
    var thrown: [ReadFailed] = []
    do {
      try OrderedHandOff.run(
        workers: 2,
        read: { submit in
          try (0..<20).forEach(submit)
          throw ReadFailed(at: 20)
        },
        makeWorker: { { Self.slow($0) } }, deliver: { delivered.append($0) })
    } catch let error as ReadFailed {
      thrown.append(error)
    } catch {
      Issue.record("unexpected \(error)")
    }
    #expect(thrown == [ReadFailed(at: 20)])
    #expect(delivered == (0..<20).map { $0 * 10 })
  }

  @Test(arguments: [1, 3])
  func aCancellationStopsReadingAndDeliversAPrefix(workers: Int) {
    let cancellation = EvaluationCancellation()
    var delivered: [Int] = []
    var submitted = 0
    var readEndedBy: (any Error)?
    #expect(throws: CancellationError.self) {
      try OrderedHandOff.run(
        workers: workers, cancellation: cancellation,
        read: { submit in
          do {
            for batch in 0..<100_000 {
              try submit(batch)
              submitted += 1
            }
          } catch {
            readEndedBy = error
            throw error
          }
        },
        makeWorker: { { Self.slow($0) } },
        deliver: { output in
          delivered.append(output)
          if delivered.count == 10 { cancellation.cancel() }
        })
    }
    #expect(readEndedBy is CancellationError)
    let bound = workers * OrderedHandOff.maximumBatchesInFlight
    // Reading stopped within the bound of the cancellation, and what was delivered is
    // the start of the output, in order, with nothing after a dropped batch.
    #expect(submitted <= 10 + bound)
    #expect(delivered.count >= 10 && delivered.count <= submitted)
    #expect(delivered == (0..<delivered.count).map { $0 * 10 })
  }

  @Test func aCancellationBeforeTheRunReadsNothing() {
    let cancellation = EvaluationCancellation()
    cancellation.cancel()
    var delivered: [Int] = []
    #expect(throws: CancellationError.self) {
      try OrderedHandOff.run(
        workers: 2, cancellation: cancellation,
        read: { submit in try (0..<50).forEach(submit) },
        makeWorker: { { $0 } }, deliver: { delivered.append($0) })
    }
    #expect(delivered.isEmpty)
  }
}

import Synchronization

/// A flag that stops an evaluation early: the REPL's Ctrl-C sets it (from a signal handler,
/// so it is a lock-free atomic) and the machine looks at it every
/// ``EvaluationCancellation/stepsBetweenChecks`` steps.
///
/// Only evaluations given one in ``EvaluationOptions/cancellation`` look; batch evaluation
/// has none and pays nothing for it. A cancelled evaluation fails with
/// ``EvaluationCancellation/message`` like any other evaluation failure.
public final class EvaluationCancellation: Sendable, Hashable {
  /// Steps between two looks at the flag (4,096): at ten million steps a second, a
  /// cancelled evaluation stops within a millisecond, and the look costs nothing measurable.
  public static let stepsBetweenChecks = 4096

  /// Why a cancelled evaluation failed.
  public static let message = "the evaluation was interrupted"

  private let flag = Atomic<Bool>(false)

  public init() {}

  /// Asks evaluations using this flag to stop (async-signal-safe: one atomic store).
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Clears the flag for the next evaluation.
  public func reset() { flag.store(false, ordering: .relaxed) }

  public var isCancelled: Bool { flag.load(ordering: .relaxed) }

  public static func == (left: EvaluationCancellation, right: EvaluationCancellation) -> Bool {
    left === right
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

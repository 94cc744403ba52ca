import Credence
import Foundation
import Synchronization

extension Session {
  /// How often a wait for checking looks at the Ctrl-C flag: well inside the 100 ms within
  /// which Ctrl-C must act, and rare enough to cost nothing measurable.
  static let interruptionPollInterval: DispatchTimeInterval = .milliseconds(5)

  /// What `work` gives, run on a thread of its own while this one waits looking at the
  /// Ctrl-C flag; nil when Ctrl-C came first (or had come before the work began).
  ///
  /// Checking and compiling have no interruption points of their own (a single large
  /// definition is one step of the checker), so the REPL does not wait for them: on Ctrl-C
  /// the work is left to finish on its thread and its result is dropped, leaving the session
  /// as it was before the input (docs/decisions.md).
  func unlessInterrupted<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result? {
    guard !cancellation.isCancelled else { return nil }
    let outcome = Outcome<Result>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let result = work()
      outcome.value.withLock { $0 = result }
      done.signal()
    }
    // The stack of the thread the REPL reads lines on, which checking used before.
    thread.stackSize = 8 << 20
    thread.start()
    while done.wait(timeout: .now() + Self.interruptionPollInterval) == .timedOut {
      if cancellation.isCancelled { return nil }
    }
    return outcome.value.withLock { $0 }
  }
}

/// Where the thread doing the work leaves its result (a class: a closure cannot capture a
/// `Mutex` itself).
private final class Outcome<Result: Sendable>: Sendable {
  let value = Mutex<Result?>(nil)
}

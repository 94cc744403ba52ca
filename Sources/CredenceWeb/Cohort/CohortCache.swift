import Credence
import CredenceStore
import Dispatch
import Synchronization

/// Dashboards computed once per policy version, decision and date, in the background, one
/// at a time, and kept (up to ``WebLimits/cachedDashboards``) for every page that asks
/// again. A page asking for one still being computed sees its progress.
final class CohortCache: Sendable {
  struct Key: Hashable, Sendable {
    var version: String
    var decision: String
    var asOf: CivilDate
  }

  enum State: Sendable {
    case queued(ahead: Int)
    case running(done: Int, total: Int)
    case ready(CohortSummary)
    case failed(String)
  }

  private struct Entry {
    var state: State
    var started: UInt64
  }

  private let entries = Mutex<(table: [Key: Entry], counter: UInt64)>(([:], 0))
  /// One computation at a time: the dashboard takes one core, and the other stays with
  /// the requests (docs/decisions.md).
  private let worker = DispatchQueue(label: "credence.web.cohort")

  /// The dashboard's state; the first request for a key starts its computation.
  func state(
    for key: Key, total: Int,
    compute: @escaping @Sendable (_ progress: @escaping (Int) -> Void) throws -> CohortSummary
  ) -> State {
    let (state, isNew): (State, Bool) = entries.withLock { entries in
      if let entry = entries.table[key] {
        if case .queued = entry.state {
          let ahead = entries.table.values.filter {
            if case .queued = $0.state { return $0.started < entry.started }
            if case .running = $0.state { return true }
            return false
          }.count
          return (.queued(ahead: ahead), false)
        }
        return (entry.state, false)
      }
      entries.counter += 1
      entries.table[key] = Entry(state: .queued(ahead: 0), started: entries.counter)
      Self.evict(&entries.table)
      return (.queued(ahead: 0), true)
    }
    guard isNew else { return state }
    worker.async { [self] in
      set(key, .running(done: 0, total: total))
      do {
        let summary = try compute { done in self.set(key, .running(done: done, total: total)) }
        set(key, .ready(summary))
      } catch {
        set(key, .failed("the learner-record store could not be read"))
      }
    }
    return state
  }

  private func set(_ key: Key, _ state: State) {
    entries.withLock { $0.table[key]?.state = state }
  }

  /// Drops the oldest finished dashboards beyond the limit (never one still computing).
  private static func evict(_ table: inout [Key: Entry]) {
    let finished = table.filter {
      switch $0.value.state {
      case .ready, .failed: true
      case .queued, .running: false
      }
    }.sorted { $0.value.started < $1.value.started }
    var excess = table.count - WebLimits.cachedDashboards
    for (key, _) in finished where excess > 0 {
      table[key] = nil
      excess -= 1
    }
  }
}

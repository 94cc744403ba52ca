import Synchronization

/// The policy set in force and how it is replaced: the new files are loaded and checked
/// first; a set with errors is refused and the last good set keeps serving.
public final class PolicyLibrary: Sendable {
  /// The files or folders the policies are read from.
  public let paths: [String]
  private let inForce: Mutex<PolicySet>
  private let gate = ReloadGate()

  public init(paths: [String], initial: PolicySet) {
    self.paths = paths
    inForce = Mutex(initial)
  }

  /// Loads the set for the first time; a set with errors is refused.
  public convenience init(paths: [String]) throws(PolicySet.Refusal) {
    self.init(paths: paths, initial: try PolicySet.load(paths: paths))
  }

  /// The set answering requests now.
  public var current: PolicySet { inForce.withLock { $0 } }

  /// What a reload did.
  public enum Outcome: Sendable {
    /// A new version is in force.
    case loaded(PolicySet, previous: PolicyVersion)
    /// The files are as they were: nothing changed.
    case unchanged(PolicySet)
    /// The new files were refused; `serving` goes on answering.
    case refused(PolicySet.Refusal, serving: PolicySet)
  }

  /// Reads and checks the files again and puts the new set in force if it is good.
  /// Reloads run one at a time; requests go on being answered by the set in force.
  public func reload() async -> Outcome {
    await gate.run {
      let serving = current
      let next: PolicySet
      do throws(PolicySet.Refusal) {
        next = try PolicySet.load(paths: paths)
      } catch {
        return .refused(error, serving: serving)
      }
      if next.version == serving.version { return .unchanged(serving) }
      inForce.withLock { $0 = next }
      return .loaded(next, previous: serving.version)
    }
  }
}

/// Runs reloads one after another.
private actor ReloadGate {
  func run<T: Sendable>(_ body: @Sendable () -> T) -> T { body() }
}

import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads: on `SIGHUP`, on `POST /v1/admin/reload`, and (with `--watch`) when the policy
/// files change. Each reads the keys file again too.
public enum Reloading {
  /// Reloads the policies and the keys, logs and counts the outcome.
  static func reload(_ state: ServiceState, trigger: String) async -> PolicyLibrary.Outcome {
    reloadKeys(state)
    let outcome = await state.policies.reload()
    switch outcome {
    case .loaded(let set, let previous):
      state.metrics.reload(outcome: "loaded")
      state.metrics.policyInForce(set.version)
      state.logger.notice(
        "policies reloaded",
        metadata: [
          "trigger": "\(trigger)", "policy_version": "\(set.version)",
          "previous_version": "\(previous)", "files": "\(set.fileCount)",
        ])
    case .unchanged(let set):
      state.metrics.reload(outcome: "unchanged")
      state.logger.info(
        "policies unchanged",
        metadata: ["trigger": "\(trigger)", "policy_version": "\(set.version)"])
    case .refused(let refusal, let serving):
      state.metrics.reload(outcome: "refused")
      var metadata: Logger.Metadata = [
        "trigger": "\(trigger)", "policy_version": "\(serving.version)",
      ]
      switch refusal {
      case .unreadable(let message): metadata["reason"] = "\(message)"
      case .errors(let count, let diagnostics, let version):
        metadata["errors"] = "\(count)"
        metadata["refused_version"] = "\(version)"
        metadata["diagnostics"] = "\(diagnostics.trimmingCharacters(in: .newlines))"
      }
      state.logger.error("policies refused; the version in force keeps serving", metadata: metadata)
    }
    return outcome
  }

  /// Reads the keys file again; a file with a problem is refused and the old keys stay.
  static func reloadKeys(_ state: ServiceState) {
    guard let path = state.keysPath else { return }
    do {
      state.keys.replace(with: try KeyFile.read(path))
    } catch {
      state.logger.error(
        "keys file refused; the keys in force stay", metadata: ["reason": "\(error)"])
    }
  }

  /// Reloads at each `SIGHUP` until the server shuts down.
  struct OnSignal: Service {
    let state: ServiceState

    func run() async throws {
      let signals = await UnixSignalsSequence(trapping: .sighup)
      await cancelWhenGracefulShutdown {
        for await _ in signals {
          _ = await Reloading.reload(state, trigger: "SIGHUP")
        }
      }
    }
  }

  /// Reloads when the policy files' version changes, looking every `interval`
  /// (`--watch`). Reading the example library's 150 kB takes about a millisecond.
  struct OnChange: Service {
    let state: ServiceState
    let interval: Duration

    func run() async throws {
      try? await cancelWhenGracefulShutdown {
        while !Task.isCancelled {
          try await Task.sleep(for: interval)
          guard let version = try? PolicySet.version(of: state.policies.paths),
            version != state.policies.current.version
          else { continue }
          _ = await Reloading.reload(state, trigger: "file change")
        }
      }
    }
  }
}

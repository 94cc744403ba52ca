import Foundation
import Hummingbird

extension Routes {
  /// `GET /v1/policies` (scope `decide`): the policy set in force, as OPA's
  /// `/v1/policies` shows what is loaded: its version, when it was put in force, its files
  /// (names relative to the folder they share) and how many decisions and warnings it has.
  static func addPolicies(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.get("/policies") { _, _ in
      let set = state.policies.current
      return Reply.json(
        JSONText.object([
          ("policy_version", JSONText.string(set.version.description)),
          ("loaded_at", JSONText.string(set.loadedAt.formatted(.iso8601))),
          ("files", JSONText.array(set.files.map(JSONText.string))),
          ("decisions", "\(set.decisions.count)"),
          ("warnings", "\(set.warningCount)"),
        ]) + "\n")
    }
  }
}

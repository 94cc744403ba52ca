import Credence
import Hummingbird

extension Routes {
  /// `GET /v1/decisions` (scope `decide`): every decision of the policies in force, with
  /// its title, kind and the author's documentation.
  static func addDecisions(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.get("/decisions") { _, _ in
      let set = state.policies.current
      let decisions = set.decisions.map { decision in
        JSONText.object([
          ("name", JSONText.string(decision.name)),
          ("title", JSONText.string(decision.title)),
          ("kind", JSONText.string(decision.kind.rawValue)),
          ("per_enrolment", decision.perEnrolment ? "true" : "false"),
          ("documentation", JSONText.string(decision.documentation)),
          ("policy", JSONText.string(decision.policy)),
        ])
      }
      return Reply.json(
        JSONText.object([
          ("policy_version", JSONText.string(set.version.description)),
          ("decisions", JSONText.array(decisions)),
        ]) + "\n")
    }
  }
}

import Hummingbird

extension Routes {
  /// `POST /v1/admin/reload` (scope `admin`): reads the policy files and the keys file
  /// again. A policy set with errors is refused with its diagnostics (422) and the set in
  /// force keeps answering.
  static func addAdmin(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.post("/admin/reload") { _, _ in
      let outcome = await Reloading.reload(state, trigger: "admin request")
      switch outcome {
      case .loaded(let set, let previous):
        return Reply.json(
          JSONText.object([
            ("outcome", "\"loaded\""),
            ("policy_version", JSONText.string(set.version.description)),
            ("previous_version", JSONText.string(previous.description)),
          ]) + "\n")
      case .unchanged(let set):
        return Reply.json(
          JSONText.object([
            ("outcome", "\"unchanged\""),
            ("policy_version", JSONText.string(set.version.description)),
          ]) + "\n")
      case .refused(let refusal, let serving):
        var error: APIError
        switch refusal {
        case .unreadable(let message):
          error = APIError(
            .unprocessableContent, "policies_unreadable",
            "the policy files could not be read (\(message)); version "
              + "\(serving.version) keeps serving")
        case .errors(let count, let diagnostics, _):
          error = APIError(
            .unprocessableContent, "policy_errors",
            "the policies have \(count) error\(count == 1 ? "" : "s"); version "
              + "\(serving.version) keeps serving")
          error.details = trimmed(diagnostics)
        }
        throw error
      }
    }
  }
}

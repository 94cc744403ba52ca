import Credence
import Hummingbird

extension Routes {
  /// `POST /v1/decide/batch` (scope `decide`): several learners of the store, by id, on
  /// one date, in one request, as `credence eval --learner A --learner B --format json`
  /// prints them. Ids the store does not have are listed in `missing` (the caller sent
  /// them), not answered 404: the others are decided all the same.
  static func addBatch(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.post("/decide/batch") { request, context in
      let body = try await RequestBody.decode(BatchDecideRequest.self, from: request)
      let ids = try body.learnerIDs()
      let selection = body.selection
      let set = state.policies.current
      let asOf = try selection.date(today: state.today)
      let (answer, missing) = try await state.evaluator.decide(
        stored: ids, asOf: asOf, decisions: try selection.decisionNames(),
        explain: selection.explain ?? false, with: set)
      state.metrics.decisions(answer.statuses)
      DecisionLog.record(
        answer, learners: ids.map(\.text), version: set.version, context)
      return Reply.decisions(
        [
          ("policy_version", JSONText.string(set.version.description)),
          ("as_of", JSONText.string(asOf.description)),
          ("results", trimmed(answer.json)),
          ("missing", JSONText.array(missing.map { JSONText.string($0.description) })),
        ], reachedStepLimit: answer.reachedStepLimit)
    }
  }
}

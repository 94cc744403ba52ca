import Credence
import Hummingbird

extension Routes {
  /// `POST /v1/decide` and `POST /v1/what-if` (scope `decide`). The learner is named in
  /// the body, never in the URL, so that ids stay out of every access log on the way.
  static func addDecide(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.post("/decide") { request, context in
      let body = try await RequestBody.decode(DecideRequest.self, from: request)
      let set = state.policies.current
      let question = try Evaluator.Question(
        subject: subject(of: body, state), asOf: body.date(today: state.today),
        decisions: body.decisionNames(), explain: body.explain ?? false)
      let answer = try await state.evaluator.decide(question, with: set)
      state.metrics.decisions(answer.statuses)
      DecisionLog.record(
        answer, learners: [question.subject.idText], version: set.version, context)
      return Reply.decisions(
        [
          ("policy_version", JSONText.string(set.version.description)),
          ("as_of", JSONText.string(question.asOf.description)),
          ("results", trimmed(answer.json)),
        ], reachedStepLimit: answer.reachedStepLimit)
    }
    group.post("/what-if") { request, context in
      let body = try await RequestBody.decode(DecideRequest.self, from: request)
      let set = state.policies.current
      if body.decisions != nil {
        throw APIError.badRequest(
          "a what-if question reports every decision that changes; "
            + "leave out `decisions`")
      }
      let question = try Evaluator.Question(
        subject: subject(of: body, state), asOf: body.date(today: state.today), decisions: [],
        explain: body.explain ?? false)
      let answer = try await state.evaluator.whatIf(
        question, adding: body.hypotheticalAwards(), with: set)
      DecisionLog.record(
        answer.json, reachedStepLimit: answer.reachedStepLimit,
        learners: [question.subject.idText], version: set.version, context)
      return Reply.decisions(
        [
          ("policy_version", JSONText.string(set.version.description)),
          ("what_if", trimmed(answer.json)),
        ], reachedStepLimit: answer.reachedStepLimit)
    }
  }

  /// `POST /v1/paths` (scope `decide`): a learner's best paths to a stack or to an
  /// equivalence's credit goal, as `credence path --format json` prints them.
  static func addPaths(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.post("/paths") { request, context in
      let body = try await RequestBody.decode(PathsRequest.self, from: request)
      let set = state.policies.current
      let named = body.subject
      let question = try Evaluator.Question(
        subject: subject(of: named, state), asOf: named.date(today: state.today),
        decisions: [], explain: false)
      let answer = try state.evaluator.paths(question, body.question(), with: set)
      return Reply.json(
        JSONText.object([
          ("policy_version", JSONText.string(set.version.description)),
          ("paths", trimmed(answer)),
        ]) + "\n")
    }
  }

  /// The learner a request names: exactly one of `learner` and `record`.
  static func subject(of body: DecideRequest, _ state: ServiceState) throws -> Evaluator.Subject {
    switch (body.learner, body.record) {
    case (let id?, nil):
      guard !id.isEmpty else { throw APIError.badRequest("`learner` is empty") }
      return .stored(LearnerID(id))
    case (nil, let record?):
      return .inline(.valid(try record.learner { try state.store.credential(code: $0) }))
    case (_?, _?):
      throw APIError.badRequest("give either `learner` or `record`, not both")
    case (nil, nil):
      throw APIError.badRequest(
        "name the learner: `learner` (an id in the store) or `record` (the learner's records)")
    }
  }

  /// JSON text without its final line break, to nest it.
  static func trimmed(_ json: String) -> String {
    var json = json
    while json.last == "\n" { json.removeLast() }
    return json
  }
}

import Credence
import CredenceServer
import Hummingbird

extension WebPages {
  /// `POST /learner/what-if` (id, as_of, csrf, and rows of awards `code-N`, `date-N`,
  /// `grade-N`): the learner's page with the decisions that would change if every award
  /// were added together, or with what is wrong with each row. Nothing is stored.
  func whatIf(_ request: Request, _ state: ServiceState) async -> Response {
    guard let form = await Form.read(request) else {
      return problem(
        "The form is too large", "A what-if form is a few fields; this one was too large.",
        status: .contentTooLarge, request, state, section: .learner,
        back: ("/learner", "Search again"))
    }
    guard session.acceptsForm(form, from: request) else {
      return problem(
        "The form has expired",
        "This form was not sent from a page of this service, or you signed in again since. "
          + "Open the learner's page again and resend it.",
        status: .forbidden, request, state, section: .learner, back: ("/learner", "Search again"))
    }
    guard let id = form["id"] else { return Page.redirect(to: "/learner") }
    guard let asOf = date(form["as_of"]) else {
      return badDate(form["as_of"] ?? "", request, state)
    }
    let catalogue: [String]
    do {
      catalogue = try state.store.source.catalogue().credentials.map(\.code)
    } catch {
      return storeProblem(request, state)
    }
    let typed = WhatIfRows(
      form, catalogue: catalogue, scales: state.policies.current.policies.gradeScales)
    var answer: [String: Any] = ["rows": typed.formRows()]
    guard let awards = typed.awards else {
      answer["mistakes"] = typed.summary
      answer["hasMistakes"] = true
      return learnerPage(id: id, asOf: asOf, whatIf: answer, request, state)
    }
    guard !awards.isEmpty else {
      answer["award"] = "no award"
      answer["problem"] = "Give the code of at least one credential to add."
      return learnerPage(id: id, asOf: asOf, whatIf: answer, request, state)
    }
    answer["severalAwards"] = awards.count > 1
    answer["award"] = Self.inWords(
      awards.map { award in
        "\(award.code) awarded on \((award.date ?? asOf).description)"
          + (award.grade.map { " with grade \($0)" } ?? "")
      })
    do {
      let evaluator = try Evaluator(state.policies.current.policies, asOf: asOf)
      let found = try evaluator.whatIf(
        learner: id, adding: awards, from: state.store.source)
      let changed = found.changes.filter(\.changed)
      answer["changes"] = changed.map { change -> [String: Any] in
        var row: [String: Any] = [
          "title": (change.after ?? change.before)?.title ?? change.decision,
          "decision": change.decision,
          "before": ResultView.brief(change.before), "after": ResultView.brief(change.after),
        ]
        if let enrolment = change.enrolment { row["enrolment"] = enrolment }
        return row
      }
      answer["hasChanges"] = !changed.isEmpty
      answer["noChange"] = changed.isEmpty
      answer["unchanged"] = found.changes.count - changed.count
      answer["unknownCodes"] = found.unknownCodes
    } catch let failure as Evaluator.WhatIfFailure {
      switch failure {
      case .noLearner:
        return problem(
          "No such learner", "There is no learner with the id `\(id)` in the store.",
          status: .notFound, request, state, section: .learner,
          back: ("/learner", "Search again"), suggestions: suggestions(near: id, asOf: asOf, state))
      case .invalidRecords:
        answer["problem"] =
          "The learner's records break the store's contract (the decisions below name the "
          + "rows), so no award can be added to them."
      case .records(let error):
        answer["problem"] = "The award cannot be added: \(error.description)"
      }
    } catch {
      return storeProblem(request, state)
    }
    return learnerPage(id: id, asOf: asOf, whatIf: answer, request, state)
  }

  /// `a`, `a and b`, `a, b and c`.
  static func inWords(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
  }
}

import Credence
import CredenceServer
import Hummingbird

extension WebPages {
  /// `POST /learner/what-if` (id, as_of, code, date, grade, csrf): the learner's page with
  /// the decisions that would change above it. Nothing is stored.
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
    var answer: [String: Any] = [
      "whatIfCode": form["code"] ?? "", "whatIfDate": form["date"] ?? "",
      "whatIfGrade": form["grade"] ?? "",
    ]
    guard let code = form["code"] else {
      answer["award"] = "no award"
      answer["problem"] = "Give the code of the credential to add."
      return learnerPage(id: id, asOf: asOf, whatIf: answer, request, state)
    }
    var awardDate: CivilDate?
    if let text = form["date"] {
      guard let parsed = CivilDate(parsing: text) else {
        answer["award"] = "`\(code)`"
        answer["problem"] = "`\(text)` is not a date: write it as YYYY-MM-DD."
        return learnerPage(id: id, asOf: asOf, whatIf: answer, request, state)
      }
      awardDate = parsed
    }
    let award = HypotheticalAward(code: code, date: awardDate, grade: form["grade"])
    answer["award"] =
      "\(code) awarded on \((awardDate ?? asOf).description)"
      + (award.grade.map { " with grade \($0)" } ?? "")
    do {
      let evaluator = try Evaluator(state.policies.current.policies, asOf: asOf)
      let found = try evaluator.whatIf(
        learner: id, adding: [award], from: state.store.source)
      let changed = found.changes.filter(\.changed)
      answer["changes"] = changed.map { change -> [String: Any] in
        var row: [String: Any] = [
          "title": (change.after ?? change.before)?.title ?? change.decision,
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
}

import Credence
import CredenceServer
import CredenceStore
import Hummingbird

extension WebPages {
  /// `GET /learner?id=ID&as_of=DATE`: the search form, or the learner's page.
  func learner(_ request: Request, _ state: ServiceState) -> Response {
    let query = Form(query: request)
    guard let asOf = date(query["as_of"]) else {
      return badDate(query["as_of"] ?? "", request, state)
    }
    guard let id = query["id"] else {
      let context: [String: Any] = ["asOf": asOf.description]
      return Page.html(
        views.page(
          "searchPage", context,
          frame: frame("Find a learner", request, state, asOf: asOf, section: .learner)))
    }
    return learnerPage(id: id, asOf: asOf, plan: query["plan"], whatIf: nil, request, state)
  }

  /// The learner's page, with a what-if answer above the decisions when there is one.
  func learnerPage(
    id: String, asOf: CivilDate, plan: String? = nil, whatIf: [String: Any]?, _ request: Request,
    _ state: ServiceState
  ) -> Response {
    let set = state.policies.current
    let source = state.store.source
    let record: LearnerRecord?
    do {
      record = try source.learner(id: LearnerID(id))
    } catch {
      return storeProblem(request, state)
    }
    guard let record else {
      return problem(
        "No such learner", "There is no learner with the id `\(id)` in the store.",
        status: .notFound, request, state, section: .learner,
        back: ("/learner", "Search again"), suggestions: suggestions(near: id, asOf: asOf, state))
    }
    let results: LearnerResults
    do {
      results = try Evaluator(set.policies, asOf: asOf, explain: true).evaluate(record)
    } catch {
      // Every decision is asked for: an unknown name cannot happen.
      return storeProblem(request, state)
    }
    var context: [String: Any] = [
      "id": id, "asOf": asOf.description,
      "policyVersionShort": String(set.version.description.prefix(19)),
      "csrf": session.csrfToken(for: PageSession.token(in: request)),
      "results": results.results.enumerated().map { ResultView.result($1, index: $0) },
      "catalogue": catalogueOptions(source),
    ]
    if case .valid(let learner) = record {
      let found = plans(
        for: learner, results: results, asOf: asOf, asked: plan, set.policies, source)
      context["plans"] = found.planned
      context["otherStacks"] = found.others
      context["hasOtherStacks"] = !found.others.isEmpty
      context["anyOpen"] = !found.planned.isEmpty || !found.others.isEmpty
    }
    context["whatIfRows"] = whatIf?["rows"] ?? WhatIfRows.emptyFormRows()
    context["whatIfMost"] = WebLimits.whatIfAwards
    if let whatIf { context["whatIf"] = whatIf }
    return Page.html(
      views.page(
        "learner", context,
        frame: frame("Learner \(id)", request, state, asOf: asOf, section: .learner)))
  }

  /// `GET /learner/suggest?prefix=P`: up to ``WebLimits/suggestions`` ids starting with
  /// `P`, as a JSON array (the search box's list while typing).
  func suggest(_ request: Request, _ state: ServiceState) -> Response {
    guard let prefix = Form(query: request)["prefix"],
      let found = try? state.store.source.learnerIDs(prefix: prefix, limit: WebLimits.suggestions)
    else { return Page.json("[]") }
    return Page.json(Self.suggestionsJSON(found.ids))
  }

  /// Ids as a JSON array; `<` escaped, so the text can never close a `<script>` element
  /// (it is only served as JSON today, but costs nothing to keep safe in a page).
  static func suggestionsJSON(_ ids: [String]) -> String {
    "[" + ids.map { JSONString.literal($0, escapingLessThan: true) }.joined(separator: ",") + "]"
  }

  /// Ids close to one that is not in the store: those sharing its longest prefix.
  func suggestions(near id: String, asOf: CivilDate, _ state: ServiceState) -> [[String: Any]] {
    var prefix = Substring(id)
    while !prefix.isEmpty {
      if let found = try? state.store.source.learnerIDs(
        prefix: String(prefix), limit: WebLimits.suggestions), !found.ids.isEmpty
      {
        return found.ids.map {
          ["id": $0, "link": Form.encode($0), "asOf": asOf.description]
        }
      }
      prefix = prefix.dropLast()
    }
    return []
  }

  /// The catalogue's codes for the what-if box's list.
  func catalogueOptions(_ source: any StoreRecordSource) -> [[String: Any]] {
    guard let catalogue = try? source.catalogue() else { return [] }
    return catalogue.credentials.prefix(WebLimits.catalogueOptions).map {
      ["code": $0.code, "title": $0.title ?? ""]
    }
  }

  func badDate(_ text: String, _ request: Request, _ state: ServiceState) -> Response {
    problem(
      "Not a date", "`\(text)` is not a date: write it as YYYY-MM-DD, for example 2026-06-30.",
      status: .badRequest, request, state, section: .learner, back: ("/learner", "Search again"))
  }

  func storeProblem(_ request: Request, _ state: ServiceState) -> Response {
    problem(
      "The records could not be read",
      "The learner-record store did not answer. Try again; if it goes on, tell the service's "
        + "administrator (the server's log says why).",
      status: .serviceUnavailable, request, state, section: .learner,
      back: ("/learner", "Search again"))
  }
}

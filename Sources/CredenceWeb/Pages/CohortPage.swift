import Credence
import CredenceServer
import Hummingbird

extension WebPages {
  /// `GET /cohort?decision=NAME&as_of=DATE`: the choice of decision, the progress of its
  /// dashboard, or the dashboard.
  func cohort(_ request: Request, _ state: ServiceState) -> Response {
    let query = Form(query: request)
    let set = state.policies.current
    guard let asOf = date(query["as_of"]) else {
      return problem(
        "Not a date", "`\(query["as_of"] ?? "")` is not a date: write it as YYYY-MM-DD.",
        status: .badRequest, request, state, section: .cohort, back: ("/cohort", "Start again"))
    }
    let chosen = query["decision"]
    var context: [String: Any] = [
      "asOf": asOf.description,
      "decisions": set.decisions.map { decision -> [String: Any] in
        [
          "name": decision.name, "title": decision.title, "kind": decision.kind.rawValue,
          "selected": decision.name == chosen,
        ]
      },
    ]
    guard let chosen else {
      return Page.html(
        views.page(
          "cohortChoose", context,
          frame: frame("Cohort", request, state, asOf: asOf, section: .cohort)))
    }
    guard let summary = set.decisions.first(where: { $0.name == chosen }) else {
      return problem(
        "No such decision",
        "The policies in force have no decision named `\(chosen)`; pick one from the list.",
        status: .notFound, request, state, section: .cohort, back: ("/cohort", "Start again"))
    }
    context["title"] = summary.title
    let key = CohortCache.Key(version: set.version.description, decision: chosen, asOf: asOf)
    let total = (try? state.store.learnerCount()) ?? 0
    let policies = set.policies
    let source = state.store.source
    let dashboard = cohorts.state(for: key, total: total) { progress in
      try CohortSummary.compute(
        decision: chosen, asOf: asOf, policies: policies, source: source, progress: progress)
    }
    var pageFrame = frame("Cohort: \(summary.title)", request, state, asOf: asOf, section: .cohort)
    switch dashboard {
    case .ready(let summary):
      context.merge(Self.dashboard(summary)) { $1 }
      return Page.html(views.page("cohort", context, frame: pageFrame))
    case .failed(let message):
      return problem(
        "The dashboard could not be computed", message + "; try again later.",
        status: .serviceUnavailable, request, state, section: .cohort,
        back: ("/cohort", "Start again"))
    case .queued(let ahead):
      context["queued"] = ["ahead": ahead, "plural": ahead != 1] as [String: Any]
    case .running(let done, let total):
      context["running"] = ["done": done, "total": total]
    }
    context["refresh"] = WebLimits.refreshSeconds
    pageFrame.refreshSeconds = WebLimits.refreshSeconds
    return Page.html(views.page("cohortProgress", context, frame: pageFrame))
  }

  /// The charts of a computed dashboard, each with the rows of its table.
  static func dashboard(_ summary: CohortSummary) -> [String: Any] {
    var charts: [[String: Any]] = []
    let unit = summary.unit
    charts.append(
      chart(
        id: "chart-status", heading: "Outcomes",
        explanation: "How many \(unit) have each outcome.", unit: unit,
        columns: ["Outcome", unit.capitalized],
        bars: summary.statuses.map {
          BarChart.Bar(label: $0.label, value: $0.count, style: $0.style)
        },
        empty: "No results."))
    if summary.kind == "stack" {
      charts.append(
        chart(
          id: "chart-missing", heading: "Requirements most often missing",
          explanation: "For the learners who have not achieved it: what the stack still needs, "
            + "most often first.", unit: "learners", columns: ["Requirement", "Learners"],
          bars: summary.missing.map { BarChart.Bar(label: $0.label, value: $0.count) },
          empty: "Nothing is missing: every learner has achieved it or cannot be decided."))
      let completing = summary.completing
      charts.append(
        chart(
          id: "chart-completing",
          heading: "Credentials that would complete it for the most learners",
          explanation:
            "Learners for whom the credential is part of a smallest path of up to "
            + "\(summary.within) credentials (and, in the table, for whom it completes the "
            + "stack on its own).", unit: "learners",
          columns: ["Credential", "In a smallest path", "Completes alone"],
          bars: completing.map {
            BarChart.Bar(
              label: $0.code + ($0.title.isEmpty ? "" : " " + $0.title), value: $0.inSmallest)
          },
          rows: completing.map {
            (
              $0.code + ($0.title.isEmpty ? "" : " " + $0.title),
              [String($0.inSmallest), String($0.alone)]
            )
          },
          empty: "No credential of the catalogue completes it within \(summary.within)."))
    } else {
      let what = summary.kind == "fund" ? "amount" : "credits"
      charts.append(
        chart(
          id: "chart-amounts", heading: summary.amountsHeading,
          explanation: "The results granted, by \(what): one bar per \(what) when there are "
            + "at most \(AmountRanges.maximumRanges), otherwise ranges that hold their lower "
            + "edge and not their upper one, with zero on its own; then the results granted "
            + "nothing, by outcome.",
          unit: unit,
          columns: [summary.kind == "fund" ? "Amount" : "Credits", unit.capitalized],
          bars: summary.amounts.map {
            BarChart.Bar(label: $0.label, value: $0.count, style: $0.style)
          },
          empty: "No results."))
    }
    return [
      "learners": summary.learners, "decision": summary.decision, "kind": summary.kind,
      "charts": charts,
    ]
  }

  private static func chart(
    id: String, heading: String, explanation: String, unit: String, columns: [String],
    bars: [BarChart.Bar], rows: [(String, [String])]? = nil, empty: String
  ) -> [String: Any] {
    var context: [String: Any] = [
      "id": id, "heading": heading, "explanation": explanation, "columns": columns,
    ]
    if bars.isEmpty {
      context["empty"] = empty
      return context
    }
    context["svg"] = BarChart.svg(id: id, title: heading, bars: bars, unit: unit)
    context["rows"] = (rows ?? bars.map { ($0.label, [String($0.value)]) }).map {
      ["label": $0.0, "cells": $0.1] as [String: Any]
    }
    return context
  }
}

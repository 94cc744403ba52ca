import Credence
import CredenceStore

extension WebPages {
  /// The paths to the stacks the learner has not achieved (or whose outcome is unknown),
  /// planned over the store's catalogue with the facade's planner: at once for the stacks
  /// in progress (an award already counts) and the one asked for (`plan`), the others behind
  /// a link, so that a page stays quick for a learner with many stacks open.
  func plans(
    for learner: Learner, results: LearnerResults, asOf: CivilDate, asked: String?,
    _ policies: Policies, _ source: any StoreRecordSource
  ) -> (planned: [[String: Any]], others: [[String: Any]]) {
    let open = results.results.filter {
      $0.kind == .stack && ($0.status == .notAchieved || $0.status == .undetermined)
    }
    guard !open.isEmpty, let catalogue = try? source.catalogue().credentials else {
      return ([], [])
    }
    let inProgress = open.filter { !$0.used.isEmpty }
      .sorted { ($0.credits ?? .zero) > ($1.credits ?? .zero) }
      .prefix(WebLimits.stacksPlannedAtOnce).map(\.decision)
    var planned: [[String: Any]] = []
    var others: [[String: Any]] = []
    for result in open {
      guard inProgress.contains(result.decision) || result.decision == asked,
        case .success(let target) = Pathways.target(
          named: result.decision, credits: nil, in: policies)
      else {
        others.append([
          "title": result.title,
          "link": "/learner?id=\(Form.encode(learner.id.text))&as_of=\(asOf)&plan="
            + Form.encode(result.decision) + "#plan-" + result.decision,
        ])
        continue
      }
      let planner = Pathways.planner(
        policies, asOf: asOf, target: target, catalogue: catalogue,
        options: PathwayOptions(
          objective: .fewest, limit: WebLimits.pathsShown, maximumSize: WebLimits.pathSize,
          searchNodes: WebLimits.pathSearchNodes))
      var plan = Self.plan(planner.plan(for: learner), title: result.title)
      plan["anchor"] = "plan-" + result.decision
      plan["decision"] = result.decision
      planned.append(plan)
    }
    return (planned, others)
  }

  static func plan(_ plan: PathwayPlan, title: String) -> [String: Any] {
    var context: [String: Any] = ["title": title]
    switch plan.status {
    case .found:
      let count = plan.paths.count
      context["statusText"] =
        plan.isProven
        ? "The \(count == 1 ? "best path" : "\(count) best paths"), fewest credentials first."
        : "The best paths found: the search stopped at its limit of "
          + "\(plan.limitReached?.rawValue ?? "nodes"), so a better one may exist."
    case .notFound:
      context["statusText"] =
        "No path of up to \(plan.maximumSize) credentials from the catalogue"
        + (plan.reasons.isEmpty ? "." : ": " + plan.reasons.joined(separator: "; ") + ".")
    case .alreadyAchieved:
      context["statusText"] = "Achieved as recorded."
    case .notInEffect:
      context["statusText"] = "Not in effect on this date."
    case .error:
      context["statusText"] = "Could not be planned: " + plan.reasons.joined(separator: "; ")
    }
    if !plan.undeterminedReasons.isEmpty {
      context["note"] =
        "As recorded the outcome is unknown (" + plan.undeterminedReasons.joined(separator: "; ")
        + "); each path below achieves it for certain."
    }
    context["paths"] = plan.paths.map(path)
    context["hasPaths"] = !plan.paths.isEmpty
    return context
  }

  private static func path(_ path: Pathway) -> [String: Any] {
    var context: [String: Any] = [
      "codes": path.codes.joined(separator: " + "),
      "steps": path.steps.map { step -> [String: Any] in
        var context: [String: Any] = ["code": step.code, "fills": step.fills]
        if let title = step.title { context["title"] = title }
        if let fee = step.fee { context["fee"] = fee.description }
        return context
      },
      "balanceNotes": path.balanceNotes,
    ]
    if let cost = path.netCost { context["netCost"] = cost.description }
    if !path.fees.isEmpty {
      context["fees"] = path.fees.map(\.description).joined(separator: " + ")
    }
    if let hours = path.hours { context["hours"] = hours.description }
    if !path.conditions.isEmpty { context["conditions"] = path.conditions.joined(separator: "; ") }
    if let grade = path.lowestGrade, path.lowestGradeChecked { context["lowestGrade"] = grade }
    return context
  }
}

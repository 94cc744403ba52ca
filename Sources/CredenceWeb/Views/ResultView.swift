import Credence

/// Decision results and explanations as template contexts: words beside every symbol, so
/// that nothing is told by colour or by a glyph alone.
enum ResultView {
  static func result(_ result: DecisionResult, index: Int) -> [String: Any] {
    var context: [String: Any] = [
      "anchor": String(index), "decision": result.decision, "title": result.title,
      "status": result.status.rawValue, "statusClass": statusClass(result.status),
      "symbol": symbol(result.status),
    ]
    // Absent rather than empty: a template section shows for any string, even "".
    let summary = ResultWriter.summary(result)
    if !summary.isEmpty { context["summary"] = summary }
    if let enrolment = result.enrolment { context["enrolment"] = enrolment }
    if let explanation = result.explanation { context["explanation"] = node(explanation) }
    return context
  }

  /// An explanation line and the lines under it.
  static func node(_ explanation: Explanation) -> [String: Any] {
    [
      "mark": explanation.mark.rawValue, "symbol": explanation.symbol,
      "markWord": word(explanation.mark), "text": explanation.text,
      "hasChildren": !explanation.children.isEmpty,
      "children": explanation.children.map(node),
    ]
  }

  /// "achieved, 12 credits": a result in a few words (a what-if's before and after).
  static func brief(_ result: DecisionResult?) -> String {
    guard let result else { return "not decided" }
    let summary = ResultWriter.summary(result)
    return result.status.rawValue + (summary.isEmpty ? "" : ", " + summary)
  }

  static func symbol(_ status: DecisionStatus) -> String {
    switch status {
    case .achieved, .eligible: "✓"
    case .notAchieved, .ineligible: "✗"
    case .undetermined: "?"
    case .notInEffect: "–"
    case .error: "!"
    }
  }

  /// The CSS class of a status (also the pattern of its bars on the dashboard).
  static func statusClass(_ status: DecisionStatus) -> String {
    switch status {
    case .achieved, .eligible: "yes"
    case .notAchieved, .ineligible: "no"
    case .undetermined: "unknown"
    case .notInEffect: "none"
    case .error: "error"
    }
  }

  /// What a screen reader says for a mark.
  static func word(_ mark: Explanation.Mark) -> String {
    switch mark {
    case .held: "holds"
    case .failed: "does not hold"
    case .unknown: "unknown"
    case .info: "note"
    case .error: "error"
    }
  }
}

import CredenceRuntime
import CredenceValues

/// Renders `credence diff`: the changed results as they stream (CSV rows, JSON objects), and
/// the summary per decision at the end (a table with examples side by side, or JSON).
public enum PolicyDiffReport {
  public enum Format: String, Sendable, CaseIterable {
    case table, csv, json
  }

  /// Rules listed per decision in the table, most changed first.
  public static let rulesShown = 5

  // MARK: Streamed rows

  public static let csvHeader =
    "learner,decision,enrolment,old_status,new_status,old_amount,new_amount,currency,"
    + "old_credits,new_credits,rules\n"

  /// One changed learner as CSV rows, one per changed result.
  public static func csv(_ diff: PolicyDiff.LearnerDiff) -> String {
    diff.changes.map { change in
      let currency = (change.new?.amount ?? change.old?.amount)?.currency.description ?? ""
      return [
        diff.learner, change.decision, change.enrolment ?? "", change.oldStatus,
        change.newStatus, change.old?.amount?.amount.description ?? "",
        change.new?.amount?.amount.description ?? "", currency,
        change.old?.credits?.description ?? "", change.new?.credits?.description ?? "",
        change.rules.joined(separator: ";"),
      ].map(ResultWriter.csvField).joined(separator: ",") + "\n"
    }.joined()
  }

  /// One changed learner as JSON objects, one per changed result, comma-separated.
  public static func json(_ diff: PolicyDiff.LearnerDiff) -> String {
    func side(_ result: DecisionResult?) -> String {
      guard let result else { return "null" }
      return "{\"status\":\(ResultWriter.json(result.status.rawValue)),"
        + "\"amount\":\(result.amount.map { ResultWriter.json($0.amount.description) } ?? "null"),"
        + "\"currency\":\(result.amount.map { ResultWriter.json($0.currency.description) } ?? "null"),"
        + "\"credits\":\(result.credits.map { ResultWriter.json($0.description) } ?? "null")}"
    }
    return diff.changes.map { change in
      "{\"learner\":\(ResultWriter.json(diff.learner)),"
        + "\"decision\":\(ResultWriter.json(change.decision)),"
        + "\"enrolment\":\(change.enrolment.map { ResultWriter.json($0) } ?? "null"),"
        + "\"old\":\(side(change.old)),\"new\":\(side(change.new)),"
        + "\"rules\":\(ResultWriter.json(change.rules))}"
    }.joined(separator: ",")
  }

  // MARK: Summary

  /// The summary as a table: per decision, the transitions, the change in amounts and
  /// credits, the rules that changed most, and examples with both explanations side by side.
  public static func table(_ diff: PolicyDiff, asOf: CivilDate) -> String {
    var lines = [
      "\(diff.learners) learner\(diff.learners == 1 ? "" : "s") as of \(asOf): "
        + "\(diff.changedLearners) changed"
    ]
    for tally in diff.tallies {
      lines.append("")
      lines.append(
        "\(tally.decision) \"\(tally.title)\": \(tally.learners) learner"
          + "\(tally.learners == 1 ? "" : "s") changed")
      for (transition, count) in tally.transitions.sorted(by: {
        ($1.value, $0.key) < ($0.value, $1.key)
      }) {
        lines.append("  \(transition): \(count)")
      }
      let amounts = tally.amounts.sorted { $0.key < $1.key }.filter { !$0.value.isZero }
      if !amounts.isEmpty {
        lines.append(
          "  amounts: "
            + amounts.map { signed($0.value) + ($0.key.isEmpty ? "" : " \($0.key)") }
            .joined(separator: ", "))
      }
      if !tally.credits.isZero { lines.append("  credits: " + signed(tally.credits)) }
      let rules = rankedRules(tally).prefix(rulesShown)
      if !rules.isEmpty {
        lines.append("  rules that changed most:")
        for (rule, count) in rules { lines.append("    \(count)× \(rule)") }
      }
      for (learner, change) in zip(tally.exampleLearners, tally.examples) {
        lines.append("  example \(learner)\(change.enrolment.map { ", enrolment \($0)" } ?? ""):")
        lines += sideBySide(change).map { "    " + $0 }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The summary as the JSON object's last members (after the streamed `changes`).
  public static func jsonSummary(_ diff: PolicyDiff, asOf: CivilDate) -> String {
    let decisions = diff.tallies.map { tally in
      let transitions = tally.transitions.sorted { $0.key < $1.key }.map {
        "{\"change\":\(ResultWriter.json($0.key)),\"results\":\($0.value)}"
      }
      let amounts = tally.amounts.sorted { $0.key < $1.key }.map {
        "{\"currency\":\(ResultWriter.json($0.key)),\"change\":\(ResultWriter.json($0.value.description))}"
      }
      let rules = rankedRules(tally).map {
        "{\"rule\":\(ResultWriter.json($0.0)),\"results\":\($0.1)}"
      }
      return "{\"decision\":\(ResultWriter.json(tally.decision)),"
        + "\"title\":\(ResultWriter.json(tally.title)),\"learners\":\(tally.learners),"
        + "\"transitions\":[\(transitions.joined(separator: ","))],"
        + "\"amounts\":[\(amounts.joined(separator: ","))],"
        + "\"credits\":\(ResultWriter.json(tally.credits.description)),"
        + "\"rules\":[\(rules.joined(separator: ","))],"
        + "\"examples\":\(ResultWriter.json(tally.exampleLearners))}"
    }
    return "\"as_of\":\(ResultWriter.json(asOf.description)),\"learners\":\(diff.learners),"
      + "\"changed_learners\":\(diff.changedLearners),"
      + "\"decisions\":[\(decisions.joined(separator: ","))]"
  }

  static func rankedRules(_ tally: PolicyDiff.Tally) -> [(String, Int)] {
    tally.rules.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
  }

  static func signed(_ value: ExactDecimal) -> String {
    value.isNegative ? "−" + (-value).description : "+" + value.description
  }

  /// The two explanations of a change in two columns, old on the left.
  static func sideBySide(_ change: PolicyDiff.Change) -> [String] {
    func lines(_ result: DecisionResult?, _ heading: String) -> [String] {
      guard let result else { return [heading, "(not in these policies)"] }
      let summary = ResultWriter.summary(result)
      return [heading + ": " + result.status.rawValue + (summary.isEmpty ? "" : ", " + summary)]
        + (result.explanation?.lines() ?? [])
    }
    // Old lines past the column's width are cut with `…` so the columns stay aligned; the
    // new column is last and is shown whole.
    func cut(_ line: String) -> String {
      line.count <= maximumColumn ? line : String(line.prefix(maximumColumn - 1)) + "…"
    }
    let left = lines(change.old, "old").map(cut)
    let right = lines(change.new, "new")
    let width = left.map(\.count).max() ?? 0
    return (0..<max(left.count, right.count)).map { row in
      let old = row < left.count ? left[row] : ""
      let new = row < right.count ? right[row] : ""
      let line = old + String(repeating: " ", count: max(0, width - old.count)) + " │ " + new
      return String(line.reversed().drop { $0 == " " }.reversed())
    }
  }

  /// The widest an old line is shown.
  static let maximumColumn = 60
}

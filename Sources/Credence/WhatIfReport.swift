import CredenceRuntime
import CredenceSyntax
import CredenceValues

/// Renders the answer to a what-if question: the decisions that change when hypothetical
/// awards are added, before and after.
public enum WhatIfReport {
  public static func render(
    _ changes: [WhatIf.Change], learner: String, awards: [HypotheticalAward],
    unknownCodes: [String], date: CredenceValues.CivilDate, format: ResultFormat, explain: Bool
  ) -> String {
    let changed = changes.filter(\.changed)
    let unchanged = changes.count - changed.count
    switch format {
    case .table:
      var text =
        "what if learner \(learner.escapingControlCharacters) also had "
        + awards.map { describe($0, date) }
        .joined(separator: " and ") + ":\n"
      if changed.isEmpty { text += "  nothing changes\n" }
      for change in changed {
        var after = state(change.after)
        if after == state(change.before), let result = change.after {
          // Same status and values: the difference is in the awards used.
          after +=
            "; now uses " + (result.used.isEmpty ? "none" : result.used.joined(separator: ", "))
        }
        text +=
          "  \(change.decision)\(change.enrolment.map { " (\($0))" } ?? ""): "
          + "\(state(change.before)) → \(after)\n"
        if explain, let explanation = change.after?.explanation {
          text += explanation.lines(indent: 4).joined(separator: "\n") + "\n"
        }
      }
      if unchanged > 0 {
        text += "  (\(unchanged) other decision\(unchanged == 1 ? "" : "s") unchanged)\n"
      }
      return text
    case .csv:
      var text =
        "learner,decision,enrolment,status_before,status_after,result_before,result_after\n"
      for change in changed {
        text +=
          [
            learner, change.decision, change.enrolment ?? "",
            change.before?.status.rawValue ?? "", change.after?.status.rawValue ?? "",
            change.before.map(ResultWriter.summary) ?? "",
            change.after.map(ResultWriter.summary) ?? "",
          ].map(ResultWriter.csvField).joined(separator: ",") + "\n"
      }
      return text
    case .json, .ndjson:
      let awardsJSON = awards.map { award in
        "{\"code\":\(ResultWriter.json(award.code)),\"date\":\(ResultWriter.json((award.date ?? date).description)),"
          + "\"grade\":\(award.grade.map(ResultWriter.json) ?? "null")}"
      }
      let changesJSON = changed.map { change in
        "{\"decision\":\(ResultWriter.json(change.decision)),"
          + "\"enrolment\":\(change.enrolment.map(ResultWriter.json) ?? "null"),"
          + "\"before\":\(side(change.before, explain: false)),"
          + "\"after\":\(side(change.after, explain: explain))}"
      }
      return
        "{\"learner\":\(ResultWriter.json(learner)),\"as_of\":\(ResultWriter.json(date.description)),"
        + "\"with_awards\":[\(awardsJSON.joined(separator: ","))],"
        + "\"changes\":[\(changesJSON.joined(separator: ","))],\"unchanged\":\(unchanged)}\n"
    }
  }

  private static func describe(_ award: HypotheticalAward, _ date: CredenceValues.CivilDate)
    -> String
  {
    var parts = [(award.date ?? date).description]
    if let grade = award.grade { parts.append("grade \(grade.escapingControlCharacters)") }
    return "\(award.code.escapingControlCharacters) (\(parts.joined(separator: ", ")))"
  }

  private static func state(_ result: DecisionResult?) -> String {
    guard let result else { return "no decision" }
    let summary = ResultWriter.summary(result)
    return result.status.rawValue + (summary.isEmpty ? "" : ", " + summary)
  }

  private static func side(_ result: DecisionResult?, explain: Bool) -> String {
    guard let result else { return "null" }
    var text =
      "{\"status\":\(ResultWriter.json(result.status.rawValue)),"
      + "\"result\":\(ResultWriter.json(ResultWriter.summary(result)))"
    if explain, let explanation = result.explanation {
      text += ",\"explanation\":\(ResultWriter.json(explanation))"
    }
    return text + "}"
  }
}

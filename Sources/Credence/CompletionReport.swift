import CredenceRuntime
import CredenceValues

/// The cheapest completion of a *not achieved* stack, as its explanation shows it: a section
/// of its own after the explanation's tree, in the words of `credence path`, with the
/// assumptions it rests on.
///
/// ```
/// · cheapest completion after funding: IS5005, net 150 SGD (fees 500 SGD)
///   · IS5005 "Data Analytics": fills 1 more credential from IS5005, IS5128
///     fee 500 SGD; sfc_claim −350 SGD; net 150 SGD
///   · assuming it is completed on 2026-06-30 with grade A+
/// ```
public enum CompletionReport {
  /// The section as lines, indented by `indent` spaces.
  public static func lines(_ completion: StackCompletion, indent: Int) -> [String] {
    let pad = String(repeating: " ", count: indent)
    let path = completion.path
    var head = pad + "· cheapest completion after funding: " + path.codes.joined(separator: " + ")
    head += ", " + (path.netCost.map { "net " + PathwayReport.money($0) } ?? "net cost unknown")
    if !path.fees.isEmpty {
      head +=
        " (fee\(path.fees.count == 1 && path.steps.count == 1 ? "" : "s") "
        + path.fees.map(PathwayReport.money).joined(separator: " + ") + ")"
    }
    var lines = [head]
    for step in path.steps {
      lines.append(
        pad + "  · \(step.code)\(step.title.map { " \"\($0)\"" } ?? ""): fills \(step.fills)")
      lines.append(pad + "    " + PathwayReport.moneyLine(step))
    }
    if path.isConditional {
      lines.append(pad + "  · only if: " + path.conditions.joined(separator: "; "))
    }
    for note in path.balanceNotes { lines.append(pad + "  · " + note) }
    lines.append(pad + "  · " + assumptions(completion))
    if !completion.isProven {
      lines.append(
        pad + "  · the search stopped at its limit of \(PathwayLimits.completionSearchNodes) "
          + "sets: the cheapest found, not proven cheapest")
    }
    return lines
  }

  /// What the completion assumes: the date the new credentials are completed, and the grade.
  static func assumptions(_ completion: StackCompletion) -> String {
    let one = completion.path.steps.count == 1
    var text =
      "assuming \(one ? "it is" : "each is") completed on \(completion.plannedDate)"
    if let grade = completion.grade { text += " with grade \(grade)" }
    if completion.path.lowestGradeChecked,
      let lowest = completion.path.lowestGrade, lowest != completion.grade
    {
      text +=
        lowest == Pathway.anyGrade
        ? " (any grade works)" : " (\(lowest) or better works)"
    }
    return text
  }

  /// The section as a JSON object: the path as `credence path --format json` writes one,
  /// with the assumptions and whether the search proved it cheapest.
  public static func json(_ completion: StackCompletion) -> String {
    "{\"path\":\(PathwayReport.json(completion.path)),"
      + "\"planned_date\":\(ResultWriter.json(completion.plannedDate.description)),"
      + "\"assumed_grade\":\(completion.grade.map { ResultWriter.json($0) } ?? "null"),"
      + "\"proven\":\(completion.isProven)}"
  }
}

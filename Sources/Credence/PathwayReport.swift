import CredenceRuntime
import CredenceValues

/// Renders a pathway plan for one learner: a table for people, JSON for programs.
public enum PathwayReport {
  public enum Format: String, Sendable, CaseIterable {
    case table, json
  }

  /// What a plan is about, for its heading.
  public struct Heading: Sendable {
    public var learner: String
    public var target: String
    public var title: String
    public var asOf: CivilDate
    public var goal: ExactDecimal?

    public init(
      learner: String, target: String, title: String, asOf: CivilDate, goal: ExactDecimal?
    ) {
      self.learner = learner
      self.target = target
      self.title = title
      self.asOf = asOf
      self.goal = goal
    }
  }

  public static func render(_ plan: PathwayPlan, _ heading: Heading, format: Format) -> String {
    switch format {
    case .table: table(plan, heading)
    case .json: json(plan, heading) + "\n"
    }
  }

  // MARK: Table

  static func table(_ plan: PathwayPlan, _ heading: Heading) -> String {
    var goal = ""
    if let credits = heading.goal { goal = " (\(credits) credits)" }
    var lines = [
      "learner \(heading.learner.escapingControlCharacters): paths to `\(heading.target)`\(goal), \(heading.title), "
        + "as of \(heading.asOf)"
    ]
    switch plan.status {
    case .alreadyAchieved:
      lines.append("  already achieved: no credential needed")
      return lines.joined(separator: "\n") + "\n"
    case .notInEffect:
      lines.append("  not in effect on \(heading.asOf)")
      return lines.joined(separator: "\n") + "\n"
    case .error:
      lines.append("  could not be decided: " + plan.reasons.joined(separator: "; "))
      return lines.joined(separator: "\n") + "\n"
    case .found, .notFound:
      break
    }
    lines.append("  assuming " + assumptions(plan))
    if !plan.undeterminedReasons.isEmpty {
      lines.append(
        "  undetermined as recorded (" + plan.undeterminedReasons.joined(separator: "; ")
          + "); these paths achieve it whatever those turn out to be")
    }
    for (number, path) in plan.paths.enumerated() {
      var head = "  \(number + 1). " + path.codes.joined(separator: " + ")
      head += ": " + (path.netCost.map { "net cost \(money($0))" } ?? "net cost unknown")
      if !path.fees.isEmpty {
        head += " (fees " + path.fees.map(money).joined(separator: " + ") + ")"
      }
      lines.append(head)
      for step in path.steps {
        lines.append(
          "       \(step.code)\(step.title.map { " \"\($0)\"" } ?? ""): fills \(step.fills)")
        lines.append("         " + moneyLine(step))
      }
      if path.isConditional {
        lines.append("       only if: " + path.conditions.joined(separator: "; "))
      }
      for note in path.balanceNotes { lines.append("       " + note) }
      if path.lowestGradeChecked {
        lines.append("       " + gradeLine(path.lowestGrade))
      }
    }
    if plan.paths.isEmpty {
      lines.append(
        "  no path within \(plan.maximumSize) credential\(plan.maximumSize == 1 ? "" : "s")")
      for reason in plan.reasons { lines.append("    " + reason) }
    }
    if !plan.unknownFees.isEmpty {
      lines.append(
        "  note: no fee in the catalogue for " + plan.unknownFees.joined(separator: ", ")
          + ": \(plan.unknownFees.count == 1 ? "its" : "their") cost is unknown (ranked after "
          + "known costs)")
    }
    lines.append("  " + searchLine(plan))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A credential's fee, what each fund gives for it, and its net cost.
  static func moneyLine(_ step: PathwayStep) -> String {
    var money = [
      step.fee.map { "fee \(Self.money($0))" } ?? "fee unknown (none in the catalogue)"
    ]
    for funding in step.funding {
      money.append(
        "\(funding.fund) "
          + (funding.amount.map {
            funding.isCounted
              ? deducted($0) : "\(Self.money($0)) (not counted: an alternative)"
          } ?? "undetermined (\(funding.note ?? ""))"))
    }
    if step.fee != nil, let net = step.netCost { money.append("net \(Self.money(net))") }
    return money.joined(separator: "; ")
  }

  static func assumptions(_ plan: PathwayPlan) -> String {
    var text = "each new credential completed on \(plan.plannedDate)"
    if let grade = plan.assumedGrade { text += " with grade \(grade)" }
    let by: String =
      switch plan.objective {
      case .fewest: "fewest credentials"
      case .cost: "lowest net cost after funding"
      case .hours: "fewest hours"
      case .credits: "fewest credits"
      }
    return text + "; ranked by \(by)"
  }

  static func gradeLine(_ lowest: String?) -> String {
    switch lowest {
    case nil: "no single grade on the new credentials achieves it on the scale"
    case Pathway.anyGrade?: "works with any grade on the new credentials"
    case let grade?: "works with grade \(grade) or better on the new credentials"
    }
  }

  static func searchLine(_ plan: PathwayPlan) -> String {
    let tried =
      "\(plan.candidateCount) candidate\(plan.candidateCount == 1 ? "" : "s"), "
      + "\(plan.nodes) set\(plan.nodes == 1 ? "" : "s") evaluated"
    if let limit = plan.limitReached {
      return "search stopped at the \(limit.rawValue) limit: best found, not proven best (\(tried))"
    }
    return "proven best among paths of at most \(plan.maximumSize) credentials (\(tried))"
  }

  /// Money as people read it (`33.333… SGD` for a quotient; JSON keeps the exact value).
  static func money(_ money: Money) -> String { money.readable }

  /// A subsidy taken off the fee: `−500.00 SGD`; a claim cut to nothing is `0 SGD`, never
  /// `−0 SGD`.
  static func deducted(_ amount: Money) -> String {
    amount.amount.isZero ? money(amount) : "−" + money(amount)
  }

  // MARK: JSON

  static func json(_ plan: PathwayPlan, _ heading: Heading) -> String {
    func string(_ text: String) -> String { ResultWriter.json(text) }
    func optional(_ text: String?) -> String { text.map(string) ?? "null" }
    func strings(_ texts: [String]) -> String {
      "[" + texts.map(string).joined(separator: ",") + "]"
    }
    func number(_ value: ExactDecimal?) -> String {
      guard let value else { return "null" }
      return value.description
    }
    let status: String =
      switch plan.status {
      case .alreadyAchieved: "already achieved"
      case .found: "found"
      case .notFound: "not found"
      case .notInEffect: "not in effect"
      case .error: "error"
      }
    let paths = plan.paths.map(json)
    return "{\"learner\":\(string(heading.learner)),\"target\":\(string(heading.target)),"
      + "\"title\":\(string(heading.title)),\"credits_goal\":\(number(heading.goal)),"
      + "\"as_of\":\(string(heading.asOf.description)),"
      + "\"planned_date\":\(string(plan.plannedDate.description)),"
      + "\"assumed_grade\":\(optional(plan.assumedGrade)),\"by\":\(string(plan.objective.rawValue)),"
      + "\"max_size\":\(plan.maximumSize),\"status\":\(string(status)),"
      + "\"proven\":\(plan.isProven),\"limit_reached\":\(optional(plan.limitReached?.rawValue)),"
      + "\"reasons\":\(strings(plan.reasons)),"
      + "\"undetermined_reasons\":\(strings(plan.undeterminedReasons)),"
      + "\"unknown_fees\":\(strings(plan.unknownFees)),"
      + "\"candidates\":\(plan.candidateCount),\"sets_evaluated\":\(plan.nodes),"
      + "\"paths\":[\(paths.joined(separator: ","))]}"
  }

  /// One path as a JSON object: its credentials (each with what it fills, fee, funding, net
  /// cost), net cost, fees, hours, credits, conditions, balance notes and lowest grade.
  static func json(_ path: Pathway) -> String {
    func string(_ text: String) -> String { ResultWriter.json(text) }
    func optional(_ text: String?) -> String { text.map(string) ?? "null" }
    func strings(_ texts: [String]) -> String {
      "[" + texts.map(string).joined(separator: ",") + "]"
    }
    func money(_ value: Money?) -> String {
      guard let value else { return "null" }
      return
        "{\"amount\":\(string(value.amount.description)),\"currency\":\(string(value.currency.description))}"
    }
    func number(_ value: ExactDecimal?) -> String {
      guard let value else { return "null" }
      return value.description
    }
    let steps = path.steps.map { step in
      let funding = step.funding.map { funding in
        "{\"fund\":\(string(funding.fund)),\"title\":\(string(funding.title)),"
          + "\"amount\":\(money(funding.amount)),\"undetermined\":\(funding.isUndetermined),\"counted\":\(funding.isCounted),"
          + "\"note\":\(optional(funding.note))}"
      }
      return "{\"code\":\(string(step.code)),\"title\":\(optional(step.title)),"
        + "\"fills\":\(string(step.fills)),\"fee\":\(money(step.fee)),"
        + "\"funding\":[\(funding.joined(separator: ","))],\"net_cost\":\(money(step.netCost)),"
        + "\"hours\":\(number(step.hours)),\"credits\":\(number(step.credits))}"
    }
    return "{\"credentials\":[\(steps.joined(separator: ","))],"
      + "\"net_cost\":\(money(path.netCost)),\"fees\":[\(path.fees.map(money).joined(separator: ","))],"
      + "\"hours\":\(number(path.hours)),\"credits\":\(number(path.credits)),"
      + "\"conditions\":\(strings(path.conditions)),\"balance_notes\":\(strings(path.balanceNotes)),"
      + "\"lowest_grade\":\(path.lowestGradeChecked ? optional(path.lowestGrade) : "null")}"
  }
}

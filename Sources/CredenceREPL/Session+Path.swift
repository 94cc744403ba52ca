import Credence

extension Session {
  /// How `:path` is written (its options are those of `credence path`).
  static let pathUsage =
    "write `:path TARGET [--credits N] [--by fewest|cost|hours|credits] [--limit K] "
    + "[--max-size N] [--grade G] [--planned YYYY-MM-DD]`"

  /// The options of `:path`, for completion.
  static let pathOptions = [
    "--by", "--credits", "--grade", "--limit", "--max-size", "--planned",
  ]

  /// `:path TARGET [options]`: the best paths from the current learner to a stack or an
  /// equivalence's credit goal, over the database's catalogue, as `credence path` shows them.
  func path(_ argument: String) -> String {
    let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let name = words.first, !name.hasPrefix("--") else {
      return "error: `:path` needs a target; \(Session.pathUsage)\n"
    }
    var options = PathwayOptions()
    options.cancellation = cancellation
    var credits: ExactDecimal?
    var index = 1
    while index < words.count {
      let option = words[index]
      guard index + 1 < words.count else {
        return "error: `\(option)` needs a value; \(Session.pathUsage)\n"
      }
      let value = words[index + 1]
      switch option {
      case "--credits":
        guard let number = ExactDecimal(parsing: value) else {
          return "error: `\(value)` is not a number of credits\n"
        }
        credits = number
      case "--by":
        guard let objective = PathwayObjective(rawValue: value) else {
          return "error: `\(value)` is not a ranking; use fewest, cost, hours or credits\n"
        }
        options.objective = objective
      case "--limit":
        guard let limit = Int(value), limit >= 1 else {
          return "error: `--limit` is a whole number of at least 1\n"
        }
        options.limit = limit
      case "--max-size":
        guard let size = Int(value), (1...PathwayLimits.maximumPathSize).contains(size) else {
          return "error: `--max-size` is from 1 to \(PathwayLimits.maximumPathSize)\n"
        }
        options.maximumSize = size
      case "--grade":
        options.grade = value
      case "--planned":
        guard let date = CivilDate(parsing: value) else {
          return "error: `\(value)` is not a date; write it as YYYY-MM-DD\n"
        }
        options.plannedDate = date
      default:
        return "error: `\(option)` is not an option of `:path`; \(Session.pathUsage)\n"
      }
      index += 2
    }
    guard let policies else { return "no policies loaded\n" }
    guard let catalogueSource else {
      return "error: `:path` plans over the catalogue of a database; start the REPL with "
        + "`--db DB`\n"
    }
    let target: PathwayTarget
    switch Pathways.target(named: name, credits: credits, in: policies) {
    case .success(let found): target = found
    case .failure(let error): return "error: \(error.message)\n"
    }
    let grades = Pathways.grades(of: target, in: policies)
    if let grade = options.grade, !grades.isEmpty, !grades.contains(grade) {
      return "error: `\(grade)` is not a grade of the target's scale; its grades are "
        + grades.joined(separator: ", ") + "\n"
    }
    let catalogue: (credentials: [Credential], broken: [String])
    do {
      catalogue = try catalogueSource.catalogue()
    } catch {
      return "error: the catalogue could not be read\n"
    }
    let plan = Pathways.planner(
      policies, asOf: asOf, target: target, catalogue: catalogue.credentials, options: options
    ).plan(for: learner, given: givenFacts)
    if cancellation.isCancelled { return interruptible { "" } }
    let heading = PathwayReport.Heading(
      learner: learner.id.text, target: name, title: Pathways.title(of: target, in: policies),
      asOf: asOf, goal: credits)
    var out = PathwayReport.render(plan, heading, format: .table)
    for code in catalogue.broken {
      out +=
        "note: the catalogue entry `\(code.escapingControlCharacters)` breaks the contract and was left out\n"
    }
    return out
  }
}

extension Session {
  /// `results` with the cheapest completion after funding of each stack not achieved, over the
  /// database's catalogue (as `eval --learner --explain` shows it); as they are without `--db`.
  func completed(_ results: [DecisionResult], _ policies: Policies) -> [DecisionResult] {
    guard results.contains(where: { $0.kind == .stack && $0.status == .notAchieved }),
      let catalogueSource, let catalogue = try? catalogueSource.catalogue()
    else { return results }
    return evaluator(policies).completing(
      results, for: learner, given: givenFacts, over: catalogue.credentials)
  }
}

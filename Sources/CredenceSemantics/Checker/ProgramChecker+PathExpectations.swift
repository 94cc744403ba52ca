import CredenceSyntax

extension ProgramChecker {
  /// Checks `expect path to TARGET [for N credits] [by OBJECTIVE] is CODES`: the target is a
  /// stack, or an equivalence with a credit goal; the ranking is one a pathway search knows;
  /// the codes are a list of texts. Nil when the target cannot be planned for.
  func checkPathExpectation(_ path: PathExpectation, at span: Span, _ context: Context)
    -> CheckedTest.PathExpectation?
  {
    let credits = path.credits.map { goal in
      require(check(goal, context), .number) { "a credit goal is a `Number`, but this is \($0)" }
    }
    let codes = require(check(path.codes, context), .list(.text)) {
      "a path is a list of credential codes (`[\"IS5005\"]`), but this is \($0)"
    }
    var objective = CheckedTest.pathObjectives[0]
    if let name = path.objective {
      if CheckedTest.pathObjectives.contains(name.text) {
        objective = name.text
      } else {
        error(
          .invalidPathExpectation, "paths are not ranked by `\(name.text)`", at: name.span,
          help: "rank by "
            + alternatives(CheckedTest.pathObjectives.map { "`\($0)`" }, "or"))
      }
    }
    let target: DecisionID
    let name = path.target
    switch symbols[name.text] {
    case .stack(let id)?:
      if let goal = path.credits {
        error(
          .invalidPathExpectation,
          "`\(name.text)` is a stack: a credit goal is only for an "
            + "equivalence", at: goal.span, help: "remove `for … credits`")
        return nil
      }
      target = .stack(id)
    case .equivalence(let id)?:
      guard path.credits != nil else {
        error(
          .invalidPathExpectation,
          "`\(name.text)` is an equivalence: a path to it needs a credit goal", at: name.span,
          help: "write `expect path to \(name.text) for 12 credits is […]`")
        return nil
      }
      target = .equivalence(id)
    case .fund?:
      error(
        .invalidPathExpectation,
        "`\(name.text)` is a fund: a path leads to a stack, or to an equivalence with a credit "
          + "goal", at: name.span,
        help: "funding is counted on every path; name the stack it pays toward")
      return nil
    case nil:
      if !mayBeDeclaredByInvalid(name.text) {
        let targets = symbols.compactMap { key, symbol -> String? in
          switch symbol {
          case .stack, .equivalence: key
          default: nil
          }
        }.sorted()
        error(
          .unknownName, "there is no stack or equivalence named `\(name.text)`", at: name.span,
          help: suggestion(for: name.text, among: targets))
      }
      return nil
    case _?:
      error(
        .invalidPathExpectation,
        "`\(name.text)` is not a stack or an equivalence: a path leads to one", at: name.span)
      return nil
    }
    return CheckedTest.PathExpectation(
      target: target, credits: credits, objective: objective, codes: codes, span: span)
  }
}

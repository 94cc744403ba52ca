import CredenceRecords
import CredenceSemantics
import CredenceValues

extension PolicyTestRunner {
  /// Nil when the best path from `learner` to the expectation's target, over the test's
  /// credentials, is the codes expected (`[]`: already achieved); otherwise what was found.
  /// The path must achieve the target for certain: a conditional best path fails.
  func checkPath(
    _ expectation: CheckedTest.PathExpectation, codes: Value?, credits: Value?,
    learner: Learner, facts: GivenFacts, catalogue: [Credential], asOf: CredenceValues.CivilDate
  ) -> PolicyTestFailure? {
    let written = program.text(of: expectation.span) ?? "expect path"
    func failure(_ actual: String) -> PolicyTestFailure {
      PolicyTestFailure(
        span: expectation.span, expectation: written, actual: actual, explanations: [])
    }
    guard case .list(let list)? = codes else {
      return failure("the expected credentials are unknown")
    }
    var expected: [String] = []
    for case .text(let code) in list.elements { expected.append(code) }
    guard expected.count == list.elements.count else {
      return failure("the expected credentials are not all known codes")
    }
    let target: PathwayTarget
    switch expectation.target {
    case .stack(let id): target = .stack(id)
    case .equivalence(let id):
      guard case .number(let goal)? = credits else {
        return failure("the credit goal is unknown")
      }
      target = .equivalence(id, credits: goal)
    case .fund: return failure("a fund is not a path's target")
    }
    let objective = PathwayObjective(rawValue: expectation.objective) ?? .fewest
    let plan = PathwayPlanner(
      program: program, asOf: asOf, target: target, catalogue: catalogue,
      options: PathwayOptions(
        objective: objective, limit: 1,
        maximumSize: max(PathwayLimits.defaultPathSize, expected.count))
    ).plan(for: learner, given: facts)
    let wanted = expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    func listed(_ codes: [String]) -> String {
      "[" + codes.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
    switch plan.status {
    case .alreadyAchieved:
      return wanted.isEmpty ? nil : failure("the target is already achieved: the path is []")
    case .found:
      guard let best = plan.paths.first else { return failure("no path was found") }
      let found = best.codes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      var notes: [String] = []
      if best.isConditional {
        notes.append("it holds only if " + best.conditions.joined(separator: "; "))
      }
      if !plan.isProven { notes.append("the search stopped at a limit: not proven best") }
      if found == wanted && notes.isEmpty { return nil }
      let rest = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
      return failure("the best path by \(objective.rawValue) is \(listed(found))\(rest)")
    case .notFound:
      let size = plan.maximumSize
      return failure(
        "no path of at most \(size) credential\(size == 1 ? "" : "s") of the test's "
          + "credentials reaches it")
    case .notInEffect:
      return failure("the target is not in effect on \(asOf)")
    case .error:
      return failure("the target could not be decided: " + plan.reasons.joined(separator: "; "))
    }
  }
}

import Credence

extension Session {
  /// The description of the `test` an inline learner is checked as.
  static let inlineLearnerTest = "REPL learner"

  /// `:learner ID` (from the database) or `:learner given …` (written inline, with the
  /// fixtures of a `test` block); `:learner` alone names the current learner.
  func selectLearner(_ argument: String) -> String {
    if argument.isEmpty { return "current learner: \(learner.id)\n" }
    if Input.firstWord(argument) == "given" { return selectInlineLearner(argument) }
    let id = argument
    let shown = id.escapingControlCharacters
    guard let records else {
      return "error: no database; start the REPL with `--db DB`, or describe the learner "
        + "inline: `:learner given learner { … } given award \"CODE\" on DATE`\n"
    }
    do {
      switch try records.learner(id: LearnerID(id)) {
      case nil:
        return "error: no learner `\(shown)` in the database; `:learners` lists them\n"
      case .invalid(_, let errors)?:
        return "error: learner `\(shown)` has invalid records: "
          + errors.map(\.description).joined(separator: "; ") + "\n"
      case .valid(let record)?:
        learner = record
        givenFacts = GivenFacts()
        return "learner \(shown)\n"
      }
    } catch {
      return "error: the database could not be read\n"
    }
  }

  /// The learner described by `given` fixtures, checked as the clauses of a `test` (errors
  /// point into the text typed after `:learner `).
  func selectInlineLearner(_ fixtures: String) -> String {
    let prefix = Session.header + "test \"\(Session.inlineLearnerTest)\" "
    let result = check(extra: (fixtures, prefix: prefix), ignoring: [.testWithoutExpectation])
    guard result.clean, let policies,
      let described = evaluator(policies).learner(describedByTest: Session.inlineLearnerTest)
    else { return result.output }
    switch described {
    case .failure(let failure):
      return result.output + "error: \(failure.message)\n"
    case .success(let described):
      learner = described.learner
      givenFacts = described.facts
      let awards = described.learner.awards.count
      return result.output
        + "learner \(described.learner.id) (inline, \(awards) award\(awards == 1 ? "" : "s"))\n"
    }
  }
}

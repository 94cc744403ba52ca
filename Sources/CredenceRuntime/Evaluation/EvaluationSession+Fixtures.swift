import CredenceRecords
import CredenceSemantics

extension EvaluationSession {
  /// The learner the `given` fixtures of `test` describe, built as `credence test` builds
  /// it (fields left out are unknown), with the facts it gives typed; what the REPL's inline
  /// `:learner given …` selects.
  public func learner(describedBy test: CheckedTest) -> Result<
    (learner: Learner, facts: GivenFacts), ValueFailure
  > {
    let compiler = Compiler(program: program.checked)
    do {
      let built = try machine.inFrame(test.localCount) { machine throws(EvaluationFailure) in
        try FixtureBuilder(compiler: compiler, machine: machine).build(test.fixtures)
      }
      return .success((built.learner, built.facts))
    } catch {
      return .failure(ValueFailure(message: machine.describe(error)))
    }
  }
}

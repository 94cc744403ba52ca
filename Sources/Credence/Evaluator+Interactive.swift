import CredenceRecords
import CredenceRuntime

/// A learner's facts as a `test`'s `given fact` clauses type them (the REPL's inline learner).
public typealias GivenFacts = CredenceRuntime.GivenFacts
/// An evaluation that failed, in words.
public typealias ValueFailure = CredenceRuntime.ValueFailure

/// What the REPL asks of one learner besides decisions: the value of a definition, one
/// decision explained, a learner written as a test's fixtures.
extension Evaluator {
  /// Every decision for `learner`, with the typed facts of an inline learner.
  public func evaluate(_ learner: Learner, given facts: GivenFacts) -> LearnerResults {
    session.evaluate(learner, given: facts)
  }

  /// The value of the plain (parameterless) `let` named `name` for `learner`, in words
  /// (`38`, `500 SGD`), or a failure in words; nil when there is no such `let`.
  public func valueOfLet(
    named name: String, for learner: Learner, given facts: GivenFacts = GivenFacts()
  ) -> Result<String, ValueFailure>? {
    session.describeLet(named: name, for: learner, given: facts)
  }

  /// The decision named `name` for `learner` with its explanation (one result, or one per
  /// enrolment for a fund decided per enrolment); nil when there is no such decision.
  public func explain(
    decision name: String, for learner: Learner, given facts: GivenFacts = GivenFacts()
  ) -> [DecisionResult]? {
    session.explain(decision: name, for: learner, given: facts)
  }

  /// The learner described by the `given` fixtures of the last test whose description is
  /// `description` (fields left out are unknown), with the facts it gives typed; nil when
  /// the policies have no such test.
  public func learner(describedByTest description: String) -> Result<
    (learner: Learner, facts: GivenFacts), ValueFailure
  >? {
    guard
      let test = policies.program.checked.tests.last(where: { $0.description == description })
    else { return nil }
    return session.learner(describedBy: test)
  }
}

import CredenceRecords
import CredenceSemantics

extension EvaluationSession {
  /// The value of the plain (parameterless) `let` named `name` for `learner` (with the
  /// typed `facts` a test's fixtures give), in words
  /// (`38`, `500 SGD`), or a failure in words; nil when there is no such plain `let`.
  ///
  /// What the REPL prints for an expression: it wraps the expression in a `let`.
  public func describeLet(
    named name: String, for learner: Learner, given facts: GivenFacts = GivenFacts()
  ) -> Result<String, ValueFailure>? {
    guard case .let(let id) = program.checked.symbol(named: name),
      program.checked[id].parameters == nil
    else { return nil }
    var learner = learner
    learner.sortRecords()
    machine.reset(for: learner, given: facts)
    do {
      return .success(machine.describe(try machine.letValue(id.index)))
    } catch {
      return .failure(ValueFailure(message: machine.describe(error)))
    }
  }

  /// The explanation of the decision named `name` for `learner`, as indented lines; nil when
  /// there is no such decision.
  public func explain(
    decision name: String, for learner: Learner, given facts: GivenFacts = GivenFacts()
  ) -> [DecisionResult]? {
    guard let decision = program.decision(named: name) else { return nil }
    let session = EvaluationSession(
      program: program, asOf: asOf, decisions: [decision],
      options: {
        var options = self.options
        options.explain = true
        return options
      }())
    return session.evaluate(learner, given: facts).results
  }
}

/// An evaluation that failed, in words.
public struct ValueFailure: Error, Sendable, Hashable {
  public var message: String
}

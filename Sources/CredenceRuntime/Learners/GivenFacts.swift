/// Facts given with their values already typed, by the fact's declaration: what a policy
/// test's `given fact` clauses (and the REPL's inline learner) add to a ``Learner``, whose
/// stored facts are text read with the declared type on first use.
///
/// A value of the language, not of the records: it exists only where a program does, so it
/// lives beside the evaluator rather than in CredenceRecords.
public struct GivenFacts: Sendable {
  /// By fact index; a given fact overrides the learner's stored text of the same fact.
  var values: [Int: Value]

  /// No fact given.
  public init() { values = [:] }

  /// Whether no fact is given.
  public var isEmpty: Bool { values.isEmpty }

  subscript(fact index: Int) -> Value? {
    get { values[index] }
    set { values[index] = newValue }
  }
}

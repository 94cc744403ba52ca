/// The checker's limits, each a named constant with its own test.
public enum CheckerLimits {
  /// The most "did you mean …" searches in one run. Each search compares a misspelt name
  /// with every name in scope; beyond this many (a file of garbage, a generated program)
  /// the rest of the diagnostics go without a suggestion, so checking stays linear.
  public static let maximumSuggestions = 1_000

  /// How many bodies deep the checker goes to infer a type on demand. Bodies are checked
  /// after the ones they mention, so real programs need depth 0 or 1; deeper only happens
  /// along names that mention each other in a circle, and the limit keeps such input from
  /// exhausting the stack.
  public static let maximumInferenceDepth = 16

  /// How deep evaluating one definition may recurse: the levels of each definition in the
  /// chain it uses (a `let` using a `let` using a `let` …, a stack requiring a stack …), one
  /// for a `let` and ``decisionEvaluationLevels`` for a decision, plus the nesting inside
  /// each (``CredenceSyntax/Declaration/nesting``). The evaluator recurses on the native
  /// stack, and a chain of a thousand stacks or a few thousand lets exhausts 8 MiB; at 512,
  /// the deepest allowed chains (256 lets, 102 stacks) evaluate within 2 MiB in a debug
  /// build, a quarter of the main thread's and the batch workers' stacks, while the policy
  /// library's deepest definition is far below the limit (its test says how far).
  public static let maximumEvaluationDepth = 512

  /// The levels a stack, fund or equivalence counts for in ``maximumEvaluationDepth``:
  /// deciding one takes about four times the native stack a `let` takes.
  public static let decisionEvaluationLevels = 4
}

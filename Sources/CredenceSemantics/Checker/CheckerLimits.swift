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

  /// Most requirements (groups and leaves, with the stack itself as the group of its
  /// top-level requirements) one stack may have (128). The allocation keeps a set of
  /// requirements in two machine words (`AllocationLimits.maximumRequirements` is this
  /// constant); a larger stack is refused by `check` rather than left undetermined.
  public static let maximumStackRequirements = 128

  /// The largest credit threshold, counted in units of its smallest decimal place (2^48,
  /// about 2.8 × 10^14). The allocation adds credits as 64-bit integers and refuses larger
  /// values (`AllocationLimits.maximumScaledCredits` is this constant); a threshold written
  /// beyond it could never be decided, so `check` refuses it.
  public static let maximumScaledCredits: Int64 = 1 << 48

  /// The levels a stack, fund or equivalence counts for in ``maximumEvaluationDepth``:
  /// deciding one takes about four times the native stack a `let` takes.
  public static let decisionEvaluationLevels = 4
}

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
}

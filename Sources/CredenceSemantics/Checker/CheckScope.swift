/// How much of a program the checker checks.
///
/// Tests are to a policy what test code is to a program: `credence check` and
/// `credence test` check them, and a command that only evaluates decisions leaves them out,
/// as a compiler leaves test code out of a normal build (docs/decisions.md). Tests are half
/// of the checking work on the policy library, and nothing a decision computes depends on
/// them.
public enum CheckScope: Sendable, Hashable {
  /// Every declaration, tests included: `credence check`, `credence test`, the REPL.
  case everything
  /// Everything but the bodies of tests (`credence eval`, whose front end does not even
  /// parse their clauses: `TestBodies.skimmed`). Their descriptions are still collected,
  /// and the names they mention count as used, so that no "never used" warning appears
  /// that a full check would not give; what only a test's body could be found to contain
  /// (type errors, unknown names, test warnings) is left to a full check.
  case withoutTests
}

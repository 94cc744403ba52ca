/// Whether the parser builds the clauses of tests or only passes over them.
///
/// `credence eval` leaves tests out (docs/decisions.md): it reads a test only as far as its
/// description and date and where it ends, as a compiler leaves out test code in a normal
/// build. The tokens of its clauses are still lexed (a lexical error anywhere is reported),
/// and the names written in them are kept (`TestDeclaration.mentionedNames`), so that a
/// name only tests use is not reported as never used.
public enum TestBodies: Sendable, Hashable {
  /// Clauses parsed into trees: every command but `eval`.
  case parsed
  /// Clauses passed over, their syntax unchecked, their names kept.
  case skimmed
}

import CredenceSyntax

/// The static checker: syntax trees of one program → a checked program and diagnostics.
///
/// Checking never stops at the first mistake: every file is checked and every problem
/// reported, errors and warnings together, sorted by position. A checked program is
/// produced only when there is no error (warnings allowed).
public enum Checker {
  /// Checks the files of one program (one namespace).
  ///
  /// Trees may contain `.invalid` nodes where parsing failed; those are skipped quietly, and
  /// since a declaration that failed to parse might have declared or used any name, unknown
  /// names and unused declarations are then not reported (they would only be noise).
  /// With `scope` `.withoutTests` the bodies of tests are not checked (`CheckScope`), and the
  /// program has no tests.
  public static func check(_ files: [FileSyntax], scope: CheckScope = .everything)
    -> CheckOutcome
  {
    let checker = ProgramChecker(files: files)
    checker.checksTests = scope == .everything
    return checker.run()
  }

  /// The built-in functions' names, sorted (for completion in editors).
  public static var builtinFunctionNames: [String] { ProgramChecker.builtinFunctionNames.sorted() }

  /// Checks with other thresholds for checking tests and waves of lets and funds on
  /// several cores (tests compare the parallel and the serial way).
  static func check(_ files: [FileSyntax], parallelThreshold: Int) -> CheckOutcome {
    let checker = ProgramChecker(files: files)
    checker.parallelTestThreshold = parallelThreshold
    checker.parallelBodyThreshold = parallelThreshold
    return checker.run()
  }
}

/// What checking a program found.
public struct CheckOutcome: Sendable {
  /// The checked program; nil when there is an error.
  public var program: CheckedProgram?
  /// Errors and warnings, sorted by position.
  public var diagnostics: [Diagnostic]
  /// Where every name is declared and used, as far as it could be resolved.
  public var index: SymbolIndex

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.containsErrors }
}

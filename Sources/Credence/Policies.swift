import CredenceRuntime
import CredenceSemantics
import CredenceSyntax

/// Policies loaded, checked and compiled for evaluation: what cel-go calls a `Program`.
///
/// The one door the CLI, the REPL and any later tool (a server, a language server) go
/// through to evaluate: ``load(paths:scope:)`` gives the policies or says why not, and an
/// ``Evaluator`` made from them decides one learner, a list of learners, every learner of a
/// record source, or a what-if question. A loaded program is immutable and can be shared
/// between threads; each evaluator keeps per-thread state of its own.
public struct Policies: Sendable {
  /// The compiled program (evaluation, pathways).
  package let program: CompiledProgram
  /// The check that produced it: sources, trees and diagnostics (warnings, when any).
  public let checked: CheckResult

  /// Why policies could not be loaded.
  public enum LoadFailure: Error, Sendable {
    /// A path is missing or a file cannot be read.
    case unreadable(LoadError)
    /// The policies have errors; the check result has every diagnostic.
    case invalid(CheckResult)
  }

  /// Loads the policy files named by `paths` (files or folders), checks and compiles them.
  /// `scope` `.withoutTests` (what evaluating needs) leaves the bodies of tests unchecked.
  public static func load(paths: [String], scope: CheckScope = .withoutTests)
    throws(LoadFailure) -> Policies
  {
    let result: CheckResult
    do {
      result = try FrontEnd.check(paths: paths, scope: scope)
    } catch {
      throw .unreadable(error)
    }
    return try compile(result)
  }

  /// Compiles a check result (the REPL checks text it holds in memory).
  public static func compile(_ result: CheckResult) throws(LoadFailure) -> Policies {
    guard !result.hasErrors, let program = Evaluation.compile(result) else {
      throw .invalid(result)
    }
    return Policies(program: program, checked: result)
  }

  /// Whether a decision reads `learner_facts`: a record source that is told they are not
  /// needed skips that table.
  public var readsFacts: Bool { program.declaresFacts }

  /// Every decision's name, in declaration order.
  public var decisionNames: [String] { program.decisionNames }

  /// Every decision with its title, kind and documentation, in declaration order.
  public var decisionSummaries: [DecisionSummary] {
    DecisionSummary.all(in: program.checked, sources: checked.sources)
  }
}

extension Policies.LoadFailure {
  /// The errors of invalid policies, rendered for a terminal (human format, no colour), or
  /// the load error's one line.
  public var rendered: String {
    switch self {
    case .unreadable(let error):
      return "error[\(error.code)]: \(error.message)\n"
    case .invalid(let result):
      let renderer = DiagnosticRenderer(format: .human, colour: false)
      return renderer.render(
        result.diagnostics.filter(\.isError), sources: result.sources,
        omittedErrors: result.omittedErrors)
    }
  }
}

/// A decision name that is not in the policies, with the closest one that is.
public struct UnknownDecision: Error, Sendable, Hashable {
  public var name: String
  public var suggestion: String?

  /// "no decision named `X` in these policies; did you mean `Y`?"
  public var message: String {
    var message = "no decision named `\(name)` in these policies"
    if let suggestion { message += "; did you mean `\(suggestion)`?" }
    return message
  }
}

extension LoadError {
  /// Whether nothing was found to load (a missing path, a folder without policies), as
  /// opposed to a file that could not be read.
  public var isMissing: Bool {
    switch self {
    case .noSuchPath, .noPolicyFiles: true
    case .unreadable: false
    }
  }
}

import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceValues

/// Pathways as the CLI and REPL use them: a target found by name, a planner, and plans
/// rendered as a table or JSON (docs/pathways.md).
public enum Pathways {
  /// Why a name cannot be a pathway target, in words.
  public struct TargetError: Error, Sendable, Hashable {
    public var message: String
  }

  /// The target named `name`: a stack, or an equivalence with a credit goal.
  public static func target(
    named name: String, credits: ExactDecimal?, in policies: Policies
  ) -> Result<PathwayTarget, TargetError> {
    target(named: name, credits: credits, in: policies.program)
  }

  /// The REPL's door until its session holds `Policies` (it compiles the program it checked).
  package static func target(
    named name: String, credits: ExactDecimal?, in program: CompiledProgram
  ) -> Result<PathwayTarget, TargetError> {
    guard let decision = program.decision(named: name) else {
      var message = "no stack or equivalence named `\(name)` in these policies"
      if let suggestion = Evaluation.suggestion(for: name, in: program) {
        message += "; did you mean `\(suggestion)`?"
      }
      return .failure(TargetError(message: message))
    }
    switch decision {
    case .fund:
      return .failure(
        TargetError(
          message:
            "`\(name)` is a fund: a path leads to a stack, or to an equivalence with a credit "
            + "goal (funding is counted on every path)"))
    case .stack(let id):
      if credits != nil {
        return .failure(
          TargetError(message: "`\(name)` is a stack: a credit goal is only for an equivalence"))
      }
      return .success(.stack(id))
    case .equivalence(let id):
      guard let credits else {
        return .failure(
          TargetError(
            message:
              "`\(name)` is an equivalence: say how many credits it should grant (--credits N)"))
      }
      return .success(.equivalence(id, credits: credits))
    }
  }

  /// A planner over the catalogue, one per thread.
  public static func planner(
    _ policies: Policies, asOf: CivilDate, target: PathwayTarget, catalogue: [Credential],
    options: PathwayOptions
  ) -> PathwayPlanner {
    planner(policies.program, asOf: asOf, target: target, catalogue: catalogue, options: options)
  }

  package static func planner(
    _ program: CompiledProgram, asOf: CivilDate, target: PathwayTarget, catalogue: [Credential],
    options: PathwayOptions
  ) -> PathwayPlanner {
    PathwayPlanner(
      program: program, asOf: asOf, target: target, catalogue: catalogue,
      options: options)
  }

  /// The grades of the target's scale (empty when it has none), lowest first, for checking
  /// `--grade`.
  public static func grades(of target: PathwayTarget, in policies: Policies) -> [String] {
    grades(of: target, in: policies.program)
  }

  package static func grades(of target: PathwayTarget, in program: CompiledProgram) -> [String] {
    let policy: PolicyID =
      switch target {
      case .stack(let id): program.checked[id].policy
      case .equivalence(let id, _): program.checked[id].policy
      }
    guard let scale = program.checked[policy].gradeScale else { return [] }
    return program.checked[scale].scale.grades.map(\.name)
  }
}

extension Pathways {
  /// The title of the target's decision.
  public static func title(of target: PathwayTarget, in policies: Policies) -> String {
    title(of: target, in: policies.program)
  }

  package static func title(of target: PathwayTarget, in program: CompiledProgram) -> String {
    switch target {
    case .stack(let id): program.checked[id].title
    case .equivalence(let id, _): program.checked[id].title
    }
  }
}

import CredenceSemantics
import CredenceSyntax

/// A decision as a service lists it: its name, title, kind and the author's documentation.
public struct DecisionSummary: Sendable, Hashable {
  public enum Kind: String, Sendable {
    case fund, stack, equivalence
  }

  public var name: String
  public var title: String
  public var kind: Kind
  /// Whether a fund decides once per enrolment (else once per learner).
  public var perEnrolment: Bool
  /// The `##` documentation, its lines joined by spaces; empty when there is none.
  public var documentation: String
  /// The title of the policy that declares the decision.
  public var policy: String

  /// Every decision of `program`, in declaration order.
  public static func all(in program: CheckedProgram, sources: SourceSet) -> [DecisionSummary] {
    program.decisions.map { decision in
      switch decision {
      case .fund(let id):
        let fund = program[id]
        return DecisionSummary(
          name: fund.name, title: fund.title, kind: .fund, perEnrolment: fund.perEnrolment != nil,
          documentation: fund.documentation.joined(separator: " "),
          policy: program[fund.policy].title)
      case .stack(let id):
        let stack = program[id]
        return DecisionSummary(
          name: stack.name, title: stack.title, kind: .stack, perEnrolment: false,
          documentation: stack.documentation.joined(separator: " "),
          policy: program[stack.policy].title)
      case .equivalence(let id):
        let equivalence = program[id]
        return DecisionSummary(
          name: equivalence.name, title: equivalence.title, kind: .equivalence,
          perEnrolment: false, documentation: equivalence.documentation.joined(separator: " "),
          policy: program[equivalence.policy].title)
      }
    }
  }
}

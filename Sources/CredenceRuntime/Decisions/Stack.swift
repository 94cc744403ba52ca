import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// A compiled `stack`.
struct CompiledStack: Sendable {
  var name: String
  var title: String
  var policy: Int
  var pool: CompiledExpr?
  var requirements: [CompiledRequirement]
  var localCount: Int
  var span: Span
}

/// A compiled requirement of a stack.
final class CompiledRequirement: Sendable {
  enum Quantifier: Sendable {
    case all
    case any
    case atLeast(CompiledExpr)
  }

  enum Kind: Sendable {
    case group(Quantifier, [CompiledRequirement])
    case codes(Quantifier, CompiledExpr)
    /// `at least N credentials|credits [where c]`; without a filter it is a total.
    case count(
      minimum: CompiledExpr, unit: CountUnit, filter: (slot: Int, condition: CompiledExpr)?)
    case nested(Int)
    case condition(CompiledExpr)
  }

  let kind: Kind
  let because: String?
  let span: Span

  init(kind: Kind, because: String?, span: Span) {
    self.kind = kind
    self.because = because
    self.span = span
  }
}

extension Compiler {
  func compileStack(_ stack: CheckedStack) -> CompiledStack {
    CompiledStack(
      name: stack.name, title: stack.title, policy: stack.policy.index,
      pool: stack.pool.map(compile), requirements: stack.requirements.map(compileRequirement),
      localCount: stack.localCount, span: stack.span)
  }

  private func compileQuantifier(_ quantifier: CheckedRequirement.Quantifier)
    -> CompiledRequirement.Quantifier
  {
    switch quantifier {
    case .all: .all
    case .any: .any
    case .atLeast(let count): .atLeast(compile(count))
    }
  }

  func compileRequirement(_ requirement: CheckedRequirement) -> CompiledRequirement {
    let kind: CompiledRequirement.Kind
    switch requirement.kind {
    case .group(let quantifier, let children):
      kind = .group(compileQuantifier(quantifier), children.map(compileRequirement))
    case .codes(let quantifier, let codes):
      kind = .codes(compileQuantifier(quantifier), compile(codes))
    case .count(let minimum, let unit, let filter):
      kind = .count(
        minimum: compile(minimum), unit: unit,
        filter: filter.map { ($0.element.index, compile($0.body)) })
    case .nested(let id):
      kind = .nested(id.index)
    case .condition(let condition):
      kind = .condition(compile(condition))
    }
    return CompiledRequirement(kind: kind, because: requirement.because, span: requirement.span)
  }
}

import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// Compiled code: evaluates an expression in the machine's current frame.
typealias Code = @Sendable (Machine) throws(EvaluationFailure) -> Value

/// An expression compiled once into a closure, with the checked expression and its compiled
/// children kept beside it for explanations (whose side pass calls the same closures, so an
/// explanation never computes a value differently from the decision it explains).
final class CompiledExpr: Sendable {
  /// Evaluates the expression.
  let code: Code
  /// The checked expression (its kind, type and span).
  let expr: TypedExpr
  /// The compiled sub-expressions, in the order ``TypedExpr/Node`` lists them.
  let children: [CompiledExpr]
  /// The value, when the expression depends on nothing (folded at compile time).
  let constant: Value?

  init(code: @escaping Code, expr: TypedExpr, children: [CompiledExpr], constant: Value? = nil) {
    self.code = code
    self.expr = expr
    self.children = children
    self.constant = constant
  }

  @inline(__always) func callAsFunction(_ machine: Machine) throws(EvaluationFailure) -> Value {
    try code(machine)
  }
}

/// A compiled `let`.
struct CompiledLet: Sendable {
  var name: String
  var hasParameters: Bool
  var parameterCount: Int
  var localCount: Int
  var body: CompiledExpr
}

/// A compiled `param`: its values and the dates they apply from.
struct CompiledParam: Sendable {
  var name: String
  var values: [(from: CredenceValues.CivilDate?, value: CompiledExpr)]
  var localCount: Int
}

/// A policy file's effective dates.
struct PolicyDates: Sendable {
  var title: String
  var effective: CredenceValues.CivilDate?
  var until: CredenceValues.CivilDate?

  func isInEffect(on date: CredenceValues.CivilDate) -> Bool {
    if let effective, date < effective { return false }
    if let until, date > until { return false }
    return true
  }
}

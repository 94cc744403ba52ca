import CredenceSemantics

/// Which conditions on an award can be decided from the award alone, once for every learner.
///
/// A condition is *static* when it reads only the element's own fields (its credential,
/// grade, date…), constants, params and the evaluation date, directly or through `let`s
/// that do the same. Such a condition gives the same answer for a hypothetical award on a
/// blank learner as on any real learner, so a credential it rejects can be left out of a
/// pathway search for everyone. Anything that reads the learner (facts, other awards,
/// balances, decisions) is not static.
struct StaticConditions {
  let program: CheckedProgram
  /// Lets already classified, by index.
  private var lets: [Int: Bool] = [:]

  init(program: CheckedProgram) {
    self.program = program
  }

  /// Whether `expr` is static with the locals in `bound` set (the element and the binders
  /// of enclosing filters); `anyLocal` accepts every local (the body of a let with
  /// parameters whose arguments are static).
  mutating func isStatic(_ expr: TypedExpr, bound: Set<LocalSlot>, anyLocal: Bool = false)
    -> Bool
  {
    func check(_ child: TypedExpr, adding slot: LocalSlot? = nil) -> Bool {
      var inner = bound
      if let slot { inner.insert(slot) }
      return isStatic(child, bound: inner, anyLocal: anyLocal)
    }
    switch expr.node {
    case .constant, .asOf, .param: return true
    case .learner, .fact, .decision, .claim: return false
    case .local(let slot): return anyLocal || bound.contains(slot)
    case .value(let id): return isStaticLet(id.index)
    case .call(let id, let arguments):
      return arguments.allSatisfy { check($0) } && isStaticLet(id.index)
    case .builtin(.balance, _): return false  // reads the learner's ledger
    case .filter(let list, let element, let condition):
      return check(list) && check(condition, adding: element)
    case .distinct(let list, let element, let key):
      return check(list) && check(key, adding: element)
    case .aggregate(_, let list, let perElement):
      guard check(list) else { return false }
      guard let perElement else { return true }
      return check(perElement.body, adding: perElement.element)
    default:
      return expr.node.operands.allSatisfy { check($0) }
    }
  }

  /// Whether a let's body is static (its own locals are its parameters and binders).
  private mutating func isStaticLet(_ index: Int) -> Bool {
    if let known = lets[index] { return known }
    lets[index] = false  // lets are acyclic (the checker says so); this only guards
    let result = isStatic(program.lets[index].body, bound: [], anyLocal: true)
    lets[index] = result
    return result
  }

  /// The conjuncts of a condition: `a and b and c` → `[a, b, c]`. Under Kleene logic a
  /// false conjunct makes the whole false whatever the others are.
  static func conjuncts(of condition: TypedExpr) -> [TypedExpr] {
    guard case .and(let left, let right) = condition.node else { return [condition] }
    return conjuncts(of: left) + conjuncts(of: right)
  }
}

extension TypedExpr.Node {
  /// The direct sub-expressions, in the order the node lists them (binders aside).
  var operands: [TypedExpr] {
    switch self {
    case .constant, .local, .asOf, .learner, .fact, .param, .value, .decision: []
    case .list(let items): items
    case .paramOn(_, let date): [date]
    case .call(_, let arguments): arguments
    case .claim(_, let id): [id]
    case .field(let record, _), .projection(let record, _), .decisionField(let record, _):
      [record]
    case .negate(_, let operand), .not(let operand), .status(let operand, _),
      .presence(let operand, _), .assertCurrency(let operand, _):
      [operand]
    case .and(let a, let b), .or(let a, let b), .arithmetic(_, let a, let b),
      .compare(_, let a, let b):
      [a, b]
    case .contains(let element, let list, _): [element, list]
    case .conditional(let condition, let then, let otherwise): [condition, then, otherwise]
    case .firstMatch(let table): table.rows.flatMap { [$0.condition, $0.result].compactMap { $0 } }
    case .filter(let list, _, let condition): [list, condition]
    case .distinct(let list, _, let key): [list, key]
    case .aggregate(_, let list, let perElement): [list] + (perElement.map { [$0.body] } ?? [])
    case .extremum(_, let items): items
    case .round(let value, let places, _): [value, places]
    case .builtin(_, let arguments): arguments
    }
  }
}

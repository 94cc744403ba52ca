import CredenceSyntax
import CredenceValues

/// A program that passed the checker: the evaluator's only input besides the records.
///
/// A pure value in the style of cel-go's checked AST: `Sendable`, immutable once built,
/// safe to share between threads and to cache. Declarations live in tables indexed by
/// typed ids; expressions inside them are `TypedExpr` trees whose names are all resolved
/// to ids, frame slots and enum cases. See `README.md` in this folder for how to evaluate
/// one.
public struct CheckedProgram: Sendable {
  /// One per file, in `FileID` order.
  public var policies: [CheckedPolicy]
  public var scales: [CheckedScale]
  public var params: [CheckedParam]
  public var facts: [CheckedFact]
  public var lets: [CheckedLet]
  public var stacks: [CheckedStack]
  public var funds: [CheckedFund]
  public var equivalences: [CheckedEquivalence]
  public var tests: [CheckedTest]
  /// Every param, let and decision, each after everything it uses: evaluating in this
  /// order never needs a value not yet computed (there are no cycles).
  public var evaluationOrder: [DefinitionID]
  /// What each definition uses directly (params, lets, decisions), each once.
  public var dependencies: [DefinitionID: [DefinitionID]]
  /// The top-level names, for lookups by name at setup time (`--decision NAME`, the REPL).
  public var symbols: [String: Symbol]

  /// The decisions in declaration order: stacks, funds, equivalences of each file.
  public var decisions: [DecisionID] {
    var result: [(Span, DecisionID)] = []
    for (i, s) in stacks.enumerated() { result.append((s.span, .stack(StackID(i)))) }
    for (i, f) in funds.enumerated() { result.append((f.span, .fund(FundID(i)))) }
    for (i, e) in equivalences.enumerated() {
      result.append((e.span, .equivalence(EquivalenceID(i))))
    }
    return result.sorted { a, b in
      (a.0.file, a.0.start) < (b.0.file, b.0.start)
    }.map(\.1)
  }

  /// The symbol declared as `name`, if any.
  public func symbol(named name: String) -> Symbol? { symbols[name] }

  /// The decision declared as `name`, if there is one.
  public func decision(named name: String) -> DecisionID? {
    switch symbols[name] {
    case .stack(let id): .stack(id)
    case .fund(let id): .fund(id)
    case .equivalence(let id): .equivalence(id)
    default: nil
    }
  }

  public subscript(id: PolicyID) -> CheckedPolicy { policies[id.index] }
  public subscript(id: ScaleID) -> CheckedScale { scales[id.index] }
  public subscript(id: ParamID) -> CheckedParam { params[id.index] }
  public subscript(id: FactID) -> CheckedFact { facts[id.index] }
  public subscript(id: LetID) -> CheckedLet { lets[id.index] }
  public subscript(id: StackID) -> CheckedStack { stacks[id.index] }
  public subscript(id: FundID) -> CheckedFund { funds[id.index] }
  public subscript(id: EquivalenceID) -> CheckedEquivalence { equivalences[id.index] }
  public subscript(id: TestID) -> CheckedTest { tests[id.index] }

  /// A decision's name.
  public func name(of decision: DecisionID) -> String {
    switch decision {
    case .stack(let id): self[id].name
    case .fund(let id): self[id].name
    case .equivalence(let id): self[id].name
    }
  }

  /// The policy a decision belongs to (for *not in effect*).
  public func policy(of decision: DecisionID) -> PolicyID {
    switch decision {
    case .stack(let id): self[id].policy
    case .fund(let id): self[id].policy
    case .equivalence(let id): self[id].policy
    }
  }

  /// A type as policies write it (`Money(SGD)`, `Grade(nus_grade)`), for messages.
  public func describe(_ type: ValueType) -> String {
    TypeNames.describe(type) {
      self[$0].name
    } decisionName: {
      self.name(of: $0)
    }
  }
}

/// How types are written in messages: as in declarations.
enum TypeNames {
  static func describe(
    _ type: ValueType, scaleName: (ScaleID) -> String, decisionName: (DecisionID) -> String
  ) -> String {
    switch type {
    case .bool: "Bool"
    case .number: "Number"
    case .percent: "Percent"
    case .money(let currency?): "Money(\(currency))"
    case .money(nil): "Money"
    case .text: "Text"
    case .date: "Date"
    case .duration: "Duration"
    case .grade(let scale): "Grade(\(scaleName(scale)))"
    case .list(let element):
      "List(\(describe(element, scaleName: scaleName, decisionName: decisionName)))"
    case .record(let kind): kind.rawValue
    case .decision(let id):
      switch id {
      case .stack: "the stack `\(decisionName(id))`"
      case .fund: "the fund `\(decisionName(id))`"
      case .equivalence: "the equivalence `\(decisionName(id))`"
      }
    case .unknown: "unknown"
    }
  }
}

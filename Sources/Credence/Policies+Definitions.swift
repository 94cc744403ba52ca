import CredenceSemantics

/// What an interactive tool (the REPL, a language server) reads of loaded policies besides
/// their decisions: the names defined, their types and documentation.
extension Policies {
  /// Every name the policies define (scales, params, facts, lets, decisions), unordered.
  public var definitionNames: [String] { Array(program.checked.symbols.keys) }

  /// The grade scales the policies declare, in declaration order: a what-if form checks an
  /// award's grade against them.
  public var gradeScales: [GradeScale] { program.checked.scales.map(\.scale) }

  /// The names of the declared facts (read as `learner.NAME`), in declaration order.
  public var factNames: [String] { program.checked.facts.map(\.name) }

  /// The type of the `let` named `name`, in words (`Money(SGD)`); nil when no `let` has it.
  public func typeOfLet(named name: String) -> String? {
    let checked = program.checked
    guard case .let(let id) = checked.symbol(named: name) else { return nil }
    return checked.describe(checked[id].type)
  }

  /// The `##` documentation of the definition named `name`, a decision's title first; nil
  /// when nothing has that name.
  public func documentation(of name: String) -> [String]? {
    let checked = program.checked
    guard let symbol = checked.symbol(named: name) else { return nil }
    switch symbol {
    case .scale(let id): return checked[id].documentation
    case .param(let id): return checked[id].documentation
    case .fact(let id): return checked[id].documentation
    case .let(let id): return checked[id].documentation
    case .stack(let id): return [checked[id].title] + checked[id].documentation
    case .fund(let id): return [checked[id].title] + checked[id].documentation
    case .equivalence(let id): return [checked[id].title] + checked[id].documentation
    }
  }
}

import CredenceSyntax

extension ProgramChecker {
  /// The nesting inside a definition's own text (``Declaration/nesting``).
  func nesting(_ id: DefinitionID) -> Int {
    switch id {
    case .param(let p): paramDecls[p.index].nesting
    case .let(let l): letDecls[l.index].nesting
    case .stack(let s): stackDecls[s.index].nesting
    case .fund(let f): fundDecls[f.index].nesting
    case .equivalence(let e): equivalenceDecls[e.index].nesting
    }
  }

  /// The levels a definition itself counts for, before its nesting: a decision (a stack, a
  /// fund, an equivalence) takes several times the stack of a `let` to decide, measured in a
  /// debug build (about 13 KiB against 3 KiB).
  func ownLevels(_ id: DefinitionID) -> Int {
    switch id {
    case .param, .let: 1
    case .stack, .fund, .equivalence: CheckerLimits.decisionEvaluationLevels
    }
  }

  /// Pass 5: how deep evaluating each definition recurses, and an error where that passes
  /// `CheckerLimits.maximumEvaluationDepth`.
  ///
  /// The evaluator computes a definition by computing the ones it uses first, on the native
  /// stack: a chain of 20,000 `let`s, each using the one before, or 3,500 stacks each
  /// requiring the one before, would exhaust it. A definition's depth is its own levels
  /// (``ownLevels(_:)``), its own nesting, and the depth of the deepest definition it uses; `order` has
  /// dependencies first, so one pass over it computes them all, without recursion. Only the
  /// first definitions past the limit are reported: the ones using them are past it because
  /// of them.
  func checkEvaluationDepth(order: [DefinitionID]) {
    var depths: [DefinitionID: (depth: Int, chain: Int, next: (DefinitionID, Span)?)] = [:]
    depths.reserveCapacity(order.count)
    var tooDeep: Set<DefinitionID> = []
    for id in order where !cycleMembers.contains(id) {
      var deepestUse: (depth: Int, chain: Int, next: (DefinitionID, Span)?) = (0, 0, nil)
      var usesTooDeep = false
      for (target, span) in edges[id] ?? [] {
        if tooDeep.contains(target) { usesTooDeep = true }
        if let used = depths[target], used.depth > deepestUse.depth {
          deepestUse = (used.depth, used.chain, (target, span))
        }
      }
      let depth = ownLevels(id) + nesting(id) + deepestUse.depth
      depths[id] = (depth, deepestUse.chain + 1, deepestUse.next)
      deepestEvaluation = max(deepestEvaluation, depth)
      guard depth > CheckerLimits.maximumEvaluationDepth || usesTooDeep else { continue }
      tooDeep.insert(id)
      guard !usesTooDeep else { continue }
      reportTooDeep(id, chain: deepestUse.chain + 1, next: deepestUse.next)
    }
  }

  private func reportTooDeep(_ id: DefinitionID, chain: Int, next: (DefinitionID, Span)?) {
    let (name, span) = nameAndSpan(id)
    let limit = CheckerLimits.maximumEvaluationDepth
    var labels: [Diagnostic.Label] = []
    if let (target, useSpan) = next {
      labels.append(.init("`\(name)` uses `\(nameAndSpan(target).0)` here", at: useSpan))
    }
    let through =
      chain > 1 ? ", through a chain of \(chain) definitions each using the next" : ""
    error(
      .evaluationTooDeep,
      "computing `\(name)` goes more than \(limit) levels deep\(through)",
      at: span, labels: labels,
      help: "shorten the chain: compute several steps in one definition, or use a list and "
        + "an aggregate (`sum`, `all`, `count`) instead of one definition per item")
  }
}

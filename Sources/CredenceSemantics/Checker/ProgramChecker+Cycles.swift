import CredenceSyntax

extension ProgramChecker {
  /// Every definition that can take part in a cycle.
  var allDefinitions: [DefinitionID] {
    paramDecls.indices.map { .param(ParamID($0)) } + letDecls.indices.map { .let(LetID($0)) }
      + stackDecls.indices.map { .stack(StackID($0)) } + fundDecls.indices.map { .fund(FundID($0)) }
      + equivalenceDecls.indices.map { .equivalence(EquivalenceID($0)) }
  }

  /// The name of a definition and where it is declared.
  func nameAndSpan(_ id: DefinitionID) -> (String, Span) {
    switch id {
    case .param(let p): (paramDecls[p.index].syntax.name.text, paramDecls[p.index].syntax.name.span)
    case .let(let l): (letDecls[l.index].syntax.name.text, letDecls[l.index].syntax.name.span)
    case .stack(let s): (stackDecls[s.index].syntax.name.text, stackDecls[s.index].syntax.name.span)
    case .fund(let f): (fundDecls[f.index].syntax.name.text, fundDecls[f.index].syntax.name.span)
    case .equivalence(let e):
      (equivalenceDecls[e.index].syntax.name.text, equivalenceDecls[e.index].syntax.name.span)
    }
  }

  /// Pass 4: strongly connected components of the uses (Tarjan, iteratively, so a long
  /// chain of definitions cannot exhaust the stack). Each cycle is reported once; the
  /// components come out dependencies first, which is the evaluation order.
  func checkCycles() -> [DefinitionID] {
    // Definitions are numbered densely in the order of `allDefinitions`, and the search runs
    // over arrays: with dictionaries keyed by definition, hashing was most of its cost.
    let nodes = allDefinitions
    let bases = [
      0, paramDecls.count, paramDecls.count + letDecls.count,
      paramDecls.count + letDecls.count + stackDecls.count,
      paramDecls.count + letDecls.count + stackDecls.count + fundDecls.count,
    ]
    func number(_ id: DefinitionID) -> Int {
      switch id {
      case .param(let p): bases[0] + p.index
      case .let(let l): bases[1] + l.index
      case .stack(let s): bases[2] + s.index
      case .fund(let f): bases[3] + f.index
      case .equivalence(let e): bases[4] + e.index
      }
    }
    var targets = [[Int]](repeating: [], count: nodes.count)
    for (from, list) in edges { targets[number(from)] = list.map { number($0.target) } }
    let unvisited = -1
    var index = [Int](repeating: unvisited, count: nodes.count)
    var lowLink = [Int](repeating: 0, count: nodes.count)
    var onStack = [Bool](repeating: false, count: nodes.count)
    var stack: [Int] = []
    var order: [DefinitionID] = []
    var counter = 0
    for root in nodes.indices where index[root] == unvisited {
      var work: [(node: Int, next: Int)] = [(root, 0)]
      index[root] = counter
      lowLink[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let (node, next) = work.last {
        if next < targets[node].count {
          work[work.count - 1].next += 1
          let target = targets[node][next]
          if index[target] == unvisited {
            index[target] = counter
            lowLink[target] = counter
            counter += 1
            stack.append(target)
            onStack[target] = true
            work.append((target, 0))
          } else if onStack[target] {
            lowLink[node] = min(lowLink[node], index[target])
          }
          continue
        }
        work.removeLast()
        if let (parent, _) = work.last {
          lowLink[parent] = min(lowLink[parent], lowLink[node])
        }
        guard lowLink[node] == index[node] else { continue }
        var component: [DefinitionID] = []
        while let member = stack.popLast() {
          onStack[member] = false
          component.append(nodes[member])
          if member == node { break }
        }
        order.append(contentsOf: component.reversed())
        let selfLoop = targets[node].contains(node)
        if component.count > 1 || selfLoop {
          cycleMembers.formUnion(component)
          reportCycle(Set(component))
        }
      }
    }
    return order
  }

  /// Reports one cycle through a component, starting at its first declaration.
  private func reportCycle(_ component: Set<DefinitionID>) {
    guard
      let start = component.min(by: { a, b in
        let (x, y) = (nameAndSpan(a).1, nameAndSpan(b).1)
        return (x.file, x.start) < (y.file, y.start)
      })
    else { return }
    // Breadth-first search inside the component for the shortest way back to `start`.
    var previous: [DefinitionID: (DefinitionID, Span)] = [:]
    var queue: [DefinitionID] = [start]
    var head = 0
    var closing: (DefinitionID, Span)?
    search: while head < queue.count {
      let node = queue[head]
      head += 1
      for (target, span) in edges[node] ?? [] where component.contains(target) {
        if target == start {
          closing = (node, span)
          break search
        }
        if previous[target] == nil {
          previous[target] = (node, span)
          queue.append(target)
        }
      }
    }
    guard let (last, lastSpan) = closing else { return }
    var links: [(DefinitionID, DefinitionID, Span)] = [(last, start, lastSpan)]
    var node = last
    while node != start, let (before, span) = previous[node] {
      links.append((before, node, span))
      node = before
    }
    links.reverse()
    let names = [nameAndSpan(start).0] + links.map { nameAndSpan($0.1).0 }
    let path = names.map { "`\($0)`" }.joined(separator: " → ")
    let (startName, startSpan) = nameAndSpan(start)
    let message =
      links.count == 1
      ? "`\(startName)` uses itself: \(path)"
      : "`\(startName)` depends on itself: \(path)"
    error(
      .dependencyCycle, message, at: startSpan,
      labels: links.map { from, to, span in
        .init("`\(nameAndSpan(from).0)` uses `\(nameAndSpan(to).0)` here", at: span)
      },
      help: "definitions cannot depend on themselves, directly or through others (every "
        + "program must finish): compute one of them without the others")
  }
}

extension ProgramChecker {
  /// Types that on-demand checking gave up on, outside any cycle (a cycle is reported on
  /// its own and explains them).
  func reportInferenceCutoffs() {
    var reported: Set<DefinitionID> = []
    for (definition, span) in inferenceCutoffs
    where !cycleMembers.contains(definition) && reported.insert(definition).inserted {
      let (name, _) = nameAndSpan(definition)
      let help =
        switch definition {
        case .fund:
          "declare the type of the `let`s its amount uses, such as `let x: Money(SGD) = …`"
        default: "declare its type, such as `let \(name): Number = …`"
        }
      error(
        .inferenceTooDeep,
        "the type of `\(name)` is inferred through more than \(inferenceDepthLimit) definitions that mention each other",
        at: span, help: help)
    }
  }
}

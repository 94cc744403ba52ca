import CredenceSyntax

/// Uses recorded while checking, turned into a `SymbolIndex` at the end of a run.
struct RecordedUses {
  var symbols: [(span: Span, symbol: Symbol)] = []
  var locals: [(span: Span, local: Local)] = []
  var fields: [(span: Span, field: Field, type: ValueType)] = []

  mutating func append(_ other: RecordedUses) {
    symbols.append(contentsOf: other.symbols)
    locals.append(contentsOf: other.locals)
    fields.append(contentsOf: other.fields)
  }
}

extension ProgramChecker {
  /// The program's names, where they are declared and where each is used.
  func buildIndex() -> SymbolIndex {
    var index = SymbolIndex()
    var symbolIndex: [Symbol: Int] = [:]
    func add(_ symbol: Symbol, _ declaration: SymbolIndex.Declaration) {
      symbolIndex[symbol] = index.declarations.count
      index.declarations.append(declaration)
    }
    func entry<S>(
      _ declared: Declared<S>, _ name: Name, _ kind: SymbolIndex.Kind, type: ValueType? = nil
    ) -> SymbolIndex.Declaration {
      SymbolIndex.Declaration(
        name: name.text, kind: kind, nameSpan: name.span, span: declared.span,
        type: type.map(describe), parameters: nil, title: nil,
        documentation: declared.documentation, values: [])
    }
    for (i, declared) in scaleDecls.enumerated() {
      var declaration = entry(declared, declared.syntax.name, .scale)
      declaration.grades = declared.syntax.grades.map(\.label.value)
      add(.scale(ScaleID(i)), declaration)
    }
    for (i, declared) in paramDecls.enumerated() {
      var declaration = entry(
        declared, declared.syntax.name, .param,
        type: paramTypes.indices.contains(i) ? paramTypes[i] : nil)
      declaration.values = declared.syntax.values.map {
        SymbolIndex.DatedValue(from: $0.from.map { "\($0.value)" }, value: $0.value.span)
      }
      add(.param(ParamID(i)), declaration)
    }
    for (i, declared) in factDecls.enumerated() {
      add(
        .fact(FactID(i)),
        entry(
          declared, declared.syntax.name, .fact,
          type: factTypes.indices.contains(i) ? factTypes[i] : nil))
    }
    for (i, declared) in letDecls.enumerated() {
      let type = letDeclaredTypes.indices.contains(i) ? letDeclaredTypes[i] ?? lets[i]?.type : nil
      var declaration = entry(declared, declared.syntax.name, .let, type: type)
      if letParameters.indices.contains(i), let parameters = letParameters[i] {
        declaration.parameters =
          "(" + parameters.map { "\($0.name): \(describe($0.type))" }.joined(separator: ", ") + ")"
      }
      add(.let(LetID(i)), declaration)
    }
    for (i, declared) in stackDecls.enumerated() {
      var declaration = entry(declared, declared.syntax.name, .stack)
      declaration.title = declared.syntax.title.value
      add(.stack(StackID(i)), declaration)
    }
    for (i, declared) in fundDecls.enumerated() {
      var declaration = entry(declared, declared.syntax.name, .fund)
      declaration.title = declared.syntax.title.value
      add(.fund(FundID(i)), declaration)
    }
    for (i, declared) in equivalenceDecls.enumerated() {
      var declaration = entry(declared, declared.syntax.name, .equivalence)
      declaration.title = declared.syntax.title.value
      add(.equivalence(EquivalenceID(i)), declaration)
    }
    for use in uses.symbols {
      guard let target = symbolIndex[use.symbol] else { continue }
      index.occurrences.append(.init(span: use.span, target: .declaration(target)))
    }
    var localIndex: [Span: Int] = [:]
    for use in uses.locals {
      let target: Int
      if let known = localIndex[use.local.span] {
        target = known
      } else {
        target = index.declarations.count
        localIndex[use.local.span] = target
        index.declarations.append(
          SymbolIndex.Declaration(
            name: use.local.name, kind: .local, nameSpan: use.local.span, span: use.local.span,
            type: describe(use.local.type), parameters: nil, title: nil, documentation: [],
            values: []))
      }
      index.occurrences.append(.init(span: use.span, target: .declaration(target)))
    }
    for use in uses.fields {
      index.occurrences.append(
        .init(
          span: use.span,
          target: .field(
            SymbolIndex.FieldInfo(
              qualifiedName: use.field.qualifiedName, type: describe(use.type),
              meaning: use.field.meaning))))
    }
    return index
  }
}

import CredenceSemantics
import CredenceSyntax

/// Names in checked policies as an editor asks about them: what is at a position, where it
/// is declared, where it is used, a file's outline, the workspace's symbols.
///
/// Built from a `CheckResult`'s symbol index, which the checker fills as it resolves names
/// (the same checker as `credence check`): nothing is resolved a second time here.
public struct PolicyNavigator: Sendable {
  /// The sources the index points into.
  public let sources: SourceSet
  /// Where every name is declared and used.
  public let index: SymbolIndex

  public init(_ result: CheckResult) {
    self.init(sources: result.sources, index: result.index)
  }

  public init(sources: SourceSet, index: SymbolIndex) {
    self.sources = sources
    self.index = index
  }

  /// The name at `offset` of `file` (a use, or a declaration's own name) and what it is.
  public func target(in file: FileID, at offset: Int) -> (span: Span, target: SymbolIndex.Target)? {
    func contains(_ span: Span) -> Bool {
      span.file == file && span.start <= offset && offset <= span.end && span.start < span.end
    }
    // The narrowest use wins (a fact read as `learner.x` is recorded on the whole access).
    let use = index.occurrences.filter { contains($0.span) }
      .min { $0.span.end - $0.span.start < $1.span.end - $1.span.start }
    if let use { return (use.span, use.target) }
    for (i, declaration) in index.declarations.enumerated() where contains(declaration.nameSpan) {
      return (declaration.nameSpan, .declaration(i))
    }
    return nil
  }

  /// The declaration of the name at `offset`, when it is one.
  public func declaration(in file: FileID, at offset: Int) -> SymbolIndex.Declaration? {
    guard case .declaration(let i)? = target(in: file, at: offset)?.target else { return nil }
    return index.declarations[i]
  }

  /// Where the name at `offset` is declared.
  public func definition(in file: FileID, at offset: Int) -> Span? {
    declaration(in: file, at: offset)?.nameSpan
  }

  /// Every place the name at `offset` is written: its uses, and its declaration when
  /// `includingDeclaration`; in file and position order.
  public func references(in file: FileID, at offset: Int, includingDeclaration: Bool) -> [Span] {
    guard case .declaration(let i)? = target(in: file, at: offset)?.target else { return [] }
    var spans = index.occurrences.filter { $0.target == .declaration(i) }.map(\.span)
    if includingDeclaration { spans.append(index.declarations[i].nameSpan) }
    return Set(spans).sorted { ($0.file, $0.start) < ($1.file, $1.start) }
  }

  /// The declarations of `file` in order (its outline); locals are left out.
  public func outline(of file: FileID) -> [SymbolIndex.Declaration] {
    index.declarations.filter { $0.kind != .local && $0.nameSpan.file == file }
      .sorted { $0.nameSpan.start < $1.nameSpan.start }
  }

  /// The program's declarations whose name contains `query` (any case), best matches first:
  /// names starting with it, then the others, each alphabetically.
  public func symbols(matching query: String) -> [SymbolIndex.Declaration] {
    let needle = query.lowercased()
    let found = index.declarations.filter { declaration in
      declaration.kind != .local
        && (needle.isEmpty || declaration.name.lowercased().contains(needle))
    }
    return found.sorted { a, b in
      let (x, y) = (a.name.lowercased().hasPrefix(needle), b.name.lowercased().hasPrefix(needle))
      return x != y ? x : a.name < b.name
    }
  }
}

extension Diagnostic {
  /// The replacement a "did you mean `x`?" help proposes for the diagnostic's span, when
  /// the span is one word (a misspelt name, keyword or grade) that `x` can replace.
  public var suggestedReplacement: String? {
    guard let help, help.hasPrefix("did you mean `"), help.hasSuffix("`?") else { return nil }
    let inner = help.dropFirst("did you mean `".count).dropLast(2)
    guard !inner.isEmpty, !inner.contains("`"), !inner.contains("\n") else { return nil }
    return String(inner)
  }
}

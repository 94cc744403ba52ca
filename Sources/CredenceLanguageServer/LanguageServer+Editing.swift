import Credence

/// The requests about names and text: hover, definition, references, symbols, completion,
/// formatting, quick fixes. All answered from the last check of the workspace (made now if
/// an edit came since) through the facade's `PolicyNavigator` and formatter.
extension LanguageServer {
  /// Answers `method` if it is one of these requests; false otherwise.
  func handleEditorRequest(_ method: String, id: JSONValue, params: JSONValue) throws -> Bool {
    switch method {
    case "textDocument/hover":
      let request = try params.decoded(as: TextDocumentPositionParams.self)
      checkIfStale()
      guard
        let (navigator, uris, file, offset) = locate(request.textDocument.uri, request.position),
        let (span, markdown) = navigator.hover(in: file.id, at: offset),
        let range = Self.range(of: span, in: navigator, uris)?.range
      else { return respondNull(id) }
      respond(id: id, result: Hover(contents: MarkupContent(value: markdown), range: range))
    case "textDocument/definition":
      let request = try params.decoded(as: TextDocumentPositionParams.self)
      checkIfStale()
      guard
        let (navigator, uris, file, offset) = locate(request.textDocument.uri, request.position),
        let span = navigator.definition(in: file.id, at: offset),
        let location = Self.range(of: span, in: navigator, uris)
      else { return respondNull(id) }
      respond(id: id, result: location)
    case "textDocument/references":
      let request = try params.decoded(as: ReferenceParams.self)
      checkIfStale()
      guard let (navigator, uris, file, offset) = locate(request.textDocument.uri, request.position)
      else { return respondNull(id) }
      let spans = navigator.references(
        in: file.id, at: offset, includingDeclaration: request.context?.includeDeclaration ?? true)
      respond(id: id, result: spans.compactMap { Self.range(of: $0, in: navigator, uris) })
    case "textDocument/documentSymbol":
      let request = try params.decoded(as: DocumentParams.self)
      checkIfStale()
      guard let (navigator, uris) = lastNavigation,
        let file = Self.file(request.textDocument.uri, navigator, uris)
      else {
        respond(id: id, result: [DocumentSymbol]())
        return true
      }
      let symbols = navigator.outline(of: file.id).map { declaration in
        DocumentSymbol(
          name: declaration.name, detail: navigator.signature(declaration),
          kind: Self.symbolKind(declaration),
          range: file.range(of: declaration.span),
          selectionRange: file.range(of: declaration.nameSpan))
      }
      respond(id: id, result: symbols)
    case "workspace/symbol":
      let request = try params.decoded(as: WorkspaceSymbolParams.self)
      checkIfStale()
      guard let (navigator, uris) = lastNavigation else {
        respond(id: id, result: [SymbolInformation]())
        return true
      }
      let symbols = navigator.symbols(matching: request.query).compactMap { declaration in
        Self.range(of: declaration.nameSpan, in: navigator, uris).map {
          SymbolInformation(
            name: declaration.name, kind: Self.symbolKind(declaration), location: $0,
            containerName: declaration.kind.rawValue)
        }
      }
      respond(id: id, result: symbols)
    case "textDocument/completion":
      let request = try params.decoded(as: TextDocumentPositionParams.self)
      checkIfStale()
      // The text as typed (the last check has it), the names of the last good check.
      guard let (result, uris) = lastCheck,
        let file = Self.file(request.textDocument.uri, result.sources, uris)
      else {
        respond(id: id, result: [CompletionItem]())
        return true
      }
      let navigator = lastNavigation?.navigator ?? PolicyNavigator(result)
      let items = navigator.completions(in: file, at: file.offset(of: request.position)).map {
        CompletionItem(label: $0.label, kind: Self.completionKind($0.kind), detail: $0.detail)
      }
      respond(id: id, result: items)
    case "textDocument/formatting":
      let request = try params.decoded(as: DocumentParams.self)
      checkIfStale()
      guard let (result, uris) = lastCheck,
        let file = Self.file(request.textDocument.uri, result.sources, uris)
      else { return respondNull(id) }
      var single = SourceSet()
      let copy = single.add(path: file.path, bytes: file.bytes)
      // A file with syntax errors is left as it is, as `credence fmt` leaves it.
      guard let formatted = FrontEnd.format(single).first?.changedText else {
        respond(id: id, result: [TextEdit]())
        return true
      }
      let whole = LSPRange(
        start: Position(line: 0, character: 0), end: copy.position(ofOffset: copy.bytes.count))
      respond(id: id, result: [TextEdit(range: whole, newText: formatted)])
    case "textDocument/codeAction":
      let request = try params.decoded(as: CodeActionParams.self)
      checkIfStale()
      respond(id: id, result: quickFixes(request))
    default:
      return false
    }
    return true
  }

  /// "Did you mean …?" fixes for the diagnostics of the last check that touch the range.
  private func quickFixes(_ request: CodeActionParams) -> [CodeAction] {
    guard let (result, uris) = lastCheck,
      let file = Self.file(request.textDocument.uri, result.sources, uris)
    else {
      return []
    }
    let first = file.offset(of: request.range.start)
    let last = file.offset(of: request.range.end)
    return result.diagnostics.compactMap { diagnostic in
      guard diagnostic.span.file == file.id, diagnostic.span.start <= last,
        first <= diagnostic.span.end,
        let replacement = diagnostic.suggestedReplacement
      else { return nil }
      let range = file.range(of: diagnostic.span)
      return CodeAction(
        title: "Replace with `\(replacement)`",
        diagnostics: [
          DiagnosticConversion.convert(diagnostic, in: file, sources: result.sources, uris: uris)
        ],
        edit: WorkspaceEdit(changes: [
          request.textDocument.uri: [TextEdit(range: range, newText: replacement)]
        ]))
    }
  }

  // MARK: Positions

  /// The navigator, its URIs, the file of `uri` and the offset of `position` in it; nil when
  /// the last check that resolved names did not have that file.
  private func locate(_ uri: String, _ position: Position)
    -> (PolicyNavigator, [FileID: String], SourceFile, Int)?
  {
    guard let (navigator, uris) = lastNavigation, let file = Self.file(uri, navigator, uris) else {
      return nil
    }
    return (navigator, uris, file, file.offset(of: position))
  }

  private static func file(_ uri: String, _ navigator: PolicyNavigator, _ uris: [FileID: String])
    -> SourceFile?
  {
    file(uri, navigator.sources, uris)
  }

  /// The file a URI names, compared as paths (clients spell URIs differently).
  static func file(_ uri: String, _ sources: SourceSet, _ uris: [FileID: String]) -> SourceFile? {
    let path = Workspace.path(ofURI: uri)
    for (id, known) in uris
    where known == uri || (path != nil && Workspace.path(ofURI: known) == path) {
      return sources[id]
    }
    return nil
  }

  private static func range(of span: Span, in navigator: PolicyNavigator, _ uris: [FileID: String])
    -> Location?
  {
    guard let file = navigator.sources[span.file], let uri = uris[span.file] else { return nil }
    return Location(uri: uri, range: file.range(of: span))
  }

  private func respondNull(_ id: JSONValue) -> Bool {
    respond(id: id, result: JSONValue.null)
    return true
  }

  // MARK: Kinds

  static func symbolKind(_ declaration: SymbolIndex.Declaration) -> Int {
    switch declaration.kind {
    case .scale: 10
    case .param: 14
    case .fact: 8
    case .let: declaration.parameters == nil ? 13 : 12
    case .stack, .fund, .equivalence: 5
    case .local: 13
    }
  }

  static func completionKind(_ kind: PolicyCompletion.Kind) -> Int {
    switch kind {
    case .name(.let), .function: 3
    case .name(.param): 21
    case .name(.fact), .field: 5
    case .name(.scale): 13
    case .name(.stack), .name(.fund), .name(.equivalence): 7
    case .name(.local): 6
    case .keyword: 14
    case .grade: 20
    }
  }
}

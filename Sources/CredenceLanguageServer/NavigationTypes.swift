/// The protocol types of the navigation, completion and editing requests (LSP 3.17), as
/// the specification names them; fields the server does not use are left out.

struct TextDocumentPositionParams: Codable, Sendable {
  var textDocument: TextDocumentIdentifier
  var position: Position
}

struct ReferenceParams: Codable, Sendable {
  struct Context: Codable, Sendable { var includeDeclaration: Bool }
  var textDocument: TextDocumentIdentifier
  var position: Position
  var context: Context?
}

struct DocumentParams: Codable, Sendable {
  var textDocument: TextDocumentIdentifier
}

struct WorkspaceSymbolParams: Codable, Sendable {
  var query: String
}

struct CodeActionParams: Codable, Sendable {
  var textDocument: TextDocumentIdentifier
  var range: LSPRange
}

struct MarkupContent: Codable, Sendable {
  var kind = "markdown"
  var value: String
}

struct Hover: Codable, Sendable {
  var contents: MarkupContent
  var range: LSPRange
}

struct DocumentSymbol: Codable, Sendable {
  var name: String
  var detail: String?
  /// `SymbolKind`: 5 class, 8 field, 10 enum, 12 function, 13 variable, 14 constant.
  var kind: Int
  var range: LSPRange
  var selectionRange: LSPRange
}

struct SymbolInformation: Codable, Sendable {
  var name: String
  var kind: Int
  var location: Location
  var containerName: String?
}

struct CompletionItem: Codable, Sendable {
  var label: String
  /// `CompletionItemKind`: 3 function, 5 field, 6 variable, 7 class, 13 enum, 14 keyword,
  /// 20 enum member, 21 constant.
  var kind: Int
  var detail: String?
}

struct TextEdit: Codable, Sendable {
  var range: LSPRange
  var newText: String
}

struct WorkspaceEdit: Codable, Sendable {
  var changes: [String: [TextEdit]]
}

struct CodeAction: Codable, Sendable {
  var title: String
  var kind = "quickfix"
  var diagnostics: [LSPDiagnostic]
  var isPreferred = true
  var edit: WorkspaceEdit
}

/// The few Language Server Protocol types the server reads and writes, as the
/// specification names them (3.17); fields the server does not use are left out.

struct Position: Codable, Equatable, Sendable {
  /// 0-based line.
  var line: Int
  /// 0-based offset in UTF-16 code units (the protocol's default position encoding).
  var character: Int
}

struct LSPRange: Codable, Equatable, Sendable {
  var start: Position
  var end: Position
}

struct Location: Codable, Equatable, Sendable {
  var uri: String
  var range: LSPRange
}

struct DiagnosticRelatedInformation: Codable, Equatable, Sendable {
  var location: Location
  var message: String
}

struct LSPDiagnostic: Codable, Equatable, Sendable {
  var range: LSPRange
  /// 1 error, 2 warning, 3 information, 4 hint.
  var severity: Int
  var code: String
  var source: String
  var message: String
  var relatedInformation: [DiagnosticRelatedInformation]?
}

struct PublishDiagnosticsParams: Codable, Sendable {
  var uri: String
  var diagnostics: [LSPDiagnostic]
}

struct WorkspaceFolder: Codable, Sendable {
  var uri: String
  var name: String?
}

struct InitializeParams: Codable, Sendable {
  var rootUri: String?
  var rootPath: String?
  var workspaceFolders: [WorkspaceFolder]?
  var capabilities: ClientCapabilities?
}

/// The one client capability the server asks about: whether it may register a file watcher.
struct ClientCapabilities: Codable, Sendable {
  struct Workspace: Codable, Sendable {
    struct DidChangeWatchedFiles: Codable, Sendable {
      var dynamicRegistration: Bool?
    }
    var didChangeWatchedFiles: DidChangeWatchedFiles?
  }
  var workspace: Workspace?

  var watchesFilesOnRequest: Bool {
    workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
  }
}

/// `workspace/didChangeWatchedFiles`: files created (1), changed (2) or deleted (3) on disk.
struct DidChangeWatchedFilesParams: Codable, Sendable {
  struct FileEvent: Codable, Sendable {
    var uri: String
    var type: Int
  }
  var changes: [FileEvent]
}

struct TextDocumentItem: Codable, Sendable {
  var uri: String
  var text: String
}

struct TextDocumentIdentifier: Codable, Sendable {
  var uri: String
}

struct DidOpenTextDocumentParams: Codable, Sendable {
  var textDocument: TextDocumentItem
}

struct TextDocumentContentChangeEvent: Codable, Sendable {
  /// Present only for incremental changes, which the server does not ask for.
  var range: LSPRange?
  var text: String
}

struct DidChangeTextDocumentParams: Codable, Sendable {
  var textDocument: TextDocumentIdentifier
  var contentChanges: [TextDocumentContentChangeEvent]
}

struct DidCloseTextDocumentParams: Codable, Sendable {
  var textDocument: TextDocumentIdentifier
}

/// A message as it arrives: a request (id and method), a notification (method only) or a
/// response to a request of the server's (id only, ignored).
struct IncomingMessage: Decodable, Sendable {
  var id: JSONValue?
  var method: String?
  var params: JSONValue?
}

/// The JSON-RPC error codes the server sends.
enum ErrorCode: Int {
  case parseError = -32700
  case invalidParams = -32602
  case methodNotFound = -32601
  case serverNotInitialized = -32002
  case invalidRequest = -32600
}

import Credence
import Dispatch
import Foundation

/// `credence lsp`: a Language Server Protocol server over standard input and output.
///
/// One thread reads messages; everything else happens in order on one serial queue, so the
/// server's state has a single owner. Diagnostics are debounced: an edit schedules a check
/// of the whole workspace `debounce` later, and a newer edit supersedes it.
public final class LanguageServer: @unchecked Sendable {
  /// How long after the last edit the workspace is checked: long enough for a burst of
  /// keystrokes to make one check, short enough to feel immediate.
  public static let debounce: DispatchTimeInterval = .milliseconds(150)

  let queue = DispatchQueue(label: "credence.lsp")
  private let writer: MessageWriter
  private var workspace = Workspace(root: nil)
  private var initialized = false
  private var shutdownRequested = false
  /// Bumped by every edit; a scheduled check runs only if no edit came after it.
  private var generation = 0
  /// The URIs last published with diagnostics, so a fixed file's list is cleared.
  private var publishedURIs: Set<String> = []
  /// The generation the last check saw: requests about names check first when it is older.
  private var checkedGeneration = -1
  /// Whether the client lets the server register a watcher for policy files.
  private var clientWatchesFiles = false
  /// Checks of the workspace made since the server started (`$/credence/stats`).
  private var checks = 0
  /// The last check and each file's URI.
  var lastCheck: (result: CheckResult, uris: [FileID: String])?
  /// The last check that resolved names (a half-typed file stops the checker; completion
  /// then offers the names of the last good state).
  var lastNavigation: (navigator: PolicyNavigator, uris: [FileID: String])?

  init(writer: MessageWriter) { self.writer = writer }

  /// A server writing to `output` as it is (tests).
  convenience init(output: Int32) { self.init(writer: .writing(to: output)) }

  /// Serves standard input until `exit` (or the end of input), writing every message
  /// through `write` (the executable's output sink); returns the process's exit status (0
  /// after a `shutdown` request, 1 otherwise, as the protocol asks).
  public static func run(writingThrough write: @escaping @Sendable ([UInt8]) -> Void) -> Int32 {
    let server = LanguageServer(writer: MessageWriter(output: write))
    var reader = MessageReader(fileDescriptor: STDIN_FILENO)
    while let body = reader.next() {
      let exitStatus: Int32? = server.queue.sync { server.receive(body) }
      if let exitStatus { return exitStatus }
    }
    return server.queue.sync { server.shutdownRequested ? 0 : 1 }
  }

  /// Handles one message on the queue; an exit status when the message was `exit`.
  func receive(_ body: [UInt8]) -> Int32? {
    guard let message = try? JSONDecoder().decode(IncomingMessage.self, from: Data(body)) else {
      respondError(id: .null, .parseError, "the message is not valid JSON-RPC")
      return nil
    }
    guard let method = message.method else { return nil }  // a response to us: none expected
    if method == "exit" { return shutdownRequested ? 0 : 1 }
    let params = message.params ?? .object([:])
    if let id = message.id {
      handleRequest(method, id: id, params: params)
    } else {
      handleNotification(method, params: params)
    }
    return nil
  }

  private func handleRequest(_ method: String, id: JSONValue, params: JSONValue) {
    guard initialized || method == "initialize" else {
      respondError(id: id, .serverNotInitialized, "the server has not been initialised")
      return
    }
    do {
      switch method {
      case "initialize":
        let initialize = try params.decoded(as: InitializeParams.self)
        let rootURI = initialize.workspaceFolders?.first?.uri ?? initialize.rootUri
        let root = rootURI.flatMap(Workspace.path(ofURI:)) ?? initialize.rootPath
        workspace = Workspace(root: root)
        clientWatchesFiles = initialize.capabilities?.watchesFilesOnRequest ?? false
        initialized = true
        respond(id: id, result: Self.initializeResult)
      case "shutdown":
        shutdownRequested = true
        respond(id: id, result: JSONValue.null)
      case "$/credence/stats":
        respond(id: id, result: Stats(checks: checks, filesRead: workspace.filesRead))
      default:
        guard try handleEditorRequest(method, id: id, params: params) else {
          respondError(id: id, .methodNotFound, "unsupported method `\(method)`")
          return
        }
      }
    } catch {
      respondError(id: id, .invalidParams, "invalid parameters for `\(method)`")
    }
  }

  private func handleNotification(_ method: String, params: JSONValue) {
    guard initialized else { return }
    switch method {
    case "initialized":
      if clientWatchesFiles { registerFileWatcher() }
      scheduleCheck()
    case "textDocument/didOpen":
      guard let open = try? params.decoded(as: DidOpenTextDocumentParams.self) else { return }
      workspace.open(uri: open.textDocument.uri, text: open.textDocument.text)
      scheduleCheck()
    case "textDocument/didChange":
      guard let change = try? params.decoded(as: DidChangeTextDocumentParams.self),
        let text = change.contentChanges.last(where: { $0.range == nil })?.text
      else { return }
      workspace.open(uri: change.textDocument.uri, text: text)
      scheduleCheck()
    case "textDocument/didClose":
      guard let close = try? params.decoded(as: DidCloseTextDocumentParams.self) else { return }
      workspace.close(uri: close.textDocument.uri)
      scheduleCheck()
    case "workspace/didChangeWatchedFiles":
      guard let watched = try? params.decoded(as: DidChangeWatchedFilesParams.self) else { return }
      workspace.changedOnDisk(uris: watched.changes.map(\.uri))
      scheduleCheck()
    case "textDocument/didSave":
      // Without a watcher, a save is when files changed behind the editor are noticed: every
      // check compares each saved file's `stat` with what it was when read.
      scheduleCheck()
    default:
      break  // `$/cancelRequest`, `$/setTrace` and the like: nothing to do
    }
  }

  /// Checks the workspace `debounce` from now unless another edit comes first.
  private func scheduleCheck() {
    generation += 1
    let scheduled = generation
    queue.asyncAfter(deadline: .now() + Self.debounce) { [self] in
      // Superseded by a newer edit, or already checked for a request.
      guard scheduled == generation, checkedGeneration != generation else { return }
      publishDiagnostics()
    }
  }

  /// Checks every file of the workspace through the facade, as `credence check` does, and
  /// publishes each file's diagnostics (an empty list for a file that has none left).
  func publishDiagnostics() {
    checkedGeneration = generation
    checks += 1
    let (sources, uris) = workspace.sources()
    guard !sources.files.isEmpty else { return }
    // Between edits only the edited file changes: the others keep their parse.
    let result = FrontEnd.check(sources, reusing: lastCheck?.result.files ?? [])
    lastCheck = (result, uris)
    if !result.index.declarations.isEmpty { lastNavigation = (PolicyNavigator(result), uris) }
    let byURI = DiagnosticConversion.published(result, uris: uris)
    for uri in publishedURIs.subtracting(byURI.keys) {
      notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, diagnostics: []))
    }
    for (uri, diagnostics) in byURI.sorted(by: { $0.key < $1.key }) {
      // Files without diagnostics are published only to clear what was shown before.
      guard !diagnostics.isEmpty || publishedURIs.contains(uri) else { continue }
      notify(
        "textDocument/publishDiagnostics",
        PublishDiagnosticsParams(uri: uri, diagnostics: diagnostics))
    }
    publishedURIs = Set(byURI.filter { !$0.value.isEmpty }.keys)
  }

  /// Checks now when an edit came after the last check, so that a request about names
  /// sees the text the editor shows (the scheduled check then has nothing left to do).
  func checkIfStale() {
    if checkedGeneration != generation { publishDiagnostics() }
  }

  /// Asks the client to report changes to policy files on disk (`**/*.credence`), so that
  /// a file changed behind the editor is checked again without waiting for an edit.
  private func registerFileWatcher() {
    let watcher: JSONValue = .object([
      "watchers": .array([.object(["globPattern": .string("**/*.\(PolicyFiles.fileExtension)")])])
    ])
    let registration: JSONValue = .object([
      "id": .string("credence-policy-files"),
      "method": .string("workspace/didChangeWatchedFiles"),
      "registerOptions": watcher,
    ])
    send(
      Request(
        id: .string("credence-register-watcher"), method: "client/registerCapability",
        params: JSONValue.object(["registrations": .array([registration])])))
  }

  /// The answer to `$/credence/stats`: counters that let tests see what the server did
  /// (how many checks, how many files it read from disk).
  private struct Stats: Encodable {
    var checks: Int
    var filesRead: Int
  }

  // MARK: Capabilities

  /// Full-text synchronisation: each change carries the whole document, which a policy
  /// file's size makes cheap and which leaves no offsets to get wrong.
  static let initializeResult: JSONValue = .object([
    "capabilities": .object([
      "textDocumentSync": .object([
        "openClose": .bool(true), "change": .number(1),
        "save": .object(["includeText": .bool(false)]),
      ]),
      "hoverProvider": .bool(true),
      "definitionProvider": .bool(true),
      "referencesProvider": .bool(true),
      "documentSymbolProvider": .bool(true),
      "workspaceSymbolProvider": .bool(true),
      "completionProvider": .object([
        "triggerCharacters": .array([.string("."), .string("\"")])
      ]),
      "documentFormattingProvider": .bool(true),
      "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix")])]),
    ]),
    "serverInfo": .object(["name": .string("credence")]),
  ])

  // MARK: Output

  private struct Response<Result: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: JSONValue
    var result: Result
  }

  private struct ErrorResponse: Encodable {
    struct Failure: Encodable {
      var code: Int
      var message: String
    }
    var jsonrpc = "2.0"
    var id: JSONValue
    var error: Failure
  }

  private struct Request<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: JSONValue
    var method: String
    var params: Params
  }

  private struct Notification<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var method: String
    var params: Params
  }

  func respond(id: JSONValue, result: some Encodable) {
    send(Response(id: id, result: result))
  }

  func respondError(id: JSONValue, _ code: ErrorCode, _ message: String) {
    send(ErrorResponse(id: id, error: .init(code: code.rawValue, message: message)))
  }

  private func notify(_ method: String, _ params: some Encodable) {
    send(Notification(method: method, params: params))
  }

  private func send(_ message: some Encodable) {
    guard let data = try? JSONEncoder().encode(message) else { return }
    writer.write(data)
  }
}

import CredenceSample
import CredenceServer
import CredenceStore
import Foundation
import Logging
import Synchronization
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A real server on loopback (an ephemeral port), with a small sample store, the example
/// policy library (or a copy of it) and one key per scope.
final class TestServer: Sendable {
  let port: Int
  let state: ServiceState
  let tokens: [Scope: String]
  /// The folder the policies are read from (a copy, for tests that change them).
  let policyFolder: String
  private let task: Task<Void, any Error>

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let libraryFolder = repositoryRoot.appendingPathComponent("policies").path

  /// The sample store shared by every server of the run (50 learners, seed 7).
  static let store: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-serve-\(getpid()).db").path
    try? FileManager.default.removeItem(atPath: path)
    do {
      _ = try SamplePopulation(learners: 50, seed: 7).write(toFile: path)
    } catch {
      fatalError("the sample store could not be written: \(error)")
    }
    return path
  }()

  /// The server most tests share: the example library, never reloaded.
  static let shared = Task { try await TestServer.start() }

  private init(
    port: Int, state: ServiceState, tokens: [Scope: String], policyFolder: String,
    task: Task<Void, any Error>
  ) {
    self.port = port
    self.state = state
    self.tokens = tokens
    self.policyFolder = policyFolder
    self.task = task
  }

  /// Starts a server; `copyPolicies` serves a private copy of the library that the test
  /// may change. `evaluationTime` and `stepsPerLearner` lower the limits; `logger` hears
  /// the server's logs (none by default).
  static func start(
    copyPolicies: Bool = false, evaluationTime: Duration = ServerLimits.evaluationTime,
    stepsPerLearner: Int? = nil, logger: Logger? = nil
  ) async throws -> TestServer {
    var folder = libraryFolder
    if copyPolicies {
      folder =
        FileManager.default.temporaryDirectory
        .appendingPathComponent("credence-serve-policies-\(UUID().uuidString)").path
      try FileManager.default.copyItem(atPath: libraryFolder, toPath: folder)
    }
    var tokens: [Scope: String] = [:]
    var keys: [APIKey] = []
    for scope in Scope.allCases {
      let (token, key) = APIKey.generate(name: "test-\(scope.rawValue)", scopes: [scope])
      tokens[scope] = token
      keys.append(key)
    }
    var quiet = Logger(label: "credence.serve.test")
    quiet.logLevel = .critical
    let state = ServiceState(
      policies: try PolicyLibrary(paths: [folder]), store: try StoreAccess(path: store),
      keys: KeyStore(KeyRing(keys: keys)), keysPath: nil, metrics: ServerMetrics(),
      logger: logger ?? quiet, evaluationTime: evaluationTime, stepsPerLearner: stepsPerLearner)
    let service = DecisionService(state: state, host: "127.0.0.1", port: 0)
    let bound = PortBox()
    let task = Task {
      try await service.run(shutdownSignals: [], reloadOnSignal: false) { _, port in
        bound.set(port)
      }
    }
    let port = try await bound.wait()
    return TestServer(
      port: port, state: state, tokens: tokens, policyFolder: folder, task: task)
  }

  func stop() {
    task.cancel()
  }

  // MARK: Requests

  struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object (an empty one when it is not).
    var json: [String: Any] {
      (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// `error.code` of an error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }

    func header(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
  }

  enum Credential {
    case none
    case bearer(String)
    case apiKey(String)
  }

  /// A request with the key of `scope` (as a bearer token).
  func request(
    _ method: String, _ path: String, scope: Scope?, body: Data? = nil
  ) async throws -> Reply {
    try await request(
      method, path, credential: scope.map { .bearer(tokens[$0]!) } ?? .none, body: body)
  }

  func request(
    _ method: String, _ path: String, credential: Credential, body: Data? = nil,
    headers: [String: String] = [:]
  ) async throws -> Reply {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.timeoutInterval = 60
    switch credential {
    case .none: break
    case .bearer(let token):
      request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    case .apiKey(let token): request.setValue(token, forHTTPHeaderField: "X-API-Key")
    }
    if let body {
      request.httpBody = body
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
      headers["\(key)"] = "\(value)"
    }
    return Reply(status: http.statusCode, headers: headers, body: data)
  }

  /// `POST path` with a JSON object built from `object`.
  func post(
    _ path: String, scope: Scope?, json object: Any, headers: [String: String] = [:]
  ) async throws -> Reply {
    try await request(
      "POST", path, credential: scope.map { .bearer(tokens[$0]!) } ?? .none,
      body: try JSONSerialization.data(withJSONObject: object), headers: headers)
  }
}

/// The port the server bound, handed from its start-up callback to the test.
private final class PortBox: Sendable {
  private let port = Mutex<Int?>(nil)

  func set(_ value: Int) { port.withLock { $0 = value } }

  /// Waits (bounded: 60 s) for the server to listen.
  func wait() async throws -> Int {
    for _ in 0..<6000 {
      if let value = port.withLock({ $0 }) { return value }
      try await Task.sleep(for: .milliseconds(10))
    }
    throw CancellationError()
  }
}

/// What the server logged, for tests that read its logs.
final class LogCapture: Sendable {
  struct Entry: Sendable {
    var level: Logger.Level
    var message: String
    var metadata: [String: String]
  }

  private let entries = Mutex<[Entry]>([])
  let level: Logger.Level

  init(level: Logger.Level) { self.level = level }

  var logged: [Entry] { entries.withLock { $0 } }

  /// A logger writing here at `level` and above.
  var logger: Logger {
    var logger = Logger(label: "credence.serve.test") { _ in Handler(capture: self) }
    logger.logLevel = level
    return logger
  }

  /// A value, as swift-log wants handlers to be: metadata set on one copy (a request's
  /// logger) stays on that copy.
  struct Handler: LogHandler {
    let capture: LogCapture
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let merged = metadata.merging(event.metadata ?? [:]) { $1 }
      let entry = Entry(
        level: event.level, message: event.message.description,
        metadata: merged.mapValues(\.description))
      capture.entries.withLock { $0.append(entry) }
    }
  }
}

import Credence
import CredenceSample
import CredenceServer
import CredenceStore
import Foundation
import Logging
import Synchronization
import Testing

@testable import CredenceWeb

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The decision service with the pages mounted, on an ephemeral loopback port, over a small
/// sample store and the example policy library, with one key per scope.
final class WebServer: Sendable {
  let port: Int
  let state: ServiceState
  let tokens: [Scope: String]
  private let task: Task<Void, any Error>

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The date every page without `as_of` is decided on.
  static let today = CivilDate(year: 2026, month: 6, day: 30)!

  static let store: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-web-\(getpid()).db").path
    try? FileManager.default.removeItem(atPath: path)
    do {
      _ = try SamplePopulation(learners: 60, seed: 11).write(toFile: path)
    } catch {
      fatalError("the sample store could not be written: \(error)")
    }
    return path
  }()

  static let shared = Task { try await WebServer.start() }

  private init(port: Int, state: ServiceState, tokens: [Scope: String], task: Task<Void, any Error>)
  {
    self.port = port
    self.state = state
    self.tokens = tokens
    self.task = task
  }

  static func start() async throws -> WebServer {
    var tokens: [Scope: String] = [:]
    var keys: [APIKey] = []
    for scope in Scope.allCases {
      let (token, key) = APIKey.generate(name: "web-\(scope.rawValue)", scopes: [scope])
      tokens[scope] = token
      keys.append(key)
    }
    var logger = Logger(label: "credence.web.test")
    logger.logLevel = .critical
    let state = ServiceState(
      policies: try PolicyLibrary(
        paths: [repositoryRoot.appendingPathComponent("policies").path]),
      store: try StoreAccess(path: store), keys: KeyStore(KeyRing(keys: keys)), keysPath: nil,
      metrics: ServerMetrics(), logger: logger)
    let pages = WebPages(today: { WebServer.today })
    let service = DecisionService(
      state: state, host: "127.0.0.1", port: 0, mounts: [pages.mount])
    let bound = Mutex<Int?>(nil)
    let task = Task {
      try await service.run(shutdownSignals: [], reloadOnSignal: false) { _, port in
        bound.withLock { $0 = port }
      }
    }
    for _ in 0..<6000 {
      if let port = bound.withLock({ $0 }) {
        return WebServer(port: port, state: state, tokens: tokens, task: task)
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    throw CancellationError()
  }

  // MARK: Requests

  struct Reply {
    var status: Int
    var headers: [String: String]
    var text: String

    func header(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// The value of the hidden form field `name` (the first one on the page).
    func hiddenField(_ name: String) -> String? {
      guard let start = text.range(of: "name=\"\(name)\" value=\"") else { return nil }
      return String(text[start.upperBound...].prefix { $0 != "\"" })
    }
  }

  /// The cookie of a browser signed in with the key of `scope`.
  func cookie(_ scope: Scope) -> String { "\(PageSession.cookieName)=\(tokens[scope]!)" }

  /// A request as a browser sends it, redirects not followed.
  func request(
    _ method: String, _ path: String, cookie: String? = nil, form: [(String, String)]? = nil
  ) async throws -> Reply {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    request.timeoutInterval = 60
    request.httpShouldHandleCookies = false
    if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
    if let form {
      request.httpBody = Data(
        form.map { Form.encode($0.0) + "=" + Form.encode($0.1) }.joined(separator: "&").utf8)
      request.setValue(
        "application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await Self.session.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
    return Reply(
      status: http.statusCode, headers: headers, text: String(decoding: data, as: UTF8.self))
  }

  /// No cookie jar: each request carries exactly the cookie the test gives it.
  private static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
  }()
}

/// Lets a test see a 303 and its headers instead of the page it leads to.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}

import Credence
import CredenceStore
import Foundation
import Testing

@testable import CredenceServer

/// Every route of the running server, over HTTP on loopback, with every error path.
@Suite struct ServerTests {
  /// The first learner id of the sample store.
  static let learner: String = {
    let source = SQLiteRecordSource(
      store: try! RecordStore.openForReading(at: TestServer.store), readsFacts: false)
    var first: String?
    try! source.forEachBatch(batchSize: 1) { batch in
      if first == nil { first = batch[0].id.description }
    }
    return first!
  }()

  func server() async throws -> TestServer { try await TestServer.shared.value }

  // MARK: Health

  @Test func healthNeedsNoKeyAndSaysOnlyOK() async throws {
    let server = try await server()
    let reply = try await server.request("GET", "/health", scope: nil)
    #expect(reply.status == 200)
    #expect(reply.json["status"] as? String == "ok")
    #expect(reply.header("Credence-Policy-Version")?.hasPrefix("sha256:") == true)
    let ready = try await server.request("GET", "/health/ready", scope: nil)
    #expect(ready.status == 200)
    #expect(ready.json["status"] as? String == "ready")
  }

  // MARK: Keys and scopes

  @Test func missingAndWrongKeysGetTheSame401() async throws {
    let server = try await server()
    let body = try JSONSerialization.data(withJSONObject: ["learner": Self.learner])
    let missing = try await server.request("POST", "/v1/decide", credential: .none, body: body)
    let wrong = try await server.request(
      "POST", "/v1/decide", credential: .bearer("credence_" + String(repeating: "0", count: 64)),
      body: body)
    let malformed = try await server.request(
      "POST", "/v1/decide", credential: .apiKey("not a key"), body: body)
    for reply in [missing, wrong, malformed] {
      #expect(reply.status == 401)
      #expect(reply.errorCode == "unauthenticated")
      #expect(reply.header("WWW-Authenticate") == "Bearer realm=\"credence\"")
    }
    #expect(missing.text == wrong.text && wrong.text == malformed.text)
  }

  @Test func aKeyWithoutTheRouteScopeGets403() async throws {
    let server = try await server()
    let decide = try await server.post("/v1/decide", scope: .check, json: ["learner": Self.learner])
    #expect(decide.status == 403)
    #expect(decide.errorCode == "forbidden")
    let check = try await server.post("/v1/check", scope: .decide, json: ["files": []])
    #expect(check.status == 403)
    let metrics = try await server.request("GET", "/metrics", scope: .decide)
    #expect(metrics.status == 403)
    let reload = try await server.request("POST", "/v1/admin/reload", scope: .decide)
    #expect(reload.status == 403)
  }

  @Test func theXAPIKeyHeaderAndTheAdminScopeWork() async throws {
    let server = try await server()
    let reply = try await server.request(
      "GET", "/v1/decisions", credential: .apiKey(server.tokens[.decide]!))
    #expect(reply.status == 200)
    let admin = try await server.request("GET", "/v1/decisions", scope: .admin)
    #expect(admin.status == 200)
  }

  // MARK: Decide

  @Test func decideAStoredLearner() async throws {
    let server = try await server()
    let reply = try await server.post(
      "/v1/decide", scope: .decide, json: ["learner": Self.learner, "as_of": "2026-06-30"])
    #expect(reply.status == 200)
    #expect(reply.json["as_of"] as? String == "2026-06-30")
    #expect(reply.json["policy_version"] as? String == reply.header("Credence-Policy-Version"))
    let results = try #require(reply.json["results"] as? [[String: Any]])
    let set = server.state.policies.current
    // Every decision once per learner, a per-enrolment fund once per enrolment (none for a
    // learner without enrolments).
    let once = Set(set.decisions.filter { !$0.perEnrolment }.map(\.name))
    let reported = results.compactMap { $0["decision"] as? String }
    #expect(once.isSubset(of: Set(reported)))
    #expect(Set(reported).isSubset(of: Set(set.decisions.map(\.name))))
    #expect(results.allSatisfy { $0["learner"] as? String == Self.learner })
    #expect(results.allSatisfy { $0["explanation"] == nil })
  }

  @Test func decideSomeDecisionsWithExplanations() async throws {
    let server = try await server()
    let name = try #require(
      server.state.policies.current.decisions.first { $0.kind == .stack }?.name)
    let reply = try await server.post(
      "/v1/decide", scope: .decide,
      json: ["learner": Self.learner, "decisions": [name], "explain": true])
    #expect(reply.status == 200)
    let results = try #require(reply.json["results"] as? [[String: Any]])
    #expect(results.count == 1)
    #expect(results.allSatisfy { $0["decision"] as? String == name })
    #expect(results.allSatisfy { $0["explanation"] is [String: Any] })
  }

  @Test func anUnknownLearnerIs404WithoutEchoingTheId() async throws {
    let server = try await server()
    let reply = try await server.post(
      "/v1/decide", scope: .decide, json: ["learner": "NO-SUCH-LEARNER-42"])
    #expect(reply.status == 404)
    #expect(reply.errorCode == "unknown_learner")
    #expect(!reply.text.contains("NO-SUCH-LEARNER-42"))
  }

  @Test func anUnknownDecisionIs400WithASuggestion() async throws {
    let server = try await server()
    let name = try #require(server.state.policies.current.decisions.first?.name)
    let reply = try await server.post(
      "/v1/decide", scope: .decide, json: ["learner": Self.learner, "decisions": [name + "x"]])
    #expect(reply.status == 400)
    #expect(reply.errorCode == "unknown_decision")
    #expect(reply.errorMessage?.contains("did you mean `\(name)`?") == true)
  }

  @Test(arguments: [
    ("{\"learner\": ", "the body is not valid JSON"),
    ("[1, 2]", "the body must be a JSON object"),
    ("{}", "name the learner: `learner` (an id in the store) or `record` (the learner's records)"),
    (
      "{\"learner\": \"L1\", \"record\": {\"id\": \"X\"}}",
      "give either `learner` or `record`, not both"
    ),
    ("{\"learner\": 7}", "`learner` must be a string"),
    (
      "{\"learner\": \"L1\", \"as_of\": \"30/06/2026\"}",
      "`as_of` must be a date written YYYY-MM-DD"
    ),
    ("{\"learner\": \"L1\", \"decisions\": \"all\"}", "`decisions` must be an array"),
    ("{\"learner\": \"\"}", "`learner` is empty"),
    ("", "the request needs a JSON body"),
  ])
  func badBodiesAre400(body: String, message: String) async throws {
    let server = try await server()
    let reply = try await server.request(
      "POST", "/v1/decide", scope: .decide, body: Data(body.utf8))
    #expect(reply.status == 400)
    #expect(reply.errorCode == "bad_request")
    #expect(reply.errorMessage == message)
  }

  @Test func anOversizedBodyIs413() async throws {
    let server = try await server()
    let padding = String(repeating: " ", count: ServerLimits.maximumRequestBytes)
    let reply = try await server.request(
      "POST", "/v1/decide", scope: .decide, body: Data("{\"learner\":\"L1\"}\(padding)".utf8))
    #expect(reply.status == 413)
    #expect(reply.errorCode == "body_too_large")
    // A body of exactly the limit is read.
    let exact = "{\"learner\":\"L1\"}"
    let fits = try await server.request(
      "POST", "/v1/decide", scope: .decide,
      body: Data(
        (exact + String(repeating: " ", count: ServerLimits.maximumRequestBytes - exact.utf8.count))
          .utf8))
    #expect(fits.status != 413)
  }

  /// An evaluation still running when the time limit passes is stopped and answered 503
  /// with `Retry-After` (the evaluation here waits for the flag, as the evaluator looks at it between steps).
  @Test func anEvaluationOverTheTimeLimitIs503() async throws {
    let evaluator = Evaluator(
      store: try StoreAccess(path: TestServer.store), timeLimit: .milliseconds(1))
    let cancellation = EvaluationCancellation()
    await #expect(throws: APIError.self) {
      try await evaluator.withinTimeLimit(cancellation) {
        // Bounded: the flag is raised after 1 ms; 10 s is far past it.
        for _ in 0..<100_000 where !cancellation.isCancelled { usleep(100) }
        return 0
      }
    }
    do {
      let cancellation = EvaluationCancellation()
      _ = try await evaluator.withinTimeLimit(cancellation) {
        for _ in 0..<100_000 where !cancellation.isCancelled { usleep(100) }
        return 0
      }
    } catch let error as APIError {
      #expect(error.status == .serviceUnavailable)
      #expect(error.code == "evaluation_time_limit")
      #expect(error.headers[.retryAfter] == String(ServerLimits.retryAfterSeconds))
    }
    // Work that ends in time is answered.
    let quick = try await Evaluator(
      store: try StoreAccess(path: TestServer.store), timeLimit: .seconds(60)
    )
    .withinTimeLimit(EvaluationCancellation()) { 42 }
    #expect(quick == 42)
  }

  // MARK: What-if

  @Test func whatIfAddsAwards() async throws {
    let server = try await server()
    let reply = try await server.post(
      "/v1/what-if", scope: .decide,
      json: [
        "learner": Self.learner, "as_of": "2026-06-30",
        "with_awards": [["code": "CS1010", "date": "2026-05-01", "grade": "A"]],
      ])
    #expect(reply.status == 200, "\(reply.text)")
    let answer = try #require(reply.json["what_if"] as? [String: Any])
    #expect(answer["as_of"] as? String == "2026-06-30")
    #expect((answer["with_awards"] as? [[String: Any]])?.first?["code"] as? String == "CS1010")
    #expect(answer["changes"] is [Any])
  }

  @Test func whatIfNeedsAwardsAndDates() async throws {
    let server = try await server()
    let none = try await server.post(
      "/v1/what-if", scope: .decide, json: ["learner": Self.learner, "with_awards": []])
    #expect(none.status == 400)
    let badDate = try await server.post(
      "/v1/what-if", scope: .decide,
      json: ["learner": Self.learner, "with_awards": [["code": "X", "date": "soon"]]])
    #expect(badDate.errorMessage == "`with_awards[0].date` must be a date written YYYY-MM-DD")
    let unknown = try await server.post(
      "/v1/what-if", scope: .decide,
      json: ["learner": "NOBODY", "with_awards": [["code": "X"]]])
    #expect(unknown.status == 404)
  }

  // MARK: Check

  @Test func checkReportsDiagnosticsAndStoresNothing() async throws {
    let server = try await server()
    let before = server.state.policies.current.version
    let clean = try await server.post(
      "/v1/check", scope: .check,
      json: ["files": [["name": "a.credence", "text": "policy \"A\"\n  version \"1\"\n"]]])
    #expect(clean.status == 200, "\(clean.text)")
    #expect(clean.json["errors"] as? Int == 0, "\(clean.text)")
    let broken = try await server.post(
      "/v1/check", scope: .check,
      json: ["files": [["name": "b.credence", "text": "policy \"B\" {\n  stack x {\n"]]])
    #expect(broken.status == 200)
    #expect((broken.json["errors"] as? Int ?? 0) > 0)
    let first = try #require((broken.json["diagnostics"] as? [[String: Any]])?.first)
    #expect(first["file"] as? String == "b.credence")
    #expect(first["line"] is Int)
    #expect(server.state.policies.current.version == before)
    let empty = try await server.post("/v1/check", scope: .check, json: ["files": []])
    #expect(empty.status == 400)
  }

  // MARK: Decisions, metrics, contract, unknown routes

  @Test func theDecisionsAreListedWithTheirDocumentation() async throws {
    let server = try await server()
    let reply = try await server.request("GET", "/v1/decisions", scope: .decide)
    #expect(reply.status == 200)
    let decisions = try #require(reply.json["decisions"] as? [[String: Any]])
    #expect(decisions.count == server.state.policies.current.decisions.count)
    #expect(decisions.contains { !($0["documentation"] as? String ?? "").isEmpty })
  }

  @Test func metricsCountRequestsAndDecisions() async throws {
    let server = try await server()
    _ = try await server.post("/v1/decide", scope: .decide, json: ["learner": Self.learner])
    let reply = try await server.request("GET", "/metrics", scope: .metrics)
    #expect(reply.status == 200)
    #expect(reply.text.contains("credence_http_requests_total{route=\"/v1/decide\""))
    #expect(reply.text.contains("credence_http_request_duration_seconds_bucket"))
    #expect(reply.text.contains("credence_decisions_total{status="))
    #expect(reply.text.contains("credence_policy_info{version=\"sha256:"))
  }

  @Test func unknownRoutesAreJSON404s() async throws {
    let server = try await server()
    let reply = try await server.request("GET", "/v2/nothing", scope: .admin)
    #expect(reply.status == 404)
    #expect(reply.errorCode == "not_found")
    let wrongMethod = try await server.request("GET", "/v1/decide", scope: .decide)
    #expect(wrongMethod.status == 404)
  }

  /// Every operation of the OpenAPI document is a route of the server, and the other way
  /// round: the contract and the router cannot drift apart.
  @Test func theContractListsEveryRoute() async throws {
    let server = try await server()
    let unauthenticated = try await server.request("GET", "/openapi.json", scope: nil)
    #expect(unauthenticated.status == 401)
    let reply = try await server.request("GET", "/openapi.json", scope: .check)
    #expect(reply.status == 200)
    let paths = try #require(reply.json["paths"] as? [String: [String: Any]])
    var documented: Set<String> = []
    for (path, operations) in paths {
      for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
    }
    #expect(documented == Set(Self.routes))
    for route in Self.routes {
      let parts = route.split(separator: " ")
      let answer = try await server.request(
        String(parts[0]), String(parts[1]), scope: .admin,
        body: parts[0] == "POST" ? Data("{}".utf8) : nil)
      #expect(answer.status != 404 || answer.errorCode != "not_found", "\(route)")
    }
  }

  static let routes = [
    "GET /health", "GET /health/ready", "GET /openapi.json", "GET /metrics",
    "GET /v1/decisions", "GET /v1/policies", "POST /v1/decide", "POST /v1/decide/batch",
    "POST /v1/what-if", "POST /v1/paths",
    "POST /v1/check",
    "POST /v1/admin/reload",
  ]
}

import Foundation
import Logging
import Testing

@testable import CredenceServer

/// What an operator of a policy service expects beyond decisions: several learners in one
/// request, the policy set in force, request ids, decision logs kept out of `info`.
@Suite struct OperatorTests {
  /// Learner ids of the sample store, in order.
  static let learners: [String] = {
    var ids: [String] = []
    let source = try! StoreAccess(path: TestServer.store).source
    try! source.forEachBatch(batchSize: 16) { batch in ids += batch.map(\.id.description) }
    return ids
  }()

  // MARK: Batch

  /// A batch is `eval --learner A --learner B`: each learner once, in the order named, the
  /// same results as deciding them one by one; ids the store lacks are listed as missing.
  @Test func aBatchDecidesEachLearnerOnceAsDecideDoes() async throws {
    let server = try await TestServer.shared.value
    let (first, second) = (Self.learners[0], Self.learners[1])
    let reply = try await server.post(
      "/v1/decide/batch", scope: .decide,
      json: ["learners": [second, "NOBODY", first, second], "as_of": "2026-06-30"])
    #expect(reply.status == 200, "\(reply.text)")
    #expect(reply.json["missing"] as? [String] == ["NOBODY"])
    let results = try #require(reply.json["results"] as? [[String: Any]])
    var expected: [[String: Any]] = []
    for id in [second, first] {
      let one = try await server.post(
        "/v1/decide", scope: .decide, json: ["learner": id, "as_of": "2026-06-30"])
      expected += try #require(one.json["results"] as? [[String: Any]])
    }
    #expect(NSArray(array: results).isEqual(to: expected))
  }

  @Test(arguments: [
    (#"{"learners": []}"#, "bad_request"),
    (#"{"learners": [""]}"#, "bad_request"),
    (#"{"learners": ["L1"], "decisions": ["no_such_decision"]}"#, "unknown_decision"),
    (#"{"learners": ["L1"], "as_of": "soon"}"#, "bad_request"),
    (#"{"learner": "L1"}"#, "bad_request"),
  ])
  func badBatchesAre400(body: String, code: String) async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.request(
      "POST", "/v1/decide/batch", scope: .decide, body: Data(body.utf8))
    #expect(reply.status == 400, "\(reply.text)")
    #expect(reply.errorCode == code)
  }

  @Test func aBatchIsBounded() async throws {
    let server = try await TestServer.shared.value
    let ids = (0...ServerLimits.maximumLearnersPerBatch).map { "L\($0)" }
    let over = try await server.post("/v1/decide/batch", scope: .decide, json: ["learners": ids])
    #expect(over.status == 400)
    #expect(over.errorMessage?.contains("more than 100 learners") == true)
    let atLimit = try await server.post(
      "/v1/decide/batch", scope: .decide, json: ["learners": Array(ids.dropLast())])
    #expect(atLimit.status == 200, "\(atLimit.text)")
    let forbidden = try await server.post(
      "/v1/decide/batch", scope: .check, json: ["learners": [Self.learners[0]]])
    #expect(forbidden.status == 403)
  }

  // MARK: The policy set in force

  @Test func thePoliciesInForceAreListedWithoutMachinePaths() async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.request("GET", "/v1/policies", scope: .decide)
    #expect(reply.status == 200, "\(reply.text)")
    let set = server.state.policies.current
    #expect(reply.json["policy_version"] as? String == set.version.description)
    #expect(reply.json["policy_version"] as? String == reply.header("Credence-Policy-Version"))
    let files = try #require(reply.json["files"] as? [String])
    #expect(files.count == set.fileCount)
    #expect(files.contains("stacking/nus-soc-graduate-certificate.credence"))
    #expect(files.allSatisfy { !$0.hasPrefix("/") && !$0.contains(TestServer.libraryFolder) })
    #expect(reply.json["decisions"] as? Int == set.decisions.count)
    #expect(reply.json["warnings"] as? Int == set.warningCount)
    let loadedAt = try #require(reply.json["loaded_at"] as? String)
    #expect(try Date(loadedAt, strategy: .iso8601) <= Date())
    let forbidden = try await server.request("GET", "/v1/policies", scope: .metrics)
    #expect(forbidden.status == 403)
  }

  // MARK: Request ids

  @Test func requestIdsAreEchoedOrMade() async throws {
    let server = try await TestServer.shared.value
    let given = try await server.request(
      "GET", "/health", credential: .none, headers: ["X-Request-Id": "sis-42.a_b:c"])
    #expect(given.header("X-Request-Id") == "sis-42.a_b:c")
    // Not a token: replaced by the server's own, never echoed into logs or headers.
    let odd = try await server.request(
      "GET", "/health", credential: .none, headers: ["X-Request-Id": "a b{c}"])
    let made = try #require(odd.header("X-Request-Id"))
    #expect(made != "a b{c}" && !made.isEmpty)
    let long = String(repeating: "a", count: RequestIdentity.maximumLength + 1)
    let tooLong = try await server.request(
      "GET", "/health", credential: .none, headers: ["X-Request-Id": long])
    #expect(tooLong.header("X-Request-Id") != long)
    // Every reply has one, errors too, and two requests get two ids.
    let unauthenticated = try await server.request("GET", "/v1/policies", scope: nil)
    let other = try await server.request("GET", "/v1/policies", scope: nil)
    #expect(unauthenticated.status == 401)
    let ids = [unauthenticated.header("X-Request-Id"), other.header("X-Request-Id")]
    #expect(ids[0] != nil && ids[0] != ids[1])
  }

  // MARK: Decision logs

  /// At `info` the logs say which route answered, never whom; at `debug` each decision is
  /// logged with its learner, results, version and the request id, as OPA's decision logs.
  @Test(arguments: [Logger.Level.info, .debug])
  func decisionLogsOnlyAtDebug(level: Logger.Level) async throws {
    let capture = LogCapture(level: level)
    let server = try await TestServer.start(logger: capture.logger)
    defer { server.stop() }
    let learner = Self.learners[2]
    let reply = try await server.post(
      "/v1/decide", scope: .decide, json: ["learner": learner],
      headers: ["X-Request-Id": "trace-7"])
    #expect(reply.status == 200)
    let access = capture.logged.filter { $0.message == "request" }
    #expect(access.contains { $0.metadata["request_id"] == "trace-7" })
    let decisions = capture.logged.filter { $0.message == "decision" }
    switch level {
    case .debug:
      let entry = try #require(decisions.first)
      #expect(entry.metadata["learners"] == learner)
      #expect(entry.metadata["request_id"] == "trace-7")
      #expect(entry.metadata["policy_version"] == reply.header("Credence-Policy-Version"))
      #expect(entry.metadata["results"]?.hasPrefix("[") == true)
    default:
      #expect(decisions.isEmpty)
      let leaked = capture.logged.filter { entry in
        entry.message.contains(learner) || entry.metadata.values.contains { $0.contains(learner) }
      }
      #expect(leaked.isEmpty)
    }
  }
}

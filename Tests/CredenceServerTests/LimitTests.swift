import Foundation
import Testing

@testable import CredenceServer

/// The step limit answered with a status that says a limit was met: 422 with the decisions
/// (the time limit's 503 is `ServerTests.anEvaluationOverTheTimeLimitIs503`).
@Suite struct LimitTests {
  /// A server whose evaluator has 10 steps per learner: too few for the example library.
  static let limited = Task { try await TestServer.start(stepsPerLearner: 10) }

  @Test func theStepLimitIs422WithTheDecisions() async throws {
    let server = try await Self.limited.value
    let reply = try await server.post(
      "/v1/decide", scope: .decide, json: ["learner": ServerTests.learner, "as_of": "2026-06-30"])
    #expect(reply.status == 422, "\(reply.text)")
    #expect(reply.errorCode == "evaluation_step_limit")
    #expect(reply.errorMessage?.contains(ServerTests.learner) == false)
    #expect(reply.json["policy_version"] as? String == reply.header("Credence-Policy-Version"))
    #expect(reply.json["as_of"] as? String == "2026-06-30")
    let results = try #require(reply.json["results"] as? [[String: Any]])
    let stopped = results.filter { $0["status"] as? String == "error" }
    #expect(!stopped.isEmpty)
    #expect(
      stopped.allSatisfy {
        ($0["reasons"] as? [String])?.first?.contains("more than 10 steps") == true
      })
  }

  /// The same learner on the default limits is answered 200: the 422 is the limit's.
  @Test func theSameRequestWithinTheLimitIs200() async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.post(
      "/v1/decide", scope: .decide, json: ["learner": ServerTests.learner, "as_of": "2026-06-30"])
    #expect(reply.status == 200)
    #expect(reply.json["error"] == nil)
  }

  @Test func whatIfAndBatchSayTheStepLimitToo() async throws {
    let server = try await Self.limited.value
    let whatIf = try await server.post(
      "/v1/what-if", scope: .decide,
      json: [
        "learner": ServerTests.learner, "as_of": "2026-06-30",
        "with_awards": [["code": "IS5003"]],
      ])
    #expect(whatIf.status == 422, "\(whatIf.text)")
    #expect(whatIf.errorCode == "evaluation_step_limit")
    #expect(whatIf.json["what_if"] is [String: Any])
    let batch = try await server.post(
      "/v1/decide/batch", scope: .decide,
      json: ["learners": [ServerTests.learner], "as_of": "2026-06-30"])
    #expect(batch.status == 422, "\(batch.text)")
    #expect(batch.errorCode == "evaluation_step_limit")
    #expect(batch.json["results"] is [[String: Any]])
    #expect(batch.json["missing"] as? [String] == [])
  }
}

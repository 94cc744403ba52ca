import Foundation
import Testing

@testable import CredenceServer

/// `POST /v1/paths`: a learner's best paths, as `credence path --format json` gives them.
@Suite struct PathsTests {
  @Test func pathsToAStack() async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.post(
      "/v1/paths", scope: .decide,
      json: ["learner": ServerTests.learner, "to": "nus_gc_is", "as_of": "2026-06-30", "limit": 2])
    #expect(reply.status == 200, "\(reply.text)")
    #expect(reply.json["policy_version"] as? String == reply.header("Credence-Policy-Version"))
    let paths = try #require(reply.json["paths"] as? [String: Any])
    #expect(paths["target"] as? String == "nus_gc_is")
    #expect(paths["learner"] as? String == ServerTests.learner)
    let status = try #require(paths["status"] as? String)
    #expect(["found", "already achieved"].contains(status))
    if status == "found" {
      let found = try #require(paths["paths"] as? [[String: Any]])
      #expect((1...2).contains(found.count))
    }
  }

  @Test func anInlineLearnerWithNothingHasPaths() async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.post(
      "/v1/paths", scope: .decide,
      json: ["record": ["id": "X"], "to": "nus_gc_is", "as_of": "2026-06-30"])
    #expect(reply.status == 200, "\(reply.text)")
    #expect((reply.json["paths"] as? [String: Any])?["status"] as? String == "found")
  }

  /// A learner who holds the stack already is told so, with no path to take.
  @Test func anAchievedTargetNeedsNoPath() async throws {
    let server = try await TestServer.shared.value
    let awards = ["IS5003", "IS5004", "IS5005"].enumerated().map { index, code in
      [
        "id": "A\(index)", "credential_code": code, "awarded_on": "2025-0\(index + 1)-15",
        "grade": "A",
      ]
    }
    let record: [String: Any] = [
      "id": "X", "awards": awards, "facts": ["nus_gc_admitted_on": "2024-08-01"],
    ]
    let decided = try await server.post(
      "/v1/decide", scope: .decide,
      json: ["record": record, "as_of": "2026-06-30", "decisions": ["nus_gc_is"]])
    let result = try #require((decided.json["results"] as? [[String: Any]])?.first)
    #expect(result["status"] as? String == "achieved", "\(decided.text)")
    let reply = try await server.post(
      "/v1/paths", scope: .decide,
      json: ["record": record, "to": "nus_gc_is", "as_of": "2026-06-30"])
    #expect(reply.status == 200, "\(reply.text)")
    let paths = try #require(reply.json["paths"] as? [String: Any])
    #expect(paths["status"] as? String == "already achieved")
    #expect((paths["paths"] as? [Any])?.isEmpty == true)
  }

  /// A fund is not a target (funding is counted on every path), nor an equivalence
  /// without a credit goal: both are 400 `not_a_target`, the message naming the field.
  @Test func aFundOrAnEquivalenceWithoutCreditsIsNotATarget() async throws {
    let server = try await TestServer.shared.value
    let fund = try await server.post(
      "/v1/paths", scope: .decide, json: ["learner": ServerTests.learner, "to": "sfc_claim"])
    #expect(fund.status == 400)
    #expect(fund.errorCode == "not_a_target")
    #expect(fund.errorMessage?.contains("`sfc_claim` is a fund") == true, "\(fund.text)")
    let equivalence = try await server.post(
      "/v1/paths", scope: .decide,
      json: ["learner": ServerTests.learner, "to": "nus_cde_transfer"])
    #expect(equivalence.errorCode == "not_a_target")
    #expect(equivalence.errorMessage?.contains("`credits`") == true, "\(equivalence.text)")
    #expect(equivalence.errorMessage?.contains("--") == false)
    let withGoal = try await server.post(
      "/v1/paths", scope: .decide,
      json: [
        "learner": ServerTests.learner, "to": "nus_cde_transfer", "credits": 8,
        "as_of": "2026-06-30",
      ])
    #expect(withGoal.status == 200, "\(withGoal.text)")
    #expect((withGoal.json["paths"] as? [String: Any])?["credits_goal"] as? Int == 8)
  }

  @Test(arguments: [
    (#"{"learner": "L0000001", "to": "nus_gc_iz"}"#, 400, "unknown_target"),
    (#"{"learner": "L0000001", "to": "sfc_claim"}"#, 400, "not_a_target"),
    (#"{"learner": "L0000001", "to": "nus_gc_is", "by": "speed"}"#, 400, "bad_request"),
    (#"{"learner": "L0000001", "to": "nus_gc_is", "limit": 0}"#, 400, "bad_request"),
    (#"{"learner": "L0000001", "to": "nus_gc_is", "max_size": 7}"#, 400, "bad_request"),
    (#"{"learner": "L0000001", "to": "nus_gc_is", "planned": "soon"}"#, 400, "bad_request"),
    (#"{"learner": "L0000001", "to": "nus_gc_is", "grade": "Z"}"#, 400, "bad_request"),
    (#"{"learner": "L0000001"}"#, 400, "bad_request"),
    (#"{"learner": "NOBODY", "to": "nus_gc_is"}"#, 404, "unknown_learner"),
  ])
  func badPathRequests(body: String, status: Int, code: String) async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.request("POST", "/v1/paths", scope: .decide, body: Data(body.utf8))
    #expect(reply.status == status, "\(reply.text)")
    #expect(reply.errorCode == code)
  }

  @Test func pathsNeedTheDecideScope() async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.post(
      "/v1/paths", scope: .check, json: ["learner": ServerTests.learner, "to": "nus_gc_is"])
    #expect(reply.status == 403)
  }
}

import Foundation
import Testing

@testable import CredenceServer

/// Reloads through `POST /v1/admin/reload`: a set with errors is refused with its
/// diagnostics and the version in force keeps answering; a good set replaces it.
@Suite struct ReloadTests {
  @Test func aSetWithErrorsIsRefusedAndTheOldVersionKeepsServing() async throws {
    let server = try await TestServer.start(copyPolicies: true)
    defer { server.stop() }
    let learner = ServerTests.learner
    let first = try await server.post("/v1/decide", scope: .decide, json: ["learner": learner])
    let version = try #require(first.json["policy_version"] as? String)

    let unchanged = try await server.request("POST", "/v1/admin/reload", scope: .admin)
    #expect(unchanged.status == 200)
    #expect(unchanged.json["outcome"] as? String == "unchanged")

    let broken = server.policyFolder + "/zz-broken.credence"
    try "policy \"Broken\"\n\nstack s {\n".write(toFile: broken, atomically: true, encoding: .utf8)
    let refused = try await server.request("POST", "/v1/admin/reload", scope: .admin)
    #expect(refused.status == 422)
    #expect(refused.errorCode == "policy_errors")
    #expect(refused.errorMessage?.contains(version) == true)
    let details = try #require(
      (refused.json["error"] as? [String: Any])?["details"] as? [String: Any])
    #expect((details["errors"] as? Int ?? 0) > 0)
    #expect(refused.header("Credence-Policy-Version") == version)

    let during = try await server.post("/v1/decide", scope: .decide, json: ["learner": learner])
    #expect(during.status == 200)
    #expect(during.json["policy_version"] as? String == version)
    #expect(during.json["results"] as? NSArray == first.json["results"] as? NSArray)

    // Fixed: a new version is in force, and says which it replaced.
    try "policy \"Fixed\"\n  version \"1\"\n".write(
      toFile: broken, atomically: true, encoding: .utf8)
    let loaded = try await server.request("POST", "/v1/admin/reload", scope: .admin)
    #expect(loaded.status == 200, "\(loaded.text)")
    #expect(loaded.json["outcome"] as? String == "loaded")
    #expect(loaded.json["previous_version"] as? String == version)
    let next = try #require(loaded.json["policy_version"] as? String)
    #expect(next != version)
    let after = try await server.post("/v1/decide", scope: .decide, json: ["learner": learner])
    #expect(after.json["policy_version"] as? String == next)
    #expect(after.header("Credence-Policy-Version") == next)

    let metrics = try await server.request("GET", "/metrics", scope: .metrics)
    #expect(metrics.text.contains("credence_policy_reloads_total{outcome=\"refused\"} 1"))
    #expect(metrics.text.contains("credence_policy_info{version=\"\(next)\"} 1"))
    #expect(!metrics.text.contains("credence_policy_info{version=\"\(version)\"}"))
  }

  @Test func unreadablePoliciesAreRefusedToo() async throws {
    let server = try await TestServer.start(copyPolicies: true)
    defer { server.stop() }
    let version = server.state.policies.current.version.description
    try FileManager.default.removeItem(atPath: server.policyFolder)
    let refused = try await server.request("POST", "/v1/admin/reload", scope: .admin)
    #expect(refused.status == 422)
    #expect(refused.errorCode == "policies_unreadable")
    #expect(server.state.policies.current.version.description == version)
  }
}

import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `credence serve` as an operator runs it: the built binary on loopback, its start-up
/// line, decisions identical to `credence eval --format json`, SIGHUP reloads, SIGTERM.
@Suite struct ServeCommandTests {
  @Test func serveNeedsKeysAndNoAuthOnlyOnLoopback() throws {
    let missing = try DBCommand.run(["serve", "policies", "--db", "x.db"])
    #expect(missing.status == 64)
    #expect(missing.standardError.contains("give the keys file with --keys FILE"))
    let open = try DBCommand.run(
      ["serve", "policies", "--db", "x.db", "--no-auth", "--listen", "0.0.0.0:8080"])
    #expect(open.status == 64)
    #expect(open.standardError.contains("--no-auth serves only on a loopback address"))
  }

  @Test func keysAddPrintsATokenOnceAndStoresItsDigest() throws {
    let dir = try DBScratchDirectory()
    let keys = dir.path("keys")
    let added = try DBCommand.run(
      ["serve", "keys", "add", "--keys", keys, "--name", "portal", "--scope", "decide"])
    #expect(added.status == 0, "\(added.standardError)")
    let token = added.standardOutput.trimmingCharacters(in: .newlines)
    #expect(token.hasPrefix("credence_") && token.count == 73)
    let file = try String(contentsOfFile: keys, encoding: .utf8)
    #expect(file.contains("portal decide sha256:"))
    #expect(!file.contains(String(token.dropFirst(9))))
    let again = try DBCommand.run(
      ["serve", "keys", "add", "--keys", keys, "--name", "portal", "--scope", "check"])
    #expect(again.status == 65)
    #expect(again.standardError.contains("already has a key named `portal`"))
  }

  @Test func aRunningServerDecidesAsEvalDoesAndReloadsOnSIGHUP() async throws {
    let dir = try DBScratchDirectory()
    let store = dir.path("store.db")
    let sample = try DBCommand.run(["db", "sample", store, "--learners", "30", "--seed", "5"])
    #expect(sample.status == 0, "\(sample.standardError)")
    let policies = dir.path("policies")
    try FileManager.default.copyItem(
      atPath: EvalFixtures.packageRoot.appendingPathComponent("policies").path, toPath: policies)
    let keys = dir.path("keys")
    let token = try DBCommand.run(
      ["serve", "keys", "add", "--keys", keys, "--name", "tests", "--scope", "admin"]
    ).standardOutput.trimmingCharacters(in: .newlines)

    let server = try ServeProcess(
      ["serve", policies, "--db", store, "--keys", keys, "--listen", "127.0.0.1:0"],
      log: dir.path("server.log"))
    defer { server.stop() }
    let started = try await server.waitForLog {
      $0["msg"]?.hasPrefix("credence serve listening") == true
    }
    #expect(started["learners_in_store"] == "30")
    let version = try #require(started["policy_version"])
    let port = try #require(started["address"]?.split(separator: ":").last.map(String.init))

    // The decisions are `eval --format json`'s bytes.
    let evaluated = try DBCommand.run(
      [
        "eval", policies, "--db", store, "--learner", "L0000003", "--as-of", "2026-06-30",
        "--format", "json",
      ])
    #expect(evaluated.status == 0 || evaluated.status == 65)
    var results = evaluated.standardOutput
    while results.last == "\n" { results.removeLast() }
    let reply = try await Self.post(
      port: port, token: token, "/v1/decide",
      #"{"learner":"L0000003","as_of":"2026-06-30"}"#)
    #expect(reply.status == 200)
    #expect(
      reply.text
        == "{\"policy_version\":\"\(version)\",\"as_of\":\"2026-06-30\",\"results\":\(results)}\n")

    // SIGHUP with a broken file: refused, the old version keeps serving.
    let broken = policies + "/zz-broken.credence"
    try "policy \"Broken\"\n\nstack s {\n".write(toFile: broken, atomically: true, encoding: .utf8)
    kill(server.process.processIdentifier, SIGHUP)
    let refused = try await server.waitForLog { $0["msg"]?.hasPrefix("policies refused") == true }
    #expect(refused["policy_version"] == version)
    let during = try await Self.post(
      port: port, token: token, "/v1/decide", #"{"learner":"L0000003","as_of":"2026-06-30"}"#)
    #expect(during.status == 200)
    #expect(during.version == version)

    // SIGHUP with the file fixed: the new version answers.
    try "policy \"Fixed\"\n  version \"1\"\n".write(
      toFile: broken, atomically: true, encoding: .utf8)
    kill(server.process.processIdentifier, SIGHUP)
    let reloaded = try await server.waitForLog { $0["msg"] == "policies reloaded" }
    let next = try #require(reloaded["policy_version"])
    #expect(next != version)
    #expect(reloaded["previous_version"] == version)
    let after = try await Self.post(
      port: port, token: token, "/v1/decide", #"{"learner":"L0000003","as_of":"2026-06-30"}"#)
    #expect(after.version == next)

    // No learner id in any log line.
    #expect(
      !(try String(contentsOfFile: dir.path("server.log"), encoding: .utf8)).contains("L0000003"))

    // SIGTERM: a clean stop.
    kill(server.process.processIdentifier, SIGTERM)
    _ = try await server.waitForLog { $0["msg"] == "credence serve stopped" }
    server.process.waitUntilExit()
    #expect(server.process.terminationStatus == 0)
  }

  struct Reply {
    var status: Int
    var text: String
    var version: String?
  }

  static func post(port: String, token: String, _ path: String, _ body: String) async throws
    -> Reply
  {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = "POST"
    request.httpBody = Data(body.utf8)
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return Reply(
      status: http.statusCode, text: String(decoding: data, as: UTF8.self),
      version: http.value(forHTTPHeaderField: "Credence-Policy-Version"))
  }
}

/// `credence serve` in the background, its JSON log lines written to a file.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  let log: String

  init(_ arguments: [String], log: String) throws {
    self.log = log
    // A file that cannot be made shows as the handle below failing to open.
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    process.executableURL = DBCommand.executable
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try process.run()
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }

  /// The first log line (a JSON object of strings) that `matches`, waiting up to 60 s.
  func waitForLog(_ matches: ([String: String]) -> Bool) async throws -> [String: String] {
    for _ in 0..<600 {
      // Asked before reading: a process that logs its last line and exits between the read
      // and this question still has that line read once more.
      let exited = !process.isRunning
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      for line in text.split(separator: "\n") {
        guard
          let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        else { continue }
        if matches(object) { return object }
      }
      if exited { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record(
      "no such log line; the log:\n\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    throw CancellationError()
  }
}

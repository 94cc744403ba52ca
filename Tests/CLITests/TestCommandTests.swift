import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `credence test`, run as a user would, on a small fixture folder with one failing test.
@Suite struct TestCommandTests {
  static let packageRoot = EvalFixtures.packageRoot
  /// The folder the tests run `credence test` in (paths in the output are relative to it).
  static let folder = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/test")
  /// The date of fixture tests without `as of`, so goldens never depend on the day.
  static let today = "2026-07-01"

  /// Runs `credence test policies ARGUMENTS…` in the fixtures folder.
  static func test(_ arguments: [String]) throws -> DBCommand.Outcome {
    try DBCommand.run(["test", "policies", "--today", today] + arguments, in: folder)
  }

  static func expectGolden(_ actual: String, _ name: String) throws {
    let file = packageRoot.appendingPathComponent("Tests/CLITests/Golden/test/" + name)
    if ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1" {
      try Data(actual.utf8).write(to: file)
      return
    }
    let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    #expect(
      actual == expected,
      "\(name) differs; re-record with CREDENCE_RECORD_GOLDEN=1 and review the diff")
  }

  static func lastLine(_ text: String) -> String {
    text.split(separator: "\n").last.map(String.init) ?? ""
  }

  @Test func humanOutputListsTheFailingTestAndEndsWithTheCounts() throws {
    let outcome = try Self.test([])
    #expect(outcome.status == 1)
    #expect(Self.lastLine(outcome.standardOutput) == "5 passed, 1 failed")
    #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
    try Self.expectGolden(outcome.standardOutput, "human.txt")
  }

  @Test func jsonCarriesEveryTest() throws {
    let outcome = try Self.test(["--format", "json"])
    #expect(outcome.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
    let root = try #require(object as? [String: Any])
    #expect(root["passed"] as? Int == 5)
    #expect(root["failed"] as? Int == 1)
    #expect((root["tests"] as? [Any])?.count == 6)
    try Self.expectGolden(outcome.standardOutput, "results.json")
  }

  @Test func junitHasASuitePerFileAndACasePerRow() throws {
    let outcome = try Self.test(["--format", "junit"])
    #expect(outcome.status == 1)
    let document = try XMLDocument(data: Data(outcome.standardOutput.utf8))
    let suites = try document.nodes(forXPath: "/testsuites/testsuite")
    #expect(suites.count == 2)
    #expect(try document.nodes(forXPath: "//testcase").count == 6)
    let failures = try document.nodes(forXPath: "//testcase/failure")
    #expect(failures.count == 1)
    let message = (failures.first as? XMLElement)?.attribute(forName: "message")?.stringValue
    #expect(message == "expected `grant(\"E1\") is eligible`; actual: false: it is ineligible")
    try Self.expectGolden(outcome.standardOutput, "results.xml")
  }

  @Test func filterSelectsByDescriptionOrPath() throws {
    let capped = try Self.test(["--filter", "capped"])
    #expect(capped.status == 0)
    #expect(capped.standardOutput == "3 passed, 0 failed\n")
    let byPath = try Self.test(["--filter", "certificate.credence"])
    #expect(byPath.status == 0)
    #expect(byPath.standardOutput == "1 passed, 0 failed\n")
    let failing = try Self.test(["--filter", "day before"])
    #expect(failing.status == 1)
    #expect(Self.lastLine(failing.standardOutput) == "0 passed, 1 failed")
  }

  @Test func aFilterMatchingNothingWarns() throws {
    let outcome = try Self.test(["--filter", "no such test"])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "0 passed, 0 failed\n")
    #expect(outcome.standardError.contains("no test matches `no such test`"))
  }

  @Test func coverageListsTheRulesNoTestExercised() throws {
    let outcome = try Self.test(["--coverage"])
    #expect(outcome.status == 1)
    #expect(Self.lastLine(outcome.standardOutput) == "5 passed, 1 failed")
    #expect(outcome.standardOutput.contains("coverage: "))
    try Self.expectGolden(outcome.standardOutput, "coverage.txt")
    let json = try Self.test(["--coverage", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    let coverage = try #require((object as? [String: Any])?["coverage"] as? [String: Any])
    let unexercised = try #require(coverage["unexercised"] as? [[String: Any]])
    #expect(
      coverage["rules"] as? Int == (coverage["exercised"] as? Int ?? 0) + unexercised.count)
    #expect(
      unexercised.contains {
        $0["kind"] as? String == "cap" && $0["gap"] as? String == "no test reaches it"
      })
    // Filtered, it covers the files whose tests ran.
    let grant = try Self.test(["--coverage", "--filter", "grant.credence"])
    #expect(
      grant.standardOutput.contains(
        "coverage: 4 of 5 rules exercised\npolicies/grant.credence:10:17: fund grant: "
          + "condition \"for Singapore Citizens\": no test where it fails\n"))
    #expect(!grant.standardOutput.contains("certificate.credence"))
    // JUnit has no place for it: the same lines go to standard error.
    let junit = try Self.test(["--coverage", "--format", "junit"])
    #expect(junit.standardError.hasPrefix("coverage: "))
  }

  @Test func aPolicyWithErrorsIsNotRun() throws {
    try CheckCommandTests.withFolder(["bad.credence": "let a = (1 +\nlet b = 2\n"]) { dir in
      let outcome = try DBCommand.run(["test", "bad.credence"], in: dir)
      #expect(outcome.status == 65)
      #expect(outcome.standardOutput.isEmpty)
      #expect(outcome.standardError.contains("error[E0201]: expected an expression"))
      #expect(outcome.standardError.contains("bad.credence:1:13"))
    }
  }

  @Test func wrongOptionsAndPathsHaveTheirStatuses() throws {
    let badDate = try Self.test(["--today", "2026-02-30"])
    #expect(badDate.status == 64)
    #expect(badDate.standardError.contains("is not a date"))
    let missing = try DBCommand.run(["test", "no-such-folder"], in: Self.folder)
    #expect(missing.status == 66)
  }

  @Test func thePolicyLibraryPasses() throws {
    let outcome = try DBCommand.run(["test", "policies"], in: Self.packageRoot)
    #expect(outcome.status == 0, "\(outcome.standardOutput)")
    let last = Self.lastLine(outcome.standardOutput)
    let passed = Int(last.prefix { $0.isNumber }) ?? 0
    #expect(passed >= 80)
    #expect(last == "\(passed) passed, 0 failed")
    // Every rule of the library is exercised: the coverage line and nothing else.
    let covered = try DBCommand.run(["test", "policies", "--coverage"], in: Self.packageRoot)
    #expect(covered.status == 0)
    let lines = covered.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(covered.standardOutput)")
    let rules = lines.first?.split(separator: " ") ?? []
    #expect(rules.count == 6 && rules[1] == rules[3] && rules[0] == "coverage:")
  }

  /// A threshold changed in a copy of a library policy (40 → 41) fails a test, and the
  /// report says which rule and which values.
  @Test func aBrokenThresholdFailsReadably() throws {
    let original = Self.packageRoot.appendingPathComponent(
      "policies/funding/skillsfuture-credit.credence")
    let text = try String(contentsOf: original, encoding: .utf8)
    let threshold = "and sfc_age >= 40       because"
    #expect(text.contains(threshold))
    var files = try Self.library()
    files["funding/skillsfuture-credit.credence"] = text.replacingOccurrences(
      of: threshold, with: "and sfc_age >= 41       because")
    let prefixed = Dictionary(uniqueKeysWithValues: files.map { ("policies/" + $0.key, $0.value) })
    try CheckCommandTests.withFolder(prefixed) { dir in
      let outcome = try DBCommand.run(["test", "policies"], in: dir)
      #expect(outcome.status == 1)
      let output = outcome.standardOutput
      #expect(output.contains("FAIL SFC (Mid-Career): 40 by year of birth"))
      #expect(output.contains("  expected `sfc_mid_career is eligible`"))
      #expect(output.contains("  actual:  false: it is ineligible"))
      #expect(output.contains("✗ aged 40 and above, by year of birth: needs at least 41, is 40"))
      #expect(Self.lastLine(output).hasSuffix(" passed, 1 failed"))
      // The README shows this output; all but its count line, which grows with the library.
      let excerpt = try Self.readmeExcerpt()
      let lines = excerpt.split(separator: "\n")
      #expect(lines.count > 3)
      #expect(output.contains(lines.dropLast().joined(separator: "\n") + "\n"))
      #expect(lines.last?.hasSuffix(" passed, 1 failed") == true)
    }
  }

  /// The output block of the README's "Testing policies" section.
  static func readmeExcerpt() throws -> String {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let section = readme.range(of: "## Testing policies") else { return "" }
    let parts = readme[section.upperBound...].components(separatedBy: "```")
    // parts[1] is the command block, parts[3] the output block.
    return parts.count > 3 ? parts[3].trimmingCharacters(in: .newlines) : ""
  }

  /// The policy library's files by path relative to `policies/`.
  static func library() throws -> [String: String] {
    let folder = packageRoot.appendingPathComponent("policies")
    var files: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".credence") else { continue }
      files[relative] = try String(
        contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }
    return files
  }
}

import Foundation
import Testing

/// `credence diff` on the example library with one-line changes whose affected learners are
/// known by construction, over a sample store.
@Suite struct DiffCommandTests {
  static let asOf = "2026-06-30"

  /// A sample store of 200 learners and a copy of the library with `line` replaced by
  /// `replacement` in `file` (exactly once).
  static func setUp(file: String, line: String, replacement: String) throws -> (
    DBScratchDirectory, store: String, old: String, new: String
  ) {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "200", "--seed", "1"]).status == 0)
    let new = dir.url.appendingPathComponent("new-policies")
    try FileManager.default.copyItem(
      at: EvalFixtures.packageRoot.appendingPathComponent("policies"), to: new)
    let edited = new.appendingPathComponent(file)
    let text = try String(contentsOf: edited, encoding: .utf8)
    #expect(text.components(separatedBy: line).count == 2, "`\(line)` is not once in \(file)")
    try Data(text.replacingOccurrences(of: line, with: replacement).utf8).write(to: edited)
    return (dir, store, PathCommandTests.policies, new.path)
  }

  /// One `eval --all` result per learner of one decision, as JSON objects.
  static func results(_ policies: String, _ store: String, _ decision: String, explain: Bool)
    throws -> [[String: Any]]
  {
    let outcome = try DBCommand.run(
      [
        "eval", policies, "--db", store, "--all", "--as-of", asOf, "--decision", decision,
        "--format", "json",
      ] + (explain ? ["--explain"] : []))
    #expect(outcome.status == 0, "\(outcome.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
  }

  static func diff(_ old: String, _ new: String, _ store: String, format: String) throws -> String {
    let outcome = try DBCommand.run(
      ["diff", old, new, "--db", store, "--all", "--as-of", asOf, "--format", format])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    return outcome.standardOutput
  }

  /// The opening credit raised from 500 to 600 SGD: every learner eligible for it, and only
  /// they, change, each by +100 SGD, status unchanged.
  @Test func anAmountChangeAffectsExactlyTheEligible() throws {
    let (dir, store, old, new) = try Self.setUp(
      file: "funding/skillsfuture-credit.credence",
      line: "param sfc_opening_amount: Money(SGD) = 500 SGD from 2016-01-01",
      replacement: "param sfc_opening_amount: Money(SGD) = 600 SGD from 2016-01-01")
    _ = dir
    let eligible = try Self.results(old, store, "sfc_opening", explain: false)
      .filter { $0["status"] as? String == "eligible" }.compactMap { $0["learner"] as? String }
    #expect(!eligible.isEmpty)
    let csv = try Self.diff(old, new, store, format: "csv")
    let rows = csv.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(rows.map { $0[0] } == eligible)
    for row in rows {
      #expect(
        Array(row[1...7]) == ["sfc_opening", "", "eligible", "eligible", "500", "600", "SGD"],
        "\(row)")
    }
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(try Self.diff(old, new, store, format: "json").utf8))
        as? [String: Any])
    #expect(json["learners"] as? Int == 200)
    #expect(json["changed_learners"] as? Int == eligible.count)
    let decisions = try #require(json["decisions"] as? [[String: Any]])
    #expect(decisions.count == 1)
    let amounts = try #require(decisions.first?["amounts"] as? [[String: Any]])
    #expect(amounts.first?["change"] as? String == "\(eligible.count * 100)")
  }

  /// SFC (Mid-Career) from 41 instead of 40: exactly the learners eligible before whose age
  /// by year of birth is 40 turn ineligible, and the rule named is the age condition.
  @Test func aThresholdChangeAffectsExactlyThoseAtTheThreshold() throws {
    let (dir, store, old, new) = try Self.setUp(
      file: "funding/skillsfuture-credit.credence",
      line: "and sfc_age >= 40       because \"aged 40 and above, by year of birth\"",
      replacement: "and sfc_age >= 41       because \"aged 40 and above, by year of birth\"")
    _ = dir
    // Who is 40 is read from the old explanation's age line ("…: is 40" or "…, is 40").
    let forty = try Self.results(old, store, "sfc_mid_career", explain: true).filter { result in
      guard result["status"] as? String == "eligible",
        let explanation = result["explanation"] as? [String: Any],
        let children = explanation["children"] as? [[String: Any]]
      else { return false }
      return children.contains { child in
        let text = child["text"] as? String ?? ""
        return text.hasPrefix("aged 40 and above, by year of birth") && text.hasSuffix("is 40")
      }
    }.compactMap { $0["learner"] as? String }
    #expect(!forty.isEmpty, "the sample has no learner aged 40 by year of birth")
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(try Self.diff(old, new, store, format: "json").utf8)) as? [String: Any])
    let changes = try #require(json["changes"] as? [[String: Any]])
    #expect(changes.compactMap { $0["learner"] as? String } == forty)
    for change in changes {
      #expect(change["decision"] as? String == "sfc_mid_career")
      #expect((change["old"] as? [String: Any])?["status"] as? String == "eligible")
      #expect((change["new"] as? [String: Any])?["status"] as? String == "ineligible")
      #expect(change["rules"] as? [String] == ["aged 40 and above, by year of birth"])
    }
    let table = try Self.diff(old, new, store, format: "table")
    #expect(
      table.hasPrefix("200 learners as of \(Self.asOf): \(forty.count) changed\n"), "\(table)")
    #expect(table.contains("eligible → ineligible: \(forty.count)"))
    #expect(table.contains("\(forty.count)× aged 40 and above, by year of birth"))
    #expect(table.contains("example \(forty[0]):"))
    // The README's example learner is the same whatever the sample's size.
    #expect(
      table.contains(try Self.readmeExample()), "README's diff example is not printed:\n\(table)")
  }

  /// The README's side-by-side example under "Who a policy change affects".
  static func readmeExample() throws -> String {
    let readme = try String(
      contentsOf: EvalFixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "## Who a policy change affects"))
    let block = readme[section.upperBound...].components(separatedBy: "```")[1]
    let start = try #require(block.range(of: "  example "))
    let end = try #require(block.range(of: "  …"))
    return String(block[start.lowerBound..<end.lowerBound])
  }

  /// The same policies twice: nothing changed.
  @Test func identicalPoliciesChangeNothing() throws {
    let (dir, store) = try PathCommandTests.store()
    _ = dir
    let table = try Self.diff(
      PathCommandTests.policies, PathCommandTests.policies, store, format: "table")
    #expect(table == "40 learners as of \(Self.asOf): 0 changed\n")
  }

  /// `REV:PATH` reads a git revision: the committed library against itself changes nothing.
  @Test func aGitRevisionIsRead() throws {
    let root = EvalFixtures.packageRoot
    let (dir, store) = try PathCommandTests.store()
    _ = dir
    let outcome = try DBCommand.run(
      ["diff", "HEAD:policies", "HEAD:policies", "--db", store, "--all", "--as-of", Self.asOf],
      in: root)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput == "40 learners as of \(Self.asOf): 0 changed\n")
  }

  @Test func aMissingRevisionOrPathIsAClearError() throws {
    let (dir, store) = try PathCommandTests.store()
    _ = dir
    let outcome = try DBCommand.run(
      ["diff", "no-such-rev:policies", PathCommandTests.policies, "--db", store, "--all"],
      in: EvalFixtures.packageRoot)
    #expect(outcome.status == 66)
    #expect(
      outcome.standardError.contains("git cannot read `policies` at revision `no-such-rev`"),
      "\(outcome.standardError)")
    let withoutAll = try DBCommand.run(["diff", "a", "b", "--db", store])
    #expect(withoutAll.status == 64)
  }
}

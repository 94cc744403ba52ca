import Foundation
import Testing

/// The sample exercises the example policy library: on a few thousand learners, every
/// decision reaches at least two outcomes, except those listed with the reason.
@Suite struct SampleDecisionsTests {
  /// Decisions that reach one status only on the README's evaluation date, and why.
  static let singleStatus: [String: (status: String, why: String)] = [
    "sfc_top_up_2020": ("ineligible", "the one-off 2020 top-up lapsed after 31 Dec 2025"),
    "sfc_mid_career_support_2020": (
      "ineligible", "merged into SFC (Mid-Career) on 1 May 2024"
    ),
    "sfc_mcs_2020_claim": (
      "ineligible", "the transition clause needed a claim and a start by 30 Jun 2024"
    ),
    "ntuc_utap": ("not in effect", "the policy is in effect until 31 Dec 2025"),
    "suss_a_level_exemption": (
      "not achieved",
      "it needs credentials of type `a-level-h2`, which the contract's `type` CHECK rules out"
    ),
  ]

  /// `stack`, `fund` and `equivalence` names declared in the policy library.
  static func decisions() throws -> [String] {
    let root = EvalFixtures.packageRoot.appendingPathComponent("policies")
    let files =
      FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "credence" } ?? []
    var names: [String] = []
    for file in files {
      for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
        let words = line.split(separator: " ", maxSplits: 2)
        if words.count >= 2, ["stack", "fund", "equivalence"].contains(words[0]) {
          names.append(String(words[1]))
        }
      }
    }
    return names.sorted()
  }

  @Test func everyDecisionOfTheLibraryReachesSeveralOutcomesOnTheSample() throws {
    let dir = try DBScratchDirectory()
    let sample = try DBCommand.run(
      ["db", "sample", "s.db", "--learners", "3000", "--seed", "1"], in: dir.url)
    #expect(sample.status == 0, "\(sample.standardError)")
    let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path
    let outcome = try DBCommand.run(
      ["eval", policies, "--db", "s.db", "--all", "--format", "csv", "--as-of", "2026-06-30"],
      in: dir.url)
    #expect(outcome.status == 0, "no decision is an error: \(outcome.standardError)")
    var statuses: [String: Set<String>] = [:]
    // learner,decision,enrolment,status,…: the first four fields hold no commas or quotes.
    for line in outcome.standardOutput.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
      guard fields.count > 3 else { continue }
      statuses[String(fields[1]), default: []].insert(String(fields[3]))
    }
    let decisions = try Self.decisions()
    #expect(decisions.count > 30)
    for decision in decisions {
      let seen = statuses[decision] ?? []
      if let single = Self.singleStatus[decision] {
        #expect(seen == [single.status], "\(decision): \(single.why)")
      } else {
        #expect(seen.count >= 2, "\(decision) reaches only \(seen.sorted())")
      }
    }
    #expect(!statuses.values.contains { $0.contains("error") })
  }
}

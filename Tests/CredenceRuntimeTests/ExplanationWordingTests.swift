import CredenceRecords
import CredenceRuntime
import CredenceSyntax
import CredenceValues
import Testing

/// Explanations speak to a registrar: the author's `##` words about a rule come first, and a
/// missing record is named in words one can act on, whatever the policy called its facts.
@Suite struct ExplanationWordingTests {
  static let program = Programs.compile(
    """
    fact admitted_on: Date
    fact meets_household_rules: Bool

    ## Support for households that meet the rules.
    ## Paid once a year.
    fund support "Household support"
      eligible when meets_household_rules because "meets the household rules"
      amount 100 SGD

    equivalence transfer "Transfer credit"
      using learner.awards where awarded_on >= admitted_on - 5 years
      "A" counts as "MOD1" for 4 credits
    """)

  static let learner = Learner(
    id: "L1", citizenship: "SG",
    awards: [
      Award(
        id: "A1", credential: Credential(code: "A", type: "course", credits: 4, field: "x"),
        awardedOn: CivilDate(year: 2024, month: 3, day: 1))
    ])

  static func explanation(_ decision: Int) throws -> [String] {
    let program = try #require(Self.program)
    let session = EvaluationSession(
      program: program, asOf: day("2026-07-01"), options: EvaluationOptions(explain: true))
    let result = session.evaluate(Self.learner).results[decision]
    #expect(result.status == .undetermined)
    return try #require(result.explanation).lines()
  }

  @Test("a decision's doc comment is the first line under it, its lines joined")
  func documentationComesFirst() throws {
    let lines = try Self.explanation(0)
    #expect(lines.count >= 3)
    #expect(lines.first == "? Household support: undetermined")
    #expect(
      lines.dropFirst().first == "  · Support for households that meet the rules. Paid once a year."
    )
  }

  @Test("a missing fact is quoted by name, not read as a noun")
  func missingFactIsQuoted() throws {
    let lines = try Self.explanation(0)
    #expect(lines.contains { $0.contains("unknown: no record of “meets household rules”") })
    #expect(!lines.contains { $0.contains("the learner's meets") })
  }

  @Test("an award that may count says which record would decide it")
  func uncertainAwardNamesTheMissingRecord() throws {
    let lines = try Self.explanation(1)
    #expect(
      lines.contains { $0.hasSuffix("award A1 (A): may count, but no record of “admitted on”") },
      Comment(rawValue: lines.joined(separator: "\n")))
  }
}

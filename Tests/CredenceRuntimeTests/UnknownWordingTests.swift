import CredenceRuntime
import CredenceSyntax
import CredenceValues
import Testing

/// Explanations say which record is missing in words a registrar can act on, whatever the
/// policy named its facts.
@Suite struct UnknownWordingTests {
  static let program = Programs.compile(
    """
    fact admitted_on: Date
    fact meets_household_rules: Bool

    fund support "Household support"
      eligible when meets_household_rules because "meets the household rules"
      amount 100 SGD

    equivalence transfer "Transfer credit"
      using learner.awards where awarded_on >= admitted_on - 5 years
      "A" counts as "MOD1" for 4 credits
    """)

  static let learner = LearnerView(
    id: "L1", citizenship: "SG",
    awards: [
      AwardRow(
        id: "A1", credential: CredentialRow(code: "A", type: "course", credits: 4, field: "x"),
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

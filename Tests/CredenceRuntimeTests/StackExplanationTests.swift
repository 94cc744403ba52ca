import CredenceRecords
import CredenceRuntime
import CredenceSyntax
import CredenceValues
import Testing

/// What a learner reads under a stack or a number: the awards a *not achieved* stack's pool
/// left out and why, a closest assignment the search could not prove, numbers that do not
/// terminate cut short.
@Suite struct StackExplanationTests {
  static let program = Programs.compile(
    """
    policy "Explanations"
      grades letter

    scale letter: "F" < "D" < "C" < "B" < "A"

    stack recent "Two recent courses"
      using learner.awards where awarded_on > as_of - 5 years and grade >= "B"
      require all of ["C1", "C2"] because "both courses"

    stack credits "A thousand recent credits"
      using learner.awards where awarded_on > as_of - 5 years
      require at least 1000 credits

    let average = 13 / 3

    fund grant "A grant for a good average"
      eligible when average >= 2.5 because "an average of at least 2.5"
      amount 100 SGD / 3
    """
      + "\n\nstack blocks \"Twelve blocks\"\n  require all of\n"
      + BlocksCase.twelve.blocks.map { options in
        "    any of\n"
          + options.map { codes in
            "      all of [" + codes.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
          }.joined()
      }.joined())

  static func award(_ id: String, _ code: String, _ date: String, _ grade: String) -> Award {
    Award(
      id: id, credential: Credential(code: code, type: "course", credits: 4, field: "x"),
      awardedOn: day(date), grade: grade)
  }

  static let learner = Learner(
    id: "L1", citizenship: "SG",
    awards: [
      award("A1", "C1", "2019-03-01", "A"), award("A2", "C2", "2025-03-01", "C"),
      award("A3", "C3", "2025-04-01", "A"),
    ]
      + BlocksCase.twelve.held.enumerated().map { index, code in
        award("B\(index)", code, "2025-05-01", "A")
      })

  static func explanation(_ name: String) throws -> [String] {
    let program = try #require(Self.program)
    let options = EvaluationOptions(explain: true)
    let session = EvaluationSession(program: program, asOf: day("2026-07-01"), options: options)
    let result = try #require(session.evaluate(Self.learner).results.first { $0.decision == name })
    return try #require(result.explanation).lines()
  }

  @Test("a not-achieved stack names the awards its pool left out, with why")
  func leftOutAwardsAreNamed() throws {
    let lines = try Self.explanation("recent")
    let text = lines.joined(separator: "\n")
    #expect(
      lines.first?.hasPrefix("✗ Two recent courses: not achieved") == true, Comment(rawValue: text))
    #expect(lines.contains { $0.hasPrefix("  ✗ award A1 (C1): too old") }, Comment(rawValue: text))
    #expect(
      lines.contains { $0.hasPrefix("  ✗ award A2 (C2): grade too low") }, Comment(rawValue: text))
    // C3 could serve no unmet requirement: not named.
    #expect(!text.contains("A3"), Comment(rawValue: text))
  }

  @Test("an unmet total names every award the pool left out")
  func anUnmetTotalNamesEveryLeftOutAward() throws {
    let lines = try Self.explanation("credits")
    let text = lines.joined(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("  ✗ award A1 (C1): too old") }, Comment(rawValue: text))
  }

  @Test("a closest assignment the node limit left unproven says so")
  func unprovenClosestIsSaid() throws {
    // The default limit finds the true closest (9 of the 12 blocks, the most that hold
    // together) but cannot prove it.
    let lines = try Self.explanation("blocks")
    let text = lines.joined(separator: "\n")
    #expect(
      lines.first?.hasPrefix("✗ Twelve blocks: not achieved") == true, Comment(rawValue: text))
    #expect(
      lines.contains { $0.contains("not proven the closest assignment") }, Comment(rawValue: text))
    // The stack's line, its one `all of` requirement, then the twelve blocks.
    #expect(lines.filter { $0.hasPrefix("    ✓ ") }.count <= 9, Comment(rawValue: text))
  }

  @Test("numbers that do not terminate are cut short where people read them")
  func inexactNumbersAreReadable() throws {
    let lines = try Self.explanation("grant")
    let text = lines.joined(separator: "\n")
    #expect(text.contains("is 4.333…"), Comment(rawValue: text))
    #expect(!text.contains("4.3333"), Comment(rawValue: text))
    #expect(text.contains("33.333… SGD"), Comment(rawValue: text))
  }

  @Test("readable text: exact up to six decimals, else cut after three or three significant digits")
  func readableText() {
    #expect(decimal("1250.00").readable == "1250.00")
    #expect(decimal("0.125").readable == "0.125")
    #expect(decimal("0.123456").readable == "0.123456")
    #expect(decimal("4.333333333333333333").readable == "4.333…")
    #expect(decimal("-2.666666666666666667").readable == "-2.666…")
    #expect(decimal("0.000012345678").readable == "0.0000123…")
    #expect(decimal("1.500000000").readable == "1.500000000")
    #expect(Percent(decimal("33.33333333")).readable == "33.333…%")
  }
}

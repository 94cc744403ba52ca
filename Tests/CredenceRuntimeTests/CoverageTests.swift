import CredenceRuntime
import CredenceSyntax
import Testing

/// Coverage of policy tests: which rules the tests exercised, and what no test did.
@Suite struct CoverageTests {
  /// Runs every test of `text` with a recorder; the rules' gaps by their text.
  static func gaps(_ text: String) throws -> [String: String] {
    let program = try #require(Programs.compile(text))
    let recorder = CoverageRecorder()
    let runner = PolicyTestRunner(program: program, today: day("2026-07-01"), coverage: recorder)
    let outcomes = runner.runAll()
    let failing = outcomes.filter { !$0.passed }
    #expect(failing.isEmpty, "\(failing)")
    let report = recorder.report(for: program)
    var gaps: [String: String] = [:]
    for item in report.items { gaps[item.kind.rawValue + " " + item.text] = item.gap ?? "" }
    return gaps
  }

  static let fund = """
    fund grant "Grant"
      eligible when learner.citizenship == "SG" because "citizen"
                and years_between(learner.birth_date, as_of) >= 40 because "aged 40"
      amount first match
        | years_between(learner.birth_date, as_of) >= 60 -> 900 SGD
        | otherwise -> 500 SGD

    """

  static let eligible = """
    test "eligible"
      as of 2026-07-01
      given learner { birth_date: 1980-01-01, citizenship: "SG" }
      expect grant.amount == 500 SGD

    """

  @Test func aConditionIsExercisedWhenSomeTestSeesItHoldAndSomeTestSeesItFail() throws {
    let onlyEligible = try Self.gaps(Self.fund + Self.eligible)
    #expect(onlyEligible["decision \"Grant\""] == "")
    #expect(onlyEligible["condition \"citizen\""] == "no test where it fails")
    #expect(onlyEligible["condition \"aged 40\""] == "no test where it fails")

    let notCitizen = """
      test "not a citizen"
        as of 2026-07-01
        given learner { birth_date: 1980-01-01, citizenship: "MY" }
        expect grant is ineligible

      """
    // The conditions are Kleene `and`, decided left to right: the age is not reached.
    let first = try Self.gaps(Self.fund + Self.eligible + notCitizen)
    #expect(first["condition \"citizen\""] == "")
    #expect(first["condition \"aged 40\""] == "no test where it fails")

    let unknownAge = """
      test "birth date unknown"
        as of 2026-07-01
        given learner { citizenship: "SG" }
        expect grant is undetermined

      """
    let both = try Self.gaps(Self.fund + Self.eligible + notCitizen + unknownAge)
    #expect(both["condition \"aged 40\""] == "", "unknown counts as failing")
  }

  @Test func aConditionNoTestReachesSaysSo() throws {
    let gaps = try Self.gaps(Self.fund + "let unrelated = 1\n")
    #expect(gaps["decision \"Grant\""] == "no test decides it")
    #expect(gaps["condition \"citizen\""] == "no test reaches it")
  }

  @Test func aTableRowIsExercisedWhenChosen() throws {
    let gaps = try Self.gaps(Self.fund + Self.eligible)
    #expect(gaps["table row `| otherwise -> 500 SGD`"] == "")
    #expect(
      gaps["table row `| years_between(learner.birth_date, as_of) >= 60 -> 900 SGD`"]
        == "no test chooses it")
  }

  @Test func aDecisionNotInEffectIsNotExercised() throws {
    let dated = """
      policy "dated" effective 2020-01-01
      fund grant "Grant"
        amount 500 SGD

      test "before the policy"
        as of 2019-12-31
        given learner { citizenship: "SG" }
        expect grant is not in effect

      """
    #expect(try Self.gaps(dated)["decision \"Grant\""] == "no test decides it")
  }

  static let stack = """
    stack cert "Certificate"
      require at least 2 credentials because "two courses"
      require any of because "a core course"
        all of ["C1"]
        all of ["C2"]

    test "two courses with C1"
      as of 2026-07-01
      given credential { code: "C1", credits: 4 }
      given credential { code: "X", credits: 4 }
      given award "C1" on 2025-01-01
      given award "X" on 2025-02-01
      expect cert is achieved

    """

  @Test func aRequirementIsExercisedWhenMetInOneTestAndNotInAnother() throws {
    let gaps = try Self.gaps(Self.stack)
    #expect(gaps["requirement \"two courses\""] == "no test where it is not met")
    #expect(gaps["requirement \"a core course\""] == "no test where it is not met")
    #expect(gaps["requirement `all of [\"C1\"]`"] == "no test where it is not met")
    #expect(gaps["requirement `all of [\"C2\"]`"] == "no test where it is met")

    let oneCourse = """
      test "C2 alone"
        as of 2026-07-01
        given credential { code: "C2", credits: 4 }
        given award "C2" on 2025-01-01
        expect cert is not achieved

      """
    let more = try Self.gaps(Self.stack + oneCourse)
    #expect(more["requirement \"two courses\""] == "")
    #expect(more["requirement \"a core course\""] == "no test where it is not met")
    #expect(more["requirement `all of [\"C1\"]`"] == "")
    #expect(more["requirement `all of [\"C2\"]`"] == "")
  }

  static let equivalence = """
    equivalence transfer "Transfer"
      "A" counts as "M1" for 4 credits
      "B" counts as elective in "micro" for 4 credits
      "C" counts as elective in "micro" for 4 credits
      cap 6 credits in "micro"
      cap 20 credits

    test "A and B"
      as of 2026-07-01
      given credential { code: "A" }
      given credential { code: "B" }
      given award "A" on 2025-01-01
      given award "B" on 2025-01-01
      expect transfer.credits == 8

    """

  @Test func aRuleIsExercisedWhenItGrantsCreditAndACapWhenItCuts() throws {
    let gaps = try Self.gaps(Self.equivalence)
    #expect(gaps["rule `\"A\" counts as \"M1\" for 4 credits`"] == "")
    #expect(gaps["rule `\"B\" counts as elective in \"micro\" for 4 credits`"] == "")
    #expect(
      gaps["rule `\"C\" counts as elective in \"micro\" for 4 credits`"]
        == "no test is granted credit by it")
    #expect(gaps["cap `cap 6 credits in \"micro\"`"] == "no test reaches it")
    #expect(gaps["cap `cap 20 credits`"] == "no test reaches it")

    let capped = """
      test "B and C reach the micro-credential cap"
        as of 2026-07-01
        given credential { code: "B" }
        given credential { code: "C" }
        given award "B" on 2025-01-01
        given award "C" on 2025-01-01
        expect transfer.credits == 6

      """
    let more = try Self.gaps(Self.equivalence + capped)
    #expect(more["rule `\"C\" counts as elective in \"micro\" for 4 credits`"] == "")
    #expect(more["cap `cap 6 credits in \"micro\"`"] == "")
    #expect(more["cap `cap 20 credits`"] == "no test reaches it")
  }

  /// Recording changes no result.
  @Test func recordingLeavesOutcomesUnchanged() throws {
    let program = try #require(Programs.library)
    let plain = PolicyTestRunner(program: program, today: day("2026-07-01")).runAll()
    let recorded = PolicyTestRunner(
      program: program, today: day("2026-07-01"), coverage: CoverageRecorder()
    ).runAll()
    #expect(plain == recorded)
  }

  /// The library's tests exercise every rule of the library.
  @Test func theLibraryHasNoUnexercisedRule() throws {
    let program = try #require(Programs.library)
    let recorder = CoverageRecorder()
    _ = PolicyTestRunner(program: program, today: day("2026-07-01"), coverage: recorder).runAll()
    let report = recorder.report(for: program)
    #expect(report.items.count > 150)
    let gaps = report.unexercised.map {
      "\($0.owner): \($0.kind.rawValue) \($0.text): \($0.gap ?? "")"
    }
    #expect(gaps.isEmpty, Comment(rawValue: gaps.joined(separator: "\n")))
  }
}

import CredenceSyntax
import Foundation
import Testing

@testable import CredenceSemantics

/// Tests are checked on several cores from `defaultParallelTestThreshold` tests on; the
/// outcome must be exactly that of checking them one after another, whatever the program.
@Suite struct ParallelTestCheckingTests {
  /// Checks `sources` with tests forced onto several cores and one after another.
  private func bothWays(_ sources: SourceSet) -> (parallel: CheckOutcome, serial: CheckOutcome) {
    let trees = sources.files.map { Parser.parse($0).syntax }
    return (
      Checker.check(trees, parallelThreshold: 0),
      Checker.check(trees, parallelThreshold: .max)
    )
  }

  private func expectSame(_ a: CheckOutcome, _ b: CheckOutcome) {
    #expect(a.diagnostics == b.diagnostics)
    #expect(a.program?.tests == b.program?.tests)
    #expect(a.program?.lets == b.program?.lets)
    #expect(a.program?.funds == b.program?.funds)
    #expect(a.program?.evaluationOrder == b.program?.evaluationOrder)
    #expect(a.program?.dependencies == b.program?.dependencies)
    #expect((a.program == nil) == (b.program == nil))
  }

  @Test func theThresholdIsAboveAFewTestsAndBelowTheLibrary() throws {
    let urls = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    let trees = try Programs.sources(urls).files.map { Parser.parse($0).syntax }
    let tests = trees.flatMap(\.declarations).filter {
      if case .test = $0.kind { true } else { false }
    }
    #expect(ProgramChecker.defaultParallelTestThreshold >= 16)
    #expect(tests.count >= ProgramChecker.defaultParallelTestThreshold)
  }

  @Test func theLibraryChecksTheSameOnSeveralCores() throws {
    let urls = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    let (parallel, serial) = bothWays(try Programs.sources(urls))
    #expect(parallel.program != nil)
    #expect((parallel.program?.tests.count ?? 0) >= ProgramChecker.defaultParallelTestThreshold)
    expectSame(parallel, serial)
  }

  @Test(arguments: SpecTests.programs)
  func specProgramsCheckTheSameOnSeveralCores(_ program: SpecTests.Program) throws {
    let (parallel, serial) = bothWays(try SpecTests.sources(program))
    expectSame(parallel, serial)
  }

  /// Many tests with mistakes that draw suggestions, once-per-file warnings and "depends
  /// on today" warnings, spread over every chunk.
  @Test func testsWithMistakesCheckTheSameOnSeveralCores() {
    var text = "policy \"p\"\n  version \"1\"\n\nlet age = years_between(as_of, as_of)\n"
    text += "let other = 1\n"
    for i in 0..<120 {
      text += "test \"t\(i)\"\n"
      switch i % 4 {
      case 0: text += "  given learner { agee: 3 }\n  expect agee > 1\n"
      case 1: text += "  expect age > \(i)\n"
      case 2: text += "  as of 2026-01-01\n  expect other > \(i)\n"
      default: text += "  given credential { code: \"C\(i)\", titel: \"x\" }\n  expect othr > 1\n"
      }
    }
    var sources = SourceSet()
    sources.add(path: "p.credence", text: text)
    let (parallel, serial) = bothWays(sources)
    #expect(parallel.diagnostics.contains { $0.code == .testDependsOnToday })
    #expect(parallel.diagnostics.contains { ($0.help ?? "").hasPrefix("did you mean") })
    expectSame(parallel, serial)
  }

  /// Lets in waves: chains, fans, cycles and lets mentioning a cycle, with mistakes.
  @Test func letsAndFundsCheckTheSameInWaves() {
    var text = "policy \"p\"\n  version \"1\"\n\n"
    for i in 0..<40 { text += "let base\(i) = \(i)\n" }
    for i in 0..<40 { text += "let mid\(i) = base\(i) + base\((i + 1) % 40)\n" }
    for i in 0..<40 { text += "let top\(i) = mid\(i) * 2 + missing\(i % 3)\n" }
    text += "let loop_a = loop_b + 1\nlet loop_b = loop_a + 1\nlet after_loop = loop_a + top0\n"
    text += "let wrong = \"x\" + 1\nlet shadow = [1, 2] where base0 > 1\n"
    text += "test \"t\"\n  as of 2026-01-01\n  expect top1 > 0 and after_loop > 0\n"
    var sources = SourceSet()
    sources.add(path: "p.credence", text: text)
    let trees = sources.files.map { Parser.parse($0).syntax }
    let (parallel, serial) = bothWays(sources)
    #expect(parallel.diagnostics.contains { $0.code == .dependencyCycle })
    expectSame(parallel, serial)
    // The same program without its mistakes gives a checked program, the same both ways.
    let clean = text.replacingOccurrences(of: " + missing", with: " + base")
      .replacingOccurrences(of: "let loop_a = loop_b + 1\nlet loop_b = loop_a + 1\n", with: "")
      .replacingOccurrences(of: "let after_loop = loop_a + top0\n", with: "let after_loop = top0\n")
      .replacingOccurrences(of: "let wrong = \"x\" + 1\n", with: "")
    var cleanSources = SourceSet()
    cleanSources.add(path: "p.credence", text: clean)
    let (a, b) = bothWays(cleanSources)
    #expect(a.diagnostics.filter(\.isError) == [])
    #expect(a.program != nil)
    expectSame(a, b)
    #expect(!trees.isEmpty)
  }

  @Test func wavesPutEachDefinitionAfterWhatItMentions() {
    let a = DefinitionID.let(LetID(0))
    let b = DefinitionID.let(LetID(1))
    let c = DefinitionID.let(LetID(2))
    let d = DefinitionID.fund(FundID(0))
    let e = DefinitionID.let(LetID(3))
    // a and b mention each other (a cycle); c mentions nothing, d mentions c, e mentions a.
    let mentions: [DefinitionID: [DefinitionID]] = [a: [b], b: [a], c: [], d: [c], e: [a]]
    let waves = ProgramChecker.waves([b, a, c, d, e], mentions: mentions)
    #expect(waves == [[c], [d]])
  }

  /// Past the suggestion limit, which tests get a suggestion depends on the order: the
  /// forks' findings are dropped and the tests checked again one after another.
  @Test func pastTheSuggestionLimitTestsAreCheckedInOrder() {
    var text = "policy \"p\"\n  version \"1\"\n\nlet age = 1\n"
    for i in 0..<(CheckerLimits.maximumSuggestions + 40) {
      text += "test \"t\(i)\"\n  as of 2026-01-01\n  expect agee > 1\n"
    }
    var sources = SourceSet()
    sources.add(path: "p.credence", text: text)
    let (parallel, serial) = bothWays(sources)
    let suggested = parallel.diagnostics.filter { ($0.help ?? "").hasPrefix("did you mean") }
    #expect(suggested.count == CheckerLimits.maximumSuggestions)
    expectSame(parallel, serial)
  }
}

/// Each test's uses are its own: a test without `as of` that reads the date is warned
/// about even when it is not the first test (all tests once shared test 0's uses).
@Suite struct TestUsesTests {
  @Test func theSecondTestReadingTheDateIsWarnedAbout() {
    let text = """
      policy "p"
        version "1"

      let age = years_between(as_of, as_of)
      test "fixed"
        as of 2026-01-01
        expect age >= 0
      test "floating"
        expect age >= 0
      test "constant"
        expect 1 > 0

      """
    let checked = Programs.check(text)
    #expect(
      checked.summary == [
        "test.credence:8: warning[W0901]: this test depends on the evaluation date but does not fix it"
      ])
  }
}

/// Field names of a record are tracked in a list up to `SeenNames.linearLimit`, then in a
/// dictionary: the same answers either way.
@Suite struct SeenNamesTests {
  @Test func duplicatesAreFoundBeforeAndAfterTheListTurnsIntoATable() {
    #expect(SeenNames.linearLimit >= 4)
    let count = SeenNames.linearLimit * 3
    var seen = SeenNames()
    for i in 0..<count {
      let span = Span(file: FileID(0), start: i, end: i + 1)
      #expect(seen.span(of: "f\(i)") == nil)
      seen.insert("f\(i)", at: span)
      for j in [0, i / 2, i] {
        #expect(seen.span(of: "f\(j)") == Span(file: FileID(0), start: j, end: j + 1))
      }
    }
    #expect(seen.span(of: "f\(count)") == nil)
  }

  @Test func aRecordOfManyFieldsReportsEachRepeatOnce() {
    let fields = (0..<(SeenNames.linearLimit * 4)).map { "x\($0 % (SeenNames.linearLimit * 2)): 1" }
    let text = """
      policy "p"
        version "1"

      test "t"
        as of 2026-01-01
        given learner { \(fields.joined(separator: ", ")) }
        expect 1 > 0

      """
    let repeats = Programs.check(text).outcome.diagnostics.filter {
      $0.code == .duplicateLocalName
    }
    #expect(repeats.count == SeenNames.linearLimit * 2)
  }
}

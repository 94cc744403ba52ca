import CredenceSyntax
import Foundation
import Testing

@testable import CredenceSemantics

/// `CheckScope.withoutTests` (what `credence eval` checks): the program's definitions and
/// decisions exactly as a full check gives them, no test, and no diagnostic a full check
/// would not give.
@Suite struct CheckScopeTests {
  private func trees(_ sources: SourceSet) -> [FileSyntax] {
    sources.files.map { Parser.parse($0).syntax }
  }

  private func trees(_ text: String) -> [FileSyntax] {
    var sources = SourceSet()
    sources.add(path: "p.credence", text: text)
    return trees(sources)
  }

  /// Everything a full check found outside test declarations, except "never used"
  /// warnings (which the syntactic walk over tests may leave out).
  private func outsideTests(_ full: CheckOutcome, _ files: [FileSyntax]) -> [Diagnostic] {
    let testSpans = files.flatMap(\.declarations).compactMap { declaration -> Span? in
      if case .test = declaration.kind { declaration.span } else { nil }
    }
    return full.diagnostics.filter { diagnostic in
      diagnostic.code != .unusedDefinition && diagnostic.code != .unusedFact
        && !testSpans.contains {
          $0.file == diagnostic.span.file && $0.start <= diagnostic.span.start
            && diagnostic.span.end <= $0.end
        }
    }
  }

  @Test func theLibraryGivesTheSameProgramWithoutItsTests() throws {
    let urls = Programs.files(under: Programs.root.appendingPathComponent("policies"))
    let files = trees(try Programs.sources(urls))
    let full = Checker.check(files)
    let reduced = Checker.check(files, scope: .withoutTests)
    #expect(full.diagnostics.isEmpty)
    #expect(reduced.diagnostics.isEmpty)
    #expect((full.program?.tests.count ?? 0) > 0)
    #expect(reduced.program?.tests == [])
    #expect(reduced.program?.lets == full.program?.lets)
    #expect(reduced.program?.params == full.program?.params)
    #expect(reduced.program?.stacks == full.program?.stacks)
    #expect(reduced.program?.funds == full.program?.funds)
    #expect(reduced.program?.equivalences == full.program?.equivalences)
    #expect(reduced.program?.evaluationOrder == full.program?.evaluationOrder)
    #expect(reduced.program?.dependencies == full.program?.dependencies)
  }

  /// On every spec program, good and bad: nothing added, and everything a full check says
  /// about the rules still said.
  @Test(arguments: SpecTests.programs)
  func specProgramsLoseOnlyWhatTestsSay(_ program: SpecTests.Program) throws {
    let files = trees(try SpecTests.sources(program))
    let full = Checker.check(files)
    let reduced = Checker.check(files, scope: .withoutTests)
    for diagnostic in reduced.diagnostics {
      #expect(full.diagnostics.contains(diagnostic), "added: \(diagnostic.message)")
    }
    for diagnostic in outsideTests(full, files) {
      #expect(reduced.diagnostics.contains(diagnostic), "lost: \(diagnostic.message)")
    }
    #expect(reduced.program?.tests.isEmpty ?? true)
  }

  @Test func aTypeErrorInATestStopsOnlyAFullCheck() {
    let files = trees(
      """
      policy "p"
        version "1"

      let limit = 3

      test "a mistake"
        expect limit == "three"

      """)
    let full = Checker.check(files)
    #expect(full.diagnostics.map(\.code) == [.invalidComparison])
    #expect(full.program == nil)
    let reduced = Checker.check(files, scope: .withoutTests)
    #expect(reduced.diagnostics.isEmpty)
    #expect(reduced.program?.lets.map(\.name) == ["limit"])
  }

  /// Names that only tests mention (in expectations, fixtures, example rows and `given
  /// fact`) are used; a name nothing mentions is still reported, as by a full check.
  @Test func namesOnlyTestsMentionCountAsUsed() {
    let files = trees(
      """
      policy "p"
        version "1"

      param opening: Money(SGD) = 500 SGD from 2016-01-01
      fact income: Money(SGD)
      let limit = 3
      let born = 1990-01-01
      let unused = 4

      test "mentions"
        as of 2026-01-01
        given learner { birth_date: born, citizenship: "SG" }
        given fact income = opening
        expect limit > size
        examples
          | size |
          | 2    |

      """)
    let full = Checker.check(files)
    let reduced = Checker.check(files, scope: .withoutTests)
    let warned = ["the let `unused` is never used"]
    #expect(full.diagnostics.map(\.message) == warned)
    #expect(reduced.diagnostics.map(\.message) == warned)
  }
  /// Names only tests use, fewer and more than `UnmentionedNames.linearSearchLimit` (compared
  /// in turn, or hashed): none is reported, and a name nothing uses still is.
  @Test(arguments: [3, UnmentionedNames.linearSearchLimit + 5])
  func manyNamesOnlyTestsMentionCountAsUsed(_ count: Int) {
    var text = "policy \"p\"\n  version \"1\"\n\nlet unused = 0\n"
    for i in 0..<count { text += "let only_tested\(i) = \(i)\n" }
    text += "test \"mentions\"\n"
    for i in (0..<count).reversed() { text += "  expect only_tested\(i) >= 0\n" }
    var sources = SourceSet()
    sources.add(path: "p.credence", text: text)
    let full = Checker.check(trees(sources))
    let reduced = Checker.check(trees(sources), scope: .withoutTests)
    let warned = ["the let `unused` is never used"]
    #expect(full.diagnostics.map(\.message) == warned)
    #expect(reduced.diagnostics.map(\.message) == warned)
  }
}

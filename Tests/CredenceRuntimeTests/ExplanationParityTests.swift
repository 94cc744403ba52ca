import CredenceRecords
import CredenceRuntime
import CredenceSample
import CredenceSemantics
import CredenceStore
import CredenceSyntax
import CredenceValues
import Foundation
import Testing

/// Explaining never changes a result: every spec program and the whole library, on every
/// learner their tests describe (and, for the library, a generated sample store), give the
/// same results with and without explanations, also under step limits low enough to be hit
/// and with explanations cut short by their own limit.
@Suite struct ExplanationParityTests {
  /// A learner to evaluate, with the facts its test gives and the date it is evaluated on.
  struct TestLearner {
    var learner: Learner
    var facts = GivenFacts()
    var date: CredenceValues.CivilDate
  }

  /// Step limits per learner: the default, and limits the spec and library learners reach.
  static let stepLimits = [EvaluationLimits.defaultStepsPerLearner, 5_000, 400, 60, 12, 3]

  /// What a learner's evaluation decided, as text (a readable difference when one fails).
  static func decided(_ results: LearnerResults) -> [String] {
    results.results.map { result in
      let plain = result.withoutExplanation
      return
        "\(plain.learner) \(plain.decision) \(plain.enrolment ?? "-"): \(plain.status.rawValue)"
        + " amount \(plain.amount.map { "\($0)" } ?? "-") rate \(plain.rate.map { "\($0)" } ?? "-")"
        + " credits \(plain.credits.map { "\($0)" } ?? "-") granted \(plain.granted)"
        + " used \(plain.used) missing \(plain.missing) reasons \(plain.reasons)"
    }
  }

  /// Evaluates `learners` (in order, one session, as a batch does) with and without
  /// explanations at each step limit; records every difference. Returns how many results
  /// were errors under the lowered limits, so callers can check a limit was hit.
  @discardableResult
  static func checkParity(
    _ program: CompiledProgram, _ name: String, learners: [TestLearner]
  ) -> Int {
    var limitErrors = 0
    for limit in stepLimits {
      // Reasons for unknowns are found on the explanation budget with or without
      // explanations, so each explained run is compared with a plain one on the same budget.
      let plain = EvaluationOptions(stepsPerLearner: limit)
      let explained = EvaluationOptions(explain: true, stepsPerLearner: limit)
      var plainStarved = plain
      plainStarved.explanationSteps = 2
      var explainedStarved = explained
      explainedStarved.explanationSteps = 2
      let byDate = Dictionary(grouping: learners.indices, by: { learners[$0].date })
      for (date, indices) in byDate.sorted(by: { $0.key < $1.key }) {
        let sessions = [plain, explained, plainStarved, explainedStarved].map {
          EvaluationSession(program: program, asOf: date, options: $0)
        }
        for index in indices {
          let (learner, facts) = (learners[index].learner, learners[index].facts)
          let runs = sessions.map { decided($0.evaluate(learner, given: facts)) }
          if limit != EvaluationLimits.defaultStepsPerLearner {
            limitErrors += runs[0].filter { $0.contains(": error") }.count
          }
          let pairs = [
            ("explained", runs[0], runs[1]), ("explained on a starved budget", runs[2], runs[3]),
          ]
          for (label, base, run) in pairs where run != base {
            let heading: String =
              "\(name), learner \(learner.id) on \(date), \(limit) steps: results \(label) "
              + "differ from plain ones"
            let plainText: String = base.joined(separator: "\n")
            let otherText: String = run.joined(separator: "\n")
            Issue.record(
              Comment(rawValue: "\(heading):\nplain:\n\(plainText)\n\(label):\n\(otherText)"))
          }
        }
      }
    }
    return limitErrors
  }

  /// The learners a program's tests describe, each with its test's date.
  static func testLearners(_ program: CompiledProgram) -> [TestLearner] {
    let today = day("2026-07-01")
    let session = EvaluationSession(program: program, asOf: today)
    return program.checkedTests.compactMap { test in
      guard test.examples.isEmpty, case .success(let described) = session.learner(describedBy: test)
      else { return nil }
      return TestLearner(
        learner: described.learner, facts: described.facts, date: test.asOf ?? today)
    }
  }

  /// Checks and compiles without recording an issue (some spec programs are meant to fail).
  static func compileQuietly(_ url: URL) -> CompiledProgram? {
    guard let sources = try? Programs.sources([url]) else { return nil }
    let parsed = sources.files.map { Parser.parse($0) }
    let outcome = Checker.check(parsed.map(\.syntax))
    let errors = (parsed.flatMap(\.diagnostics) + outcome.diagnostics).filter(\.isError)
    guard let program = outcome.program, errors.isEmpty else { return nil }
    return CompiledProgram(program, sources: sources)
  }

  static let specFiles = ["CredenceRuntimeTests", "CredenceSemanticsTests", "CredenceSyntaxTests"]
    .flatMap { Programs.files(under: "Tests/\($0)/spec") }
    .map { $0.path.replacingOccurrences(of: Programs.root.path + "/", with: "") }

  @Test(arguments: specFiles)
  func everySpecProgram(_ path: String) throws {
    guard let program = Self.compileQuietly(Programs.root.appendingPathComponent(path)),
      !program.decisions.isEmpty
    else { return }
    Self.checkParity(program, path, learners: Self.testLearners(program))
  }

  @Test func theSpecFoldersHavePrograms() {
    let programs = Self.specFiles.compactMap {
      Self.compileQuietly(Programs.root.appendingPathComponent($0))
    }.filter { !$0.decisions.isEmpty && !Self.testLearners($0).isEmpty }
    #expect(programs.count >= 8)
  }

  @Test func theLibraryOnItsTestLearners() throws {
    let program = try #require(Programs.library)
    let learners = Self.testLearners(program)
    #expect(learners.count > 50)
    // The lowered limits are reached: the test checks results that a limit made errors.
    #expect(Self.checkParity(program, "policies", learners: learners) > 0)
  }

  @Test func theLibraryOnASampleStore() throws {
    let program = try #require(Programs.library)
    let store = try RecordStore.inMemory()
    _ = try SamplePopulation(learners: 300, seed: 7).write(into: store)
    var learners: [TestLearner] = []
    let asOf = day("2026-06-30")
    try SQLiteRecordSource(store: store).forEachBatch(batchSize: 100) { batch in
      for record in batch {
        if case .valid(let learner) = record {
          learners.append(TestLearner(learner: learner, date: asOf))
        }
      }
    }
    #expect(learners.count == 300)
    #expect(Self.checkParity(program, "policies (sample)", learners: learners) > 0)
  }
}

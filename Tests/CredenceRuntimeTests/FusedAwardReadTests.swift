import CredenceRecords
import CredenceTestSupport
import CredenceValues
import Foundation
import Testing

@testable import CredenceRuntime

/// Comparisons of an award's grade or date read in place (Compiler+AwardReads.swift) against
/// the general field reads and comparisons: the same programs compiled both ways must decide
/// and explain every learner alike.
@Suite struct FusedAwardReadTests {
  /// Both compilations of `program`.
  static func bothWays(_ program: CompiledProgram) -> (
    fused: CompiledProgram, general: CompiledProgram
  ) {
    (program, CompiledProgram(program.checked, sources: program.sources, fusesAwardReads: false))
  }

  /// Records every learner whose results differ between the two compilations.
  static func compare(
    _ program: CompiledProgram, _ name: String, _ learners: [(Learner, GivenFacts, CivilDate)]
  ) {
    let (fused, general) = bothWays(program)
    for (learner, facts, date) in learners {
      let options = EvaluationOptions(explain: true)
      let a = ExplanationParityTests.decided(
        EvaluationSession(program: fused, asOf: date, options: options).evaluate(
          learner, given: facts))
      let b = ExplanationParityTests.decided(
        EvaluationSession(program: general, asOf: date, options: options).evaluate(
          learner, given: facts))
      #expect(a == b, "\(name), learner \(learner.id) on \(date)")
      let ea = EvaluationSession(program: fused, asOf: date, options: options)
        .evaluate(learner, given: facts).results.map { "\($0)" }
      let eb = EvaluationSession(program: general, asOf: date, options: options)
        .evaluate(learner, given: facts).results.map { "\($0)" }
      #expect(ea == eb, "\(name), learner \(learner.id) on \(date): explanations differ")
    }
  }

  @Test(arguments: ExplanationParityTests.specFiles)
  func everySpecProgram(_ path: String) throws {
    let url = Programs.root.appendingPathComponent(path)
    guard let program = ExplanationParityTests.compileQuietly(url) else { return }
    Self.compare(
      program, path,
      ExplanationParityTests.testLearners(program).map { ($0.learner, $0.facts, $0.date) })
  }

  /// Random awards for the second benchmark's policy (grades on and off its scale, aliases,
  /// unknown grades and dates, dates on both sides of each pool's bound).
  @Test(arguments: 0..<3)
  func randomLearnersOnTheBenchmarkPolicy(seed: UInt64) throws {
    let url = Programs.root.appendingPathComponent("Benchmarks/batch2/batch2.credence")
    let program = try #require(ExplanationParityTests.compileQuietly(url))
    var random = SplitMix64(seed: 0xF05E + seed)
    let marks: [String?] = [
      nil, "F", "D", "D+", "C", "C+", "B-", "B", "B+", "A-", "A", "A+", "Pass", "S", "b", "",
    ]
    let types: [String?] = [nil, "micro-credential", "course", "module", "degree"]
    let codes = ["M1", "M2", "M3", "CYB101", "CYB108", "DAT101", "SWE115", "CLD129"]
    let asOf = day("2025-06-30")
    var learners: [(Learner, GivenFacts, CivilDate)] = []
    for number in 0..<150 {
      let awards = (0..<Int(random.next() % 9)).map { index in
        let code = codes[Int(random.next() % UInt64(codes.count))]
        let credential = Credential(
          code: code, type: types[Int(random.next() % UInt64(types.count))],
          credits: random.next() % 5 == 0 ? nil : ExactDecimal(Int(random.next() % 6)))
        // Days around four and six years before the evaluation date, and some unknown.
        let offset = [-2_192, -2_191, -2_190, -1_462, -1_461, -1_460, -30][
          Int(random.next() % 7)]
        let awarded =
          random.next() % 8 == 0 ? nil : try? asOf.adding(days: offset - Int(random.next() % 3))
        return Award(
          id: "a\(index)", credential: credential, awardedOn: awarded,
          grade: marks[Int(random.next() % UInt64(marks.count))])
      }
      learners.append(
        (
          Learner(id: LearnerID("L\(number)"), citizenship: "SG", awards: awards), GivenFacts(),
          asOf
        ))
    }
    Self.compare(program, "batch2", learners)
  }
}

import Credence
import CredenceRecords
import CredenceRuntime
import CredenceValues
import Foundation
import Testing

/// A cohort planned on several threads gives the same rows, in the same order, and the same
/// tallies as one planner taking the learners one by one.
@Suite struct PathwayCohortRunTests {
  @Test func severalThreadsGiveWhatOneGives() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let policies = try Policies.load(paths: [root.appendingPathComponent("policies").path])
    let target = try Pathways.target(named: "nus_gc_is", credits: nil, in: policies).get()
    let codes = ["IS5003", "IS5004", "IS5005", "IS5128", "IS5999"]
    let catalogue = codes.map { Credential(code: $0, credits: 4) }
    var random = UInt64(14)
    func next(_ bound: Int) -> Int {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((random >> 33) % UInt64(bound))
    }
    var records: [LearnerRecord] = []
    for number in 0..<300 {
      let awards = catalogue.filter { _ in next(3) == 0 }.enumerated().map { index, credential in
        Award(
          id: "A\(index)", credential: credential,
          awardedOn: CivilDate(parsing: "2025-0\(1 + next(9))-10"),
          grade: ["A", "B", "C", "F"][next(4)])
      }
      let facts =
        next(10) == 0 ? [] : [LearnerFact(name: "nus_gc_admitted_on", value: "2024-08-01")]
      records.append(
        .valid(
          Learner(
            id: LearnerID("L" + String(1000 + number)), awards: awards, facts: facts)))
    }
    let source = InMemoryRecordSource(records: records, catalogue: catalogue)
    let asOf = CivilDate(parsing: "2026-06-30") ?? .min
    let options = PathwayCohort.options(within: 2, grade: nil, plannedDate: nil)
    let makePlanner: @Sendable () -> PathwayPlanner = {
      Pathways.planner(
        policies, asOf: asOf, target: target, catalogue: catalogue, options: options)
    }
    let one = PathwayCohort(planner: makePlanner(), within: 2)
    var expected: [PathwayCohort.Row] = []
    try source.forEachBatch(batchSize: 300) { batch in
      for record in batch { expected.append(one.add(record)) }
    }
    let many = PathwayCohort(planner: makePlanner(), within: 2)
    var rows: [PathwayCohort.Row] = []
    try PathwayCohortRun(makePlanner: makePlanner, workers: 3).run(source, batchSize: 7) {
      many.record($0)
      rows.append($0)
    }
    #expect(rows == expected)
    #expect(many.csvSummary() == one.csvSummary())
    #expect(Set(rows.map(\.status)).isSuperset(of: ["achieved", "path"]))
  }
}

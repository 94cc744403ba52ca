import CredenceRecords
import CredenceSemantics
import CredenceValues
import Testing

@testable import CredenceRuntime

/// The named limits of a pathway search: reaching one gives a status, never a silent answer.
@Suite struct PathwayLimitTests {
  /// Three of twelve courses: 12 + 66 sets before the first path of three.
  static func plan(_ options: PathwayOptions) throws -> PathwayPlan {
    let program = try #require(
      Programs.compile(
        """
        stack s "Three courses"
          require at least 3 credentials
        """))
    guard case .stack(let id)? = program.decision(named: "s") else {
      Issue.record("no stack s")
      return try #require(nil as PathwayPlan?)
    }
    let catalogue = (1...12).map { Credential(code: "C\($0 < 10 ? "0" : "")\($0)") }
    return PathwayPlanner(
      program: program, asOf: day("2026-01-01"), target: .stack(id), catalogue: catalogue,
      options: options
    ).plan(for: Learner(id: "L"))
  }

  @Test func theNodeLimitStopsTheSearchAndSaysSo() throws {
    let stopped = try Self.plan(PathwayOptions(searchNodes: 10))
    #expect(stopped.limitReached == .searchNodes)
    #expect(!stopped.isProven)
    #expect(stopped.paths.isEmpty)
    let full = try Self.plan(PathwayOptions())
    #expect(full.isProven)
    #expect(full.paths.first?.codes == ["C01", "C02", "C03"])
  }

  /// Ctrl-C in the REPL: a cancelled search stops at its next set (or its first evaluation).
  @Test func aCancelledSearchStopsAtOnce() throws {
    let cancellation = EvaluationCancellation()
    cancellation.cancel()
    let stopped = try Self.plan(PathwayOptions(cancellation: cancellation))
    #expect(stopped.status == .error)
    #expect(stopped.nodes <= 1)
    #expect(stopped.paths.isEmpty)
  }

  @Test func theCandidateLimitCutsTheCatalogueAndSaysSo() throws {
    let cut = try Self.plan(PathwayOptions(candidateLimit: 4))
    #expect(cut.limitReached == .candidates)
    #expect(cut.candidateCount == 4)
    #expect(cut.paths.first?.codes == ["C01", "C02", "C03"])
  }

  @Test func theDefaultsAreTheNamedLimits() {
    let options = PathwayOptions()
    #expect(options.searchNodes == PathwayLimits.defaultSearchNodes)
    #expect(options.candidateLimit == PathwayLimits.maximumCandidates)
    #expect(options.maximumSize == PathwayLimits.defaultPathSize)
    #expect(PathwayOptions(maximumSize: 99).maximumSize == PathwayLimits.maximumPathSize)
  }
}

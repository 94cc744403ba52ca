import CredenceRecords
import CredenceSemantics
import CredenceTestSupport
import CredenceValues
import Testing

@testable import CredenceRuntime

/// The pathway search against brute force: every subset of up to three credentials of the
/// whole catalogue (no pruning) evaluated by a plain `EvaluationSession`, minimal sets kept
/// by checking every proper subset. Targets are stacks and equivalences with a credit goal;
/// pools and conditions include ones that read other awards of the learner, where pruning
/// candidates by the pool on a blank learner would drop paths (``PathwayCaseFeature``).
@Suite struct PathwayPropertyTests {
  static let caseCount = 520
  static let maximumSize = 3

  @Test func searchAgreesWithBruteForce() throws {
    var generator = PathwayCaseGenerator(random: SplitMix64(seed: 0x5EED_14))
    var differences: [String] = []
    var withPaths = 0
    var exercised: [PathwayCaseFeature: Int] = [:]
    for number in 0..<Self.caseCount {
      let generated = generator.make()
      let program = try #require(Programs.compile(generated.policy))
      let decision = try #require(program.decision(named: "target"))
      let target: PathwayTarget
      switch decision {
      case .stack(let id): target = .stack(id)
      case .equivalence(let id): target = .equivalence(id, credits: try #require(generated.goal))
      case .fund:
        Issue.record("the generated target is a fund")
        continue
      }
      let reference = Self.bruteForce(generated, program, decision)
      // Every minimal path up to the size, in the search's order.
      let all = PathwayPlanner(
        program: program, asOf: generated.asOf, target: target,
        catalogue: generated.catalogue,
        options: PathwayOptions(objective: .cost, limit: 100_000, maximumSize: Self.maximumSize)
      ).plan(for: generated.learner)
      let found = Set(all.paths.map { Set($0.codes) })
      if !reference.achieved {
        if found != reference.paths {
          differences.append(
            "case \(number): search \(found.map { $0.sorted() }) vs brute force "
              + "\(reference.paths.map { $0.sorted() })\n\(generated.policy)")
        }
      } else if all.status != .alreadyAchieved {
        differences.append("case \(number): achieved, search says \(all.status)")
      }
      if !found.isEmpty {
        withPaths += 1
        for feature in generated.features { exercised[feature, default: 0] += 1 }
      }
      // The best K by each objective equal the first K of every path ranked.
      for objective in PathwayObjective.allCases {
        let k = generator.pick(1...4)
        let best = PathwayPlanner(
          program: program, asOf: generated.asOf, target: target,
          catalogue: generated.catalogue,
          options: PathwayOptions(objective: objective, limit: k, maximumSize: Self.maximumSize)
        ).plan(for: generated.learner)
        let expected = Self.ranked(all.paths, objective).prefix(k).map(\.codes)
        if best.paths.map(\.codes) != Array(expected) {
          differences.append(
            "case \(number) by \(objective), k \(k): \(best.paths.map(\.codes)) vs \(expected)")
        }
      }
    }
    #expect(withPaths > Self.caseCount / 2, "too few cases have paths to compare")
    for feature in PathwayCaseFeature.allCases {
      #expect(
        exercised[feature, default: 0] >= Self.caseCount / 20,
        "too few cases with paths exercise \(feature.rawValue)")
    }
    #expect(
      differences.count == 0,
      Comment(
        rawValue: "\(differences.count) differences:\n"
          + differences.prefix(5).joined(separator: "\n")))
  }

  /// The documented order (docs/pathways.md), written out again over described paths.
  static func ranked(_ paths: [Pathway], _ objective: PathwayObjective) -> [Pathway] {
    func compare(_ x: ExactDecimal?, _ y: ExactDecimal?) -> Bool? {
      switch (x, y) {
      case (let x?, let y?): x == y ? nil : x < y
      case (nil, nil): nil
      case (_?, nil): true
      case (nil, _?): false
      }
    }
    return paths.sorted { a, b in
      let size = a.steps.count == b.steps.count ? nil : a.steps.count < b.steps.count
      let cost = compare(a.netCost?.amount, b.netCost?.amount)
      let chain: [Bool?] =
        switch objective {
        case .fewest: [size, cost]
        case .cost: [cost, size]
        case .hours: [compare(a.hours, b.hours), size, cost]
        case .credits: [compare(a.credits, b.credits), size, cost]
        }
      for answer in chain { if let answer { return answer } }
      return a.codes.lexicographicallyPrecedes(b.codes)
    }
  }

  /// Every minimal set of up to three catalogue credentials that achieves the target.
  private static func bruteForce(
    _ generated: PathwayCase, _ program: CompiledProgram, _ target: DecisionID
  ) -> (achieved: Bool, paths: Set<Set<String>>) {
    let session = EvaluationSession(program: program, asOf: generated.asOf, decisions: [target])
    func achieves(_ codes: [Int]) -> Bool {
      var learner = generated.learner
      for (number, index) in codes.enumerated() {
        learner.awards.append(
          Award(
            id: "bf-\(number)", credential: generated.catalogue[index],
            awardedOn: generated.asOf, isHypothetical: true))
      }
      learner.sortRecords()
      guard let result = session.evaluate(learner).results.first else { return false }
      if let goal = generated.goal {
        return result.credits.map { $0 >= goal } ?? false
      }
      return result.status == .achieved
    }
    if achieves([]) { return (true, []) }
    let n = generated.catalogue.count
    var reaching: Set<[Int]> = []
    var subsets: [[Int]] = []
    for a in 0..<n {
      subsets.append([a])
      for b in (a + 1)..<max(a + 1, n) {
        subsets.append([a, b])
        for c in (b + 1)..<max(b + 1, n) { subsets.append([a, b, c]) }
      }
    }
    for subset in subsets where achieves(subset) { reaching.insert(subset) }
    var paths: Set<Set<String>> = []
    for subset in reaching {
      let proper: [[Int]] =
        subset.count == 1
        ? []
        : subset.count == 2
          ? [[subset[0]], [subset[1]]]
          : [
            [subset[0]], [subset[1]], [subset[2]], [subset[0], subset[1]],
            [subset[0], subset[2]], [subset[1], subset[2]],
          ]
      if proper.contains(where: reaching.contains) { continue }
      paths.insert(Set(subset.map { generated.catalogue[$0].code }))
    }
    return (false, paths)
  }
}

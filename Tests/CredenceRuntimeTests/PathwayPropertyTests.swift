import CredenceRecords
import CredenceSemantics
import CredenceValues
import Testing

@testable import CredenceRuntime

private let sgd = CurrencyCode(parsing: "SGD")!

/// One generated case: a policy, a catalogue and a learner.
private struct PathwayCase {
  var policy: String
  var catalogue: [Credential]
  var learner: Learner
  var asOf: CivilDate
}

/// The pathway search against brute force: every subset of up to three credentials of the
/// whole catalogue (no pruning) evaluated by a plain `EvaluationSession`, minimal sets kept
/// by checking every proper subset.
@Suite struct PathwayPropertyTests {
  static let caseCount = 520
  static let maximumSize = 3

  @Test func searchAgreesWithBruteForce() throws {
    var random = SplitMix64(state: 0x5EED_14)
    var differences: [String] = []
    var withPaths = 0
    for number in 0..<Self.caseCount {
      let generated = Self.generate(&random)
      let program = try #require(Programs.compile(generated.policy))
      let target = try #require(program.decision(named: "target"))
      guard case .stack(let stackID) = target else { continue }
      let reference = Self.bruteForce(generated, program, target)
      // Every minimal path up to the size, in the search's order.
      let all = PathwayPlanner(
        program: program, asOf: generated.asOf, target: .stack(stackID),
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
      if !found.isEmpty { withPaths += 1 }
      // The best K by each objective equal the first K of every path ranked.
      for objective in PathwayObjective.allCases {
        let k = 1 + Int(random.next() % 4)
        let best = PathwayPlanner(
          program: program, asOf: generated.asOf, target: .stack(stackID),
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
    #expect(
      differences.isEmpty,
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
      return session.evaluate(learner).results.first?.status == .achieved
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

  /// A case: a catalogue of 3 to 12 credentials, a target stack built from k-of-S lists,
  /// credit totals, `where` counts, a nested stack and blocks, two per-enrolment funds (one
  /// drawing on a balance).
  private static func generate(_ random: inout SplitMix64) -> PathwayCase {
    func pick(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + Int(random.next() % UInt64(range.count))
    }
    let size = pick(3...12)
    let codes = (1...size).map { "C" + ($0 < 10 ? "0" : "") + String($0) }
    let catalogue = codes.map { code in
      var tags: [String] = []
      if pick(0...2) == 0 { tags.append("a") }
      if pick(0...1) == 0 { tags.append("b") }
      let fee = pick(0...7) == 0 ? nil : Money(ExactDecimal(pick(1...8) * 100), sgd)
      return Credential(
        code: code, title: "Course \(code)", credits: ExactDecimal(pick(1...4)),
        level: ExactDecimal(pick(1...3)),
        hours: pick(0...6) == 0 ? nil : ExactDecimal(pick(1...5) * 10),
        fee: fee, tags: tags)
    }
    func list() -> String {
      var chosen = codes.filter { _ in pick(0...2) == 0 }
      if chosen.count < 2 { chosen = Array(codes.prefix(2)) }
      if pick(0...9) == 0 { chosen.append("X99") }  // listed, not in the catalogue
      return "[" + chosen.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
    func leaf() -> String {
      switch pick(0...4) {
      case 0: return "at least \(pick(1...2)) of \(list())"
      case 1: return "at least \(pick(2...8)) credits"
      case 2: return "at least \(pick(1...2)) credentials where \"b\" in credential.tags"
      case 3: return "at least \(pick(2...5)) credits where credential.level >= 2"
      default: return "inner"
      }
    }
    var requirements: [String] = []
    for _ in 0..<pick(1...3) {
      if pick(0...4) == 0 {
        let quantifier = ["any of", "all of", "at least 1 of"][pick(0...2)]
        var block = "  require \(quantifier)\n"
        for _ in 0..<2 {
          // Inside a block a count claims from the pool, so totals are written with `where`.
          var item = leaf()
          if item.hasSuffix("credits") { item += " where credential.credits >= 1" }
          block += "    \(item)\n"
        }
        requirements.append(block)
      } else {
        requirements.append("  require \(leaf())\n")
      }
    }
    let pool: String =
      switch pick(0...2) {
      case 0: ""
      case 1: "  using learner.awards where awarded_on > as_of - 5 years\n"
      default: "  using learner.awards where \"a\" in credential.tags or \"b\" in credential.tags\n"
      }
    let policy = """
      policy "generated"
        effective 2000-01-01

      stack inner "Inner"
        using learner.awards where "a" in credential.tags
        require at least \(pick(1...2)) credentials

      stack target "Target"
      \(pool)\(requirements.joined())
      fund subsidy "Subsidy" per enrolment e
        where "b" in e.credential.tags
        rate 50%
        amount round(rate * e.fee, 2)

      fund wallet "Wallet" per enrolment e
        amount min(e.fee, max(0 SGD, balance("wallet")))

      """
    let asOf = CivilDate(parsing: "2026-07-01") ?? .min
    var awards: [Award] = []
    for (number, credential) in catalogue.enumerated() where pick(0...9) == 0 {
      let years = pick(0...1) == 0 ? 1 : 8
      awards.append(
        Award(
          id: "held-\(number)", credential: credential,
          awardedOn: CivilDate(parsing: "\(2026 - years)-03-01")))
    }
    let ledger = [
      LedgerEntry(
        id: 1, scheme: "wallet", amount: Money(ExactDecimal(pick(0...6) * 100), sgd),
        postedOn: CivilDate(parsing: "2020-01-01"))
    ]
    return PathwayCase(
      policy: policy, catalogue: catalogue,
      learner: Learner(id: "L1", awards: awards, ledger: ledger), asOf: asOf)
  }
}

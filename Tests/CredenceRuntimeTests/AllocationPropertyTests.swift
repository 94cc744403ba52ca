import CredenceTestSupport
import CredenceValues
import Testing

@testable import CredenceRuntime

/// A leaf as the reference enumerator sees it.
private enum ReferenceLeaf {
  /// At least `count` items from `eligible` with at least `credits` credits (0: no total);
  /// items in `uncertain` may or may not be eligible.
  case pick(eligible: [Int], uncertain: Set<Int>, count: Int, credits: Int)
  /// At least `count` items and `credits` credits in the whole pool.
  case total(count: Int, credits: Int)
  case condition(Truth)
}

/// A node of the reference tree: a group needing `need` children, or a leaf by index.
private indirect enum ReferenceNode {
  case group(need: Int, [ReferenceNode])
  case leaf(Int)
}

/// A random instance, as engine input and as the reference sees it.
private struct Instance {
  var pool: [AllocationItem] = []
  var credits: [Int?] = []
  /// Whether each item is certainly in the pool.
  var certainlyInPool: [Bool] = []
  var leaves: [ReferenceLeaf] = []
  var root: ReferenceNode = .leaf(0)
  var tree: Requirement = .allOf([])

  /// Whether some item is eligible for two leaves.
  var leavesCompete: Bool {
    var seen = Set<Int>()
    for case .pick(let eligible, _, _, _) in leaves {
      for item in eligible where !seen.insert(item).inserted { return true }
    }
    return false
  }
}

/// Random small trees: up to 5 items, up to 4 leaves that take items, depth up to 3.
private struct InstanceGenerator {
  var random: SplitMix64
  let withCredits: Bool

  mutating func make() -> Instance {
    var instance = Instance()
    let itemCount = Int.random(in: 2...5, using: &random)
    for index in 0..<itemCount {
      let known = !withCredits || Int.random(in: 0..<7, using: &random) > 0
      let value = known ? Int.random(in: 0...6, using: &random) : nil
      let certain = !withCredits || Int.random(in: 0..<8, using: &random) > 0
      instance.credits.append(value)
      instance.certainlyInPool.append(certain)
      instance.pool.append(
        AllocationItem(
          code: "C\(index)", credits: value.map { ExactDecimal($0) }, awardIDs: ["a\(index)"],
          inPool: certain ? .true : .unknown, rank: Int.random(in: 0...2, using: &random)))
    }
    var consuming = 0
    let (root, tree) = node(depth: 0, &instance, &consuming)
    instance.root = root
    instance.tree = tree
    return instance
  }

  private mutating func node(
    depth: Int, _ instance: inout Instance, _ consuming: inout Int
  ) -> (ReferenceNode, Requirement) {
    if depth < 3 && Int.random(in: 0..<10, using: &random) < (depth == 0 ? 9 : 3) {
      let count = Int.random(in: (depth == 0 ? 2 : 1)...3, using: &random)
      var nodes: [ReferenceNode] = []
      var requirements: [Requirement] = []
      for _ in 0..<count {
        let (child, requirement) = node(depth: depth + 1, &instance, &consuming)
        nodes.append(child)
        requirements.append(requirement)
      }
      switch Int.random(in: 0..<4, using: &random) {
      case 0, 1: return (.group(need: count, nodes), .allOf(requirements))
      case 2: return (.group(need: 1, nodes), .anyOf(requirements))
      default:
        let k = Int.random(in: 0...count, using: &random)
        return (.group(need: k, nodes), .atLeast(k, of: requirements))
      }
    }
    return leaf(&instance, &consuming)
  }

  private mutating func leaf(
    _ instance: inout Instance, _ consuming: inout Int
  ) -> (ReferenceNode, Requirement) {
    let index = instance.leaves.count
    // Mostly leaves that take items, over overlapping eligible sets, with counts and totals
    // near what the pool holds: the instances where allocation choices matter.
    let kinds = withCredits ? [0, 1, 3, 4, 0, 1, 3, 4, 5, 6] : [0, 1, 0, 1, 0, 1, 5]
    let kind =
      consuming >= 4 || Int.random(in: 0..<8, using: &random) == 0
      ? 2 : kinds[Int.random(in: 0..<kinds.count, using: &random)]
    let poolCredits = instance.credits.compactMap { $0 }.reduce(0, +)
    if kind == 5 {
      let count = Int.random(in: 1...instance.pool.count + 1, using: &random)
      instance.leaves.append(.total(count: count, credits: 0))
      return (.leaf(index), .totalCredentials(count))
    }
    if kind == 6 {
      let credits = Int.random(in: 1...poolCredits + 2, using: &random)
      instance.leaves.append(.total(count: 0, credits: credits))
      return (.leaf(index), .totalCredits(ExactDecimal(credits)))
    }
    if kind == 2 {
      let truth = [Truth.true, .false, .unknown][Int.random(in: 0..<3, using: &random)]
      instance.leaves.append(.condition(truth))
      return (.leaf(index), .condition(truth))
    }
    consuming += 1
    var eligible = (0..<instance.pool.count).filter { _ in Bool.random(using: &random) }
    if eligible.isEmpty { eligible = [Int.random(in: 0..<instance.pool.count, using: &random)] }
    // Some eligibility depends on unknown facts (not for code lists, which name codes).
    let uncertain =
      withCredits && kind != 0
      ? Set(eligible.filter { _ in Int.random(in: 0..<6, using: &random) == 0 }) : []
    let codes = eligible.filter { !uncertain.contains($0) }.map { instance.pool[$0].code }
    let among = EligibleCodes(codes, uncertain: uncertain.sorted().map { instance.pool[$0].code })
    let allCodes = eligible.map { instance.pool[$0].code }
    let count = Int.random(in: 0...min(3, eligible.count), using: &random)
    let eligibleCredits = eligible.compactMap { instance.credits[$0] }.reduce(0, +)
    let credits = Int.random(in: 1...max(1, eligibleCredits + 1), using: &random)
    switch kind {
    case 0:
      // A code list may name a credential nobody holds.
      let listed = Bool.random(using: &random) ? allCodes + ["ZZ"] : allCodes
      instance.leaves.append(.pick(eligible: eligible, uncertain: [], count: count, credits: 0))
      return (.leaf(index), .codes(atLeast: count, of: listed))
    case 1:
      instance.leaves.append(
        .pick(eligible: eligible, uncertain: uncertain, count: count, credits: 0))
      return (.leaf(index), .credentials(count, among: among))
    case 3:
      instance.leaves.append(
        .pick(eligible: eligible, uncertain: uncertain, count: 0, credits: credits))
      return (.leaf(index), .credits(ExactDecimal(credits), among: among))
    default:
      instance.leaves.append(
        .pick(eligible: eligible, uncertain: uncertain, count: count, credits: credits))
      return (
        .leaf(index), .selection(count: count, credits: ExactDecimal(credits), among: among)
      )
    }
  }
}

/// Tries every assignment of items to leaves and reports whether the tree can hold under the
/// pessimistic and optimistic readings, and the fewest unmet leaves any allocation leaves in
/// a minimal choice of requirements.
private struct BruteForce {
  let instance: Instance
  var satisfiablePessimistic = false
  var satisfiableOptimistic = false
  var fewestUnmet = Int.max
  /// For each reading, the sets of leaves (as bit masks) that some assignment satisfies.
  var satisfiedSets: [Set<Int>] = [[], []]

  init(_ instance: Instance) {
    self.instance = instance
    var assignment = [Int](repeating: -1, count: instance.pool.count)
    enumerate(0, &assignment)
  }

  var expectedStatus: AllocationStatus {
    if satisfiablePessimistic { return .achieved }
    return satisfiableOptimistic ? .undetermined(.unknownValues) : .notAchieved
  }

  private mutating func enumerate(_ item: Int, _ assignment: inout [Int]) {
    if item == instance.pool.count {
      record(assignment)
      return
    }
    assignment[item] = -1
    enumerate(item + 1, &assignment)
    for (index, leaf) in instance.leaves.enumerated() {
      guard case .pick(let eligible, _, _, _) = leaf, eligible.contains(item) else { continue }
      assignment[item] = index
      enumerate(item + 1, &assignment)
    }
    assignment[item] = -1
  }

  private mutating func record(_ assignment: [Int]) {
    let leafHolds = instance.leaves.indices.map { holds($0, assignment) }
    if evaluate(instance.root, { leafHolds[$0].pessimistic }) { satisfiablePessimistic = true }
    if evaluate(instance.root, { leafHolds[$0].optimistic }) { satisfiableOptimistic = true }
    fewestUnmet = min(fewestUnmet, unmet(instance.root, { leafHolds[$0].optimistic }))
    var pessimistic = 0
    var optimistic = 0
    for (index, holds) in leafHolds.enumerated() {
      if holds.pessimistic { pessimistic |= 1 << index }
      if holds.optimistic { optimistic |= 1 << index }
    }
    satisfiedSets[0].insert(pessimistic)
    satisfiedSets[1].insert(optimistic)
  }

  private func holds(_ leaf: Int, _ assignment: [Int]) -> (pessimistic: Bool, optimistic: Bool) {
    switch instance.leaves[leaf] {
    case .condition(let truth):
      return (truth == .true, truth != .false)
    case .pick(_, let uncertain, let count, let credits):
      return reach(count, credits) { item in
        assignment[item] == leaf
          ? (instance.certainlyInPool[item] && !uncertain.contains(item), true) : (false, false)
      }
    case .total(let count, let credits):
      return reach(count, credits) { item in (instance.certainlyInPool[item], true) }
    }
  }

  /// Whether the items that count (certainly, possibly) reach `count` items and `credits`
  /// credits, under each reading; an unknown credit value reaches any total.
  private func reach(
    _ count: Int, _ credits: Int, _ counts: (Int) -> (certainly: Bool, possibly: Bool)
  ) -> (pessimistic: Bool, optimistic: Bool) {
    var sure = (count: 0, credits: 0)
    var possible = (count: 0, credits: 0, unknown: false)
    for item in instance.pool.indices {
      let (certainly, possibly) = counts(item)
      if certainly {
        sure.count += 1
        sure.credits += instance.credits[item] ?? 0
      }
      if possibly {
        possible.count += 1
        possible.credits += instance.credits[item] ?? 0
        if instance.credits[item] == nil { possible.unknown = true }
      }
    }
    return (
      sure.count >= count && sure.credits >= credits,
      possible.count >= count && (possible.credits >= credits || possible.unknown)
    )
  }

  private func evaluate(_ node: ReferenceNode, _ leafHolds: (Int) -> Bool) -> Bool {
    switch node {
    case .leaf(let index): return leafHolds(index)
    case .group(let need, let children):
      return children.count { evaluate($0, leafHolds) } >= need
    }
  }

  private func unmet(_ node: ReferenceNode, _ leafHolds: (Int) -> Bool) -> Int {
    switch node {
    case .leaf(let index): return leafHolds(index) ? 0 : 1
    case .group(let need, let children):
      return children.map { unmet($0, leafHolds) }.sorted().prefix(need).reduce(0, +)
    }
  }
}

/// Checks what must hold of any result, whatever the instance.
private func checkInvariants(_ result: Allocation, _ instance: Instance) {
  var seen = Set<String>()
  func walk(_ outcome: RequirementOutcome, _ node: ReferenceNode, counted: Bool) {
    #expect(outcome.counted == counted || !counted)
    switch node {
    case .leaf(let index):
      for code in outcome.codes {
        switch instance.leaves[index] {
        case .pick(let eligible, _, _, _):
          #expect(seen.insert(code).inserted, "\(code) serves two requirements")
          #expect(eligible.map { instance.pool[$0].code }.contains(code))
        case .total:
          #expect(instance.pool.contains { $0.code == code })
        case .condition:
          Issue.record("a condition uses \(code)")
        }
      }
    case .group(let need, let children):
      #expect(outcome.children.count == children.count)
      let trueCount = outcome.children.count { $0.status == .true }
      let unknownCount = outcome.children.count { $0.status == .unknown }
      let expected: Truth =
        trueCount >= need ? .true : trueCount + unknownCount < need ? .false : .unknown
      #expect(outcome.status == expected)
      if outcome.counted {
        #expect(outcome.children.count(where: \.counted) == min(need, children.count))
      }
      for (child, childNode) in zip(outcome.children, children) {
        walk(child, childNode, counted: outcome.counted && child.counted)
      }
    }
  }
  walk(result.root, instance.root, counted: true)
  if result.status == .achieved {
    #expect(result.root.status == .true, "\(result) for \(instance.tree) over \(instance.credits)")
  }
}

/// The number of counted leaves the allocation leaves unmet.
private func countedUnmet(_ outcome: RequirementOutcome) -> Int {
  guard outcome.counted else { return 0 }
  if outcome.children.isEmpty { return outcome.status == .false ? 1 : 0 }
  return outcome.children.map(countedUnmet).reduce(0, +)
}

@Suite("Allocation agrees with a brute-force enumeration")
struct AllocationPropertyTests {
  private func check(withCredits: Bool, seed: UInt64, instances: Int) {
    var generator = InstanceGenerator(random: SplitMix64(seed: seed), withCredits: withCredits)
    // How many instances with leaves competing for an item ended in each status: the check
    // is only worth something if many did.
    var competing: [String: Int] = [:]
    for number in 0..<instances {
      let instance = generator.make()
      let reference = BruteForce(instance)
      let result = Allocator.allocate(instance.tree, pool: instance.pool)
      if instance.leavesCompete { competing["\(result.status)", default: 0] += 1 }
      #expect(
        result.status == reference.expectedStatus,
        "instance \(number): \(instance.tree) over \(instance.credits)")
      checkInvariants(result, instance)
      #expect(Allocator.decide(instance.tree, pool: instance.pool) == result.status)
      if result.status == .notAchieved {
        #expect(result.closestIsExact)
        #expect(
          countedUnmet(result.root) == reference.fewestUnmet,
          "closest, instance \(number): \(instance.tree) over \(instance.credits)")
      }
    }
    #expect(competing["\(AllocationStatus.achieved)", default: 0] >= instances / 10, "\(competing)")
    #expect(
      competing["\(AllocationStatus.notAchieved)", default: 0] >= instances / 10, "\(competing)")
  }

  @Test("feasibility of every set of leaves matches the enumeration: 300 random instances")
  func feasibilityOfLeafSets() {
    var generator = InstanceGenerator(random: SplitMix64(seed: 0x5EED_0003), withCredits: true)
    for number in 0..<300 {
      let instance = generator.make()
      let reference = BruteForce(instance)
      guard case .built(let problem) = Problem.build(instance.tree, pool: instance.pool) else {
        Issue.record("instance \(number) was not built")
        continue
      }
      let search = Search(problem: problem, nodeLimit: AllocationLimits.defaultSearchNodes)
      let leafCount = instance.leaves.count
      for subset in 0..<(1 << leafCount) {
        var mask = LeafMask.empty
        for leaf in 0..<leafCount where subset & (1 << leaf) != 0 { mask.insert(leaf) }
        for reading in [Reading.pessimistic, .optimistic] {
          // Conditions are the selection's business; feasibility is about items (and totals).
          let consuming = (0..<leafCount).filter {
            subset & (1 << $0) != 0 && problem.leaves[$0].kind != .condition
          }.reduce(0) { $0 | (1 << $1) }
          let expected = reference.satisfiedSets[reading.rawValue].contains {
            $0 & consuming == consuming
          }
          search.startPhase()
          let found = search.solve(mask, reading)
          let feasible: Bool? =
            switch found {
            case .feasible: true
            case .infeasible: false
            case .limit: nil
            }
          #expect(
            feasible == expected,
            "instance \(number), leaves \(subset), \(reading): \(instance.tree) over \(instance.credits)"
          )
          if case .feasible = found {
            let witness = search.witness()
            for leaf in 0..<leafCount
            where consuming & (1 << leaf) != 0 && problem.leaves[leaf].kind == .pick {
              let status = search.status(ofLeaf: leaf, witness)
              #expect(reading == .pessimistic ? status == .true : status != .false)
            }
          }
        }
      }
    }
  }

  @Test("counting requirements: 300 random trees")
  func countingTrees() {
    check(withCredits: false, seed: 0x5EED_0001, instances: 300)
  }

  @Test("counting and credit requirements with unknown credits: 300 random trees")
  func creditTrees() {
    check(withCredits: true, seed: 0x5EED_0002, instances: 300)
  }
}

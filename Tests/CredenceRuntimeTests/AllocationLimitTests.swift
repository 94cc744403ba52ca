import CredenceRuntime
import CredenceValues
import Testing

/// Ten credit requirements of 11 credits, each over every award but its own, and awards of 6
/// and 5 credits that total enough (111) but cannot be split (six pairs 6 + 5 leave four
/// requirements needing three fives each: 18 fives, and there are 15). Proving that takes
/// the search far beyond its default budget.
private func adversarialCreditSplit() -> (Requirement, [AllocationItem]) {
  let pool =
    (0..<6).map { item("S\($0)", "6") } + (0..<15).map { item("F\($0 + 10)", "5") }
  let codes = pool.map(\.code)
  let leaves = (0..<10).map { leaf in
    credits("11", among: codes.enumerated().filter { $0.offset != leaf }.map(\.element))
  }
  return (.allOf(leaves), pool)
}

@Suite("Allocation limits")
struct AllocationLimitTests {
  @Test("the node limit cuts the search short: undetermined, never a guess")
  func nodeLimitGivesUndetermined() {
    let pool = [item("A", "6"), item("B", "4"), item("C", "4")]
    let tree = Requirement.allOf([
      credits("8", among: ["A", "B", "C"]), credits("6", among: ["A"]),
    ])
    let cut = Allocator.allocate(tree, pool: pool, options: .init(searchNodeLimit: 1))
    #expect(cut.status == .undetermined(.searchLimit))
    #expect(!cut.closestIsExact)
    let decided = Allocator.allocate(tree, pool: pool, options: .init(searchNodeLimit: 100))
    #expect(decided.status == .achieved)
    #expect(decided.searchNodes > 1)
  }

  @Test("the node limit also bounds the search for the closest allocation")
  func nodeLimitBoundsClosest() {
    let pool = [item("A", "4"), item("B", "4"), item("C", "4")]
    let tree = Requirement.allOf([
      credits("8", among: ["A", "B", "C"]), .codes(atLeast: 2, of: ["A", "B"]),
    ])
    let full = Allocator.allocate(tree, pool: pool)
    #expect(full.status == .notAchieved)
    #expect(full.closestIsExact)
    // With a budget that decides the answer but cannot finish the closest search, the answer
    // stays exact and the allocation says it may not be the closest.
    var limit = 1
    while limit < 1_000,
      Allocator.allocate(tree, pool: pool, options: .init(searchNodeLimit: limit)).status
        != .notAchieved
    {
      limit += 1
    }
    let tight = Allocator.allocate(tree, pool: pool, options: .init(searchNodeLimit: limit))
    #expect(tight.status == .notAchieved)
    #expect(!tight.closestIsExact)
  }

  @Test("the default node limit is the named constant, and adversarial input reaches it")
  func defaultNodeLimit() {
    #expect(AllocationOptions().searchNodeLimit == AllocationLimits.defaultSearchNodes)
    let (tree, pool) = adversarialCreditSplit()
    let result = Allocator.allocate(tree, pool: pool, options: .init(reportsClosest: false))
    #expect(result.status == .undetermined(.searchLimit))
    #expect(result.searchNodes == AllocationLimits.defaultSearchNodes)
  }

  @Test("many equally close allocations cannot make the closest search run away")
  func tiesInTheClosestSearchAreBounded() {
    // 40 nested stacks in 20 conflicting pairs: 2^20 ways to keep one of each pair.
    var pool: [AllocationItem] = []
    var nested: [Requirement] = []
    for pair in 0..<20 {
      pool += [item("X\(pair)", "1"), item("Y\(pair)", "1"), item("Z\(pair)", "1")]
      nested.append(.nestedStack(achieved: .true, items: ["X\(pair)", "Y\(pair)"]))
      nested.append(.nestedStack(achieved: .true, items: ["Y\(pair)", "Z\(pair)"]))
    }
    let result = Allocator.allocate(
      .allOf(nested), pool: pool, options: .init(searchNodeLimit: 2_000))
    #expect(result.status == .notAchieved)
    #expect(!result.closestIsExact)
  }

  @Test("a pool beyond the size limit is undetermined")
  func poolSizeLimit() {
    let largest = (0..<AllocationLimits.maximumPoolSize).map { item("C\($0)", "1") }
    let tree = Requirement.credentials(2, among: ["C1", "C2"])
    #expect(Allocator.allocate(tree, pool: largest).status == .achieved)
    let tooLarge = largest + [item("EXTRA", "1")]
    #expect(Allocator.allocate(tree, pool: tooLarge).status == .undetermined(.poolTooLarge))
  }

  @Test("a tree beyond the requirement limit is undetermined")
  func requirementLimit() {
    let pool = [item("A", "1")]
    let largest = Requirement.allOf(
      Array(repeating: .anyOfCodes(["A"]), count: AllocationLimits.maximumRequirements - 1))
    #expect(Allocator.allocate(largest, pool: pool).status == .notAchieved)
    let tooMany = Requirement.allOf(
      Array(repeating: .anyOfCodes(["A"]), count: AllocationLimits.maximumRequirements))
    #expect(Allocator.allocate(tooMany, pool: pool).status == .undetermined(.tooManyRequirements))
    var deep = Requirement.anyOfCodes(["A"])
    for _ in 0..<1_000 { deep = .allOf([deep]) }
    #expect(Allocator.allocate(deep, pool: pool).status == .undetermined(.tooManyRequirements))
  }

  @Test("credits beyond the fixed-point range are undetermined")
  func creditRangeLimit() {
    let largest = String(AllocationLimits.maximumScaledCredits)
    let fits = Allocator.allocate(
      credits(largest, among: ["A"]), pool: [item("A", largest)])
    #expect(fits.status == .achieved)
    let beyond = String(AllocationLimits.maximumScaledCredits + 1)
    #expect(
      Allocator.allocate(credits("1", among: ["A"]), pool: [item("A", beyond)]).status
        == .undetermined(.creditsOutOfRange))
    // Fine decimals scale every other value up with them.
    #expect(
      Allocator.allocate(
        credits("100000", among: ["A", "B"]),
        pool: [item("A", "0.000000000000000001"), item("B", "1")]
      ).status == .undetermined(.creditsOutOfRange))
  }

  @Test("negative credits count as zero")
  func negativeCredits() {
    let result = Allocator.allocate(
      credits("4", among: ["A", "B"]), pool: [item("A", "-10"), item("B", "4")])
    #expect(result.status == .achieved)
    #expect(result.root.codes == ["B"])
  }
}

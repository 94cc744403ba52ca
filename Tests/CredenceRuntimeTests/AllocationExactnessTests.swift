import CredenceRuntime
import CredenceValues
import Testing

/// Greedy first fit, the way degree-audit tools allocate: leaves in order, each taking the
/// first free eligible items (largest credits first when it sums credits). Only for trees
/// that are `all of` leaves; used to show the cases below really defeat it.
private func greedyFirstFitHolds(_ leaves: [Requirement], pool: [AllocationItem]) -> Bool {
  var free = Set(pool.map(\.code))
  let creditsByCode = Dictionary(pool.map { ($0.code, $0.credits ?? .zero) }) { first, _ in first }
  for leaf in leaves {
    var needCount = 0
    var needCredits = ExactDecimal.zero
    var codes: [String]
    switch leaf {
    case .codes(let k, let listed):
      needCount = k
      codes = listed
    case .credentials(let n, let among):
      needCount = n
      codes = among.certain
    case .credits(let amount, let among):
      needCredits = amount
      codes = among.certain
    default:
      return false
    }
    codes = codes.filter { free.contains($0) }.sorted()
    if needCredits > .zero {
      codes.sort { (creditsByCode[$0] ?? .zero) > (creditsByCode[$1] ?? .zero) }
    }
    var count = 0
    var total = ExactDecimal.zero
    for code in codes where count < needCount || total < needCredits {
      free.remove(code)
      count += 1
      total = (try? total + (creditsByCode[code] ?? .zero)) ?? total
    }
    if count < needCount || total < needCredits { return false }
  }
  return true
}

@Suite("Allocation finds what greedy first fit misses")
struct AllocationExactnessTests {
  @Test("an award eligible for two requirements goes to the one that needs it")
  func sharedAwardGoesWhereNeeded() {
    let pool = [item("A", "3"), item("B", "3")]
    let leaves: [Requirement] = [.anyOfCodes(["A", "B"]), .allOfCodes(["A"])]
    #expect(!greedyFirstFitHolds(leaves, pool: pool))

    let result = Allocator.allocate(.allOf(leaves), pool: pool)
    #expect(result.status == .achieved)
    #expect(result.outcome([0]).codes == ["B"])
    #expect(result.outcome([1]).codes == ["A"])
    #expect(result.usedCodes == ["A", "B"])
  }

  @Test("largest-first credits would starve a requirement that needs the large award")
  func largestFirstCreditsStarve() {
    let pool = [item("A", "6"), item("B", "4"), item("C", "4")]
    let leaves = [credits("8", among: ["A", "B", "C"]), credits("6", among: ["A"])]
    #expect(!greedyFirstFitHolds(leaves, pool: pool))

    let result = Allocator.allocate(.allOf(leaves), pool: pool)
    #expect(result.status == .achieved)
    #expect(result.outcome([0]).codes == ["B", "C"])
    #expect(result.outcome([1]).codes == ["A"])
  }

  @Test("the capstone takes the small award so the credit total can reach 14")
  func capstoneAndCreditTotal() {
    let pool = [item("CYB690", "6"), item("CYB691", "2"), item("X", "4"), item("Y", "4")]
    let leaves = [
      Requirement.anyOfCodes(["CYB690", "CYB691"]),
      credits("14", among: ["CYB690", "CYB691", "X", "Y"]),
    ]
    #expect(!greedyFirstFitHolds(leaves, pool: pool))

    let result = Allocator.allocate(.allOf(leaves), pool: pool)
    #expect(result.status == .achieved)
    #expect(result.outcome([0]).codes == ["CYB691"])
    #expect(result.outcome([1]).codes == ["CYB690", "X", "Y"])
    #expect(result.outcome([1]).awardIDs == ["award-CYB690", "award-X", "award-Y"])
  }

  @Test("two of three listed credentials leave the right one for the other requirement")
  func countingOverlapIsAMatching() {
    let pool = [item("A", "1"), item("B", "1"), item("C", "1")]
    let leaves: [Requirement] = [
      .codes(atLeast: 2, of: ["A", "B", "C"]), .anyOfCodes(["A", "B"]),
    ]
    #expect(!greedyFirstFitHolds(leaves, pool: pool))

    let result = Allocator.allocate(.allOf(leaves), pool: pool)
    #expect(result.status == .achieved)
    #expect(result.outcome([0]).codes == ["B", "C"])
    #expect(result.outcome([1]).codes == ["A"])
  }

  @Test("at least 2 of 3 sub-requirements: the shared award serves the second one")
  func atLeastGroupWithSharedAward() {
    let pool = [item("A", "1"), item("B", "1")]
    let tree = Requirement.atLeast(
      2, of: [.anyOfCodes(["A", "B"]), .anyOfCodes(["A"]), .anyOfCodes(["C"])])
    let result = Allocator.allocate(tree, pool: pool)
    #expect(result.status == .achieved)
    #expect(result.outcome([0]).codes == ["B"])
    #expect(result.outcome([1]).codes == ["A"])
    #expect(result.outcome([0]).counted && result.outcome([1]).counted)
    #expect(!result.outcome([2]).counted)
    #expect(result.outcome([2]).status == .false)
    #expect(result.outcome([2]).shortfall?.candidates == ["C"])
  }

  @Test("credits with decimals are summed exactly")
  func decimalCredits() {
    let pool = [item("A", "2.5"), item("B", "2.25"), item("C", "0.25")]
    let exact = Allocator.allocate(credits("5", among: ["A", "B", "C"]), pool: pool)
    #expect(exact.status == .achieved)
    #expect(exact.root.codes == ["A", "B", "C"])
    let short = Allocator.allocate(credits("5.01", among: ["A", "B", "C"]), pool: pool)
    #expect(short.status == .notAchieved)
    #expect(short.root.shortfall?.credits == decimal("0.01"))
  }

  @Test("the same input in any order gives the same allocation")
  func deterministic() {
    let pool = [
      item("E", "3"), item("B", "4"), item("D", "2"), item("A", "6"), item("C", "4"),
    ]
    let tree = Requirement.allOf([
      credits("8", among: ["A", "B", "C", "D", "E"]),
      .codes(atLeast: 2, of: ["A", "C", "D", "E"]),
      .anyOf([.anyOfCodes(["B", "E"]), credits("10", among: ["A", "D"])]),
    ])
    let first = Allocator.allocate(tree, pool: pool)
    #expect(first.status == .achieved)
    for rotation in 1..<pool.count {
      let rotated = Array(pool[rotation...] + pool[..<rotation])
      #expect(Allocator.allocate(tree, pool: rotated) == first)
      #expect(Allocator.allocate(tree, pool: rotated.reversed()) == first)
    }
  }

  @Test("awards of the same credential count once")
  func duplicateCodesMerge() {
    let pool = [
      AllocationItem(code: "A", credits: decimal("4"), awardIDs: ["a1"]),
      AllocationItem(code: "A", credits: decimal("4"), awardIDs: ["a2"]),
    ]
    let result = Allocator.allocate(
      .allOf([.credentials(2, among: ["A"]), credits("8", among: ["A"])]), pool: pool)
    #expect(result.status == .notAchieved)
    let single = Allocator.allocate(.credentials(1, among: ["A"]), pool: pool)
    #expect(single.root.awardIDs == ["a1", "a2"])
  }
}

import CredenceRuntime
import CredenceValues
import Testing

@Suite("Allocation totals, uncertain awards and preferences")
struct AllocationTotalsTests {
  @Test("top-level counts are totals over one set of awards, the fewest that reach both")
  func totalsShareOneSet() {
    let pool = [item("A", "4"), item("B", "4"), item("C", "2"), item("D", "6")]
    let result = Allocator.allocate(
      .allOf([.totalCredentials(3), .totalCredits(decimal("12"))]), pool: pool)
    #expect(result.status == .achieved)
    #expect(result.usedCodes == ["A", "B", "D"])
    #expect(result.outcome([0]).codes == ["A", "B", "D"])
    #expect(result.outcome([1]).codes == ["A", "B", "D"])
  }

  @Test("claims reach a credit total with the fewest awards: 3 courses totalling 12")
  func claimsPreferCreditsWhenATotalNeedsThem() {
    let pool = [
      item("IS5003", "2"), item("IS5004", "4"), item("IS5005", "4"), item("IS5128", "4"),
      item("X", "6"),
    ]
    let result = Allocator.allocate(
      .allOf([
        .codes(atLeast: 3, of: ["IS5003", "IS5004", "IS5005", "IS5128"]),
        .totalCredits(decimal("12")),
      ]), pool: pool)
    #expect(result.status == .achieved)
    // IS5003 (2 credits) would need X on top to reach 12: four awards instead of three.
    #expect(result.outcome([0]).codes == ["IS5004", "IS5005", "IS5128"])
    #expect(result.usedCodes == ["IS5004", "IS5005", "IS5128"])
  }

  @Test("a total counts the claims and a nested stack's awards, then adds what it needs")
  func totalCountsClaimsAndNestedStacks() {
    let pool = [item("A", "4"), item("B", "4"), item("C", "4"), item("D", "1")]
    let result = Allocator.allocate(
      .allOf([
        .nestedStack(achieved: .true, items: ["A"]), .anyOfCodes(["B"]),
        .totalCredits(decimal("12")),
      ]), pool: pool)
    #expect(result.status == .achieved)
    #expect(result.outcome([2]).codes == ["A", "B", "C"])
    #expect(result.usedCodes == ["A", "B", "C"])
  }

  @Test("a total the pool cannot reach says how much is missing")
  func totalShortfall() {
    let pool = [item("A", "4"), item("B", "8")]
    let result = Allocator.allocate(
      .allOf([.anyOfCodes(["A"]), .totalCredits(decimal("20"))]), pool: pool)
    #expect(result.status == .notAchieved)
    #expect(result.outcome([1]).codes == ["A", "B"])
    #expect(
      result.outcome([1]).shortfall
        == Shortfall(credentials: 0, credits: 8, candidates: [], usedElsewhere: []))
  }

  @Test("an award that may not be in the pool is used only where it cannot matter")
  func uncertainPoolMembership() {
    let pool = [
      AllocationItem(code: "A", credits: decimal("4"), inPool: .unknown), item("B", "4"),
    ]
    #expect(
      Allocator.allocate(credits("8", among: ["A", "B"]), pool: pool).status
        == .undetermined(.unknownValues))
    let enough = Allocator.allocate(credits("4", among: ["A", "B"]), pool: pool)
    #expect(enough.status == .achieved)
    #expect(enough.root.codes == ["B"])
    #expect(
      Allocator.allocate(.anyOfCodes(["A"]), pool: pool).status == .undetermined(.unknownValues))
    #expect(
      Allocator.allocate(.totalCredentials(2), pool: pool).status == .undetermined(.unknownValues))
    #expect(Allocator.allocate(.totalCredentials(3), pool: pool).status == .notAchieved)
    let outside = [AllocationItem(code: "A", credits: decimal("4"), inPool: .false)]
    #expect(Allocator.allocate(.anyOfCodes(["A"]), pool: outside).status == .notAchieved)
  }

  @Test("an award whose eligibility for one requirement is unknown")
  func uncertainEligibility() {
    let pool = [item("A", "4"), item("B", "4")]
    let eligible = EligibleCodes(["A"], uncertain: ["B"])
    #expect(
      Allocator.allocate(.credentials(2, among: eligible), pool: pool).status
        == .undetermined(.unknownValues))
    let one = Allocator.allocate(.credentials(1, among: eligible), pool: pool)
    #expect(one.status == .achieved)
    #expect(one.root.codes == ["A"])
    // B is certainly eligible for the other requirement, so it goes there.
    let shared = Allocator.allocate(
      .allOf([.credentials(1, among: eligible), .credentials(1, among: ["B"])]), pool: pool)
    #expect(shared.status == .achieved)
    #expect(shared.outcome([0]).codes == ["A"])
  }

  @Test("among equally good allocations the earliest awards (lowest ranks) are used")
  func rankPreference() {
    let early = [
      AllocationItem(code: "A", credits: decimal("3"), rank: 20),
      AllocationItem(code: "B", credits: decimal("3"), rank: 10),
    ]
    #expect(Allocator.allocate(.anyOfCodes(["A", "B"]), pool: early).root.codes == ["B"])
    let tied = [item("A", "3"), item("B", "3")]
    #expect(Allocator.allocate(.anyOfCodes(["A", "B"]), pool: tied).root.codes == ["A"])
  }
}

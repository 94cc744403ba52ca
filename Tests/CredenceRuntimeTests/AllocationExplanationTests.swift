import CredenceRuntime
import CredenceValues
import Testing

@Suite("Allocation explains a no, unknowns and nested stacks")
struct AllocationExplanationTests {
  @Test("a missing capstone is reported as 1 more credential from the listed codes")
  func missingCapstone() {
    let pool = [item("A", "4"), item("B", "4")]
    let tree = Requirement.allOf([
      .anyOfCodes(["CYB691", "CYB690"]), .credentials(2, among: ["A", "B"]),
    ])
    let result = Allocator.allocate(tree, pool: pool)
    #expect(result.status == .notAchieved)
    let capstone = result.outcome([0])
    #expect(capstone.status == .false)
    #expect(
      capstone.shortfall
        == Shortfall(
          credentials: 1, credits: .zero, candidates: ["CYB690", "CYB691"], usedElsewhere: []))
    #expect(result.outcome([1]).status == .true)
    #expect(result.outcome([1]).codes == ["A", "B"])
  }

  @Test("closest: the allocation with fewer credentials missing wins the tie on leaves")
  func closestPrefersFewerMissingCredentials() {
    // Three awards cannot give both requirements what they need (2 + 2 awards); either can
    // hold alone. Satisfying the credit total leaves "2 more credentials"; satisfying the
    // code list leaves "4 more credits", which is closer (credentials count first).
    let pool = [item("A", "4"), item("B", "4"), item("C", "4")]
    let tree = Requirement.allOf([
      credits("8", among: ["A", "B", "C"]), .codes(atLeast: 2, of: ["A", "B"]),
    ])
    let result = Allocator.allocate(tree, pool: pool)
    #expect(result.status == .notAchieved)
    #expect(result.closestIsExact)
    #expect(result.outcome([1]).status == .true)
    #expect(result.outcome([1]).codes == ["A", "B"])
    #expect(result.outcome([0]).status == .false)
    #expect(result.outcome([0]).codes == ["C"])
    #expect(
      result.outcome([0]).shortfall
        == Shortfall(
          credentials: 0, credits: 4, candidates: ["A", "B"], usedElsewhere: ["A", "B"]))
  }

  @Test("closest: in `any of`, the branch nearest to holding is the counted one")
  func closestBranch() {
    let pool = [item("A", "4"), item("B", "4"), item("C", "4")]
    let tree = Requirement.anyOf([
      .codes(atLeast: 3, of: ["A", "X", "Y", "Z"]),
      .allOf([.anyOfCodes(["B"]), credits("12", among: ["A", "C"])]),
    ])
    let result = Allocator.allocate(tree, pool: pool)
    #expect(result.status == .notAchieved)
    // Branch 1 misses 2 credentials; branch 2 misses 4 credits in one of two leaves. Both
    // have one unmet leaf; missing credentials weigh before credits, so branch 2 is closer.
    #expect(!result.outcome([0]).counted)
    #expect(result.outcome([1]).counted)
    #expect(result.outcome([1, 0]).status == .true)
    #expect(result.outcome([1, 1]).shortfall?.credits == 4)
    #expect(result.usedCodes == ["A", "B", "C"])
  }

  @Test("a nested stack keeps its awards, and the rest must reach the total without them")
  func nestedStackKeepsItsItems() {
    let pool = [item("A", "4"), item("B", "4"), item("C", "4")]
    let met = Allocator.allocate(
      .allOf([.nestedStack(achieved: .true, items: ["A"]), credits("8", among: ["A", "B", "C"])]),
      pool: pool)
    #expect(met.status == .achieved)
    #expect(met.outcome([0]).codes == ["A"])
    #expect(met.outcome([1]).codes == ["B", "C"])
    #expect(met.usedCodes == ["A", "B", "C"])

    let short = Allocator.allocate(
      .allOf([.nestedStack(achieved: .true, items: ["A"]), credits("12", among: ["A", "B", "C"])]),
      pool: pool)
    #expect(short.status == .notAchieved)
    #expect(
      short.outcome([1]).shortfall
        == Shortfall(credentials: 0, credits: 4, candidates: ["A"], usedElsewhere: ["A"]))
  }

  @Test("a nested stack that failed still keeps the awards it used")
  func failedNestedStackKeepsItsItems() {
    let pool = [item("A", "4"), item("B", "4")]
    let result = Allocator.allocate(
      .anyOf([.nestedStack(achieved: .false, items: ["A"]), credits("8", among: ["A", "B"])]),
      pool: pool)
    #expect(result.status == .notAchieved)
    #expect(result.outcome([0]).codes == ["A"])
    #expect(result.outcome([1]).codes == ["B"])
    #expect(result.outcome([1]).shortfall?.usedElsewhere == ["A"])
  }

  @Test("two nested stacks that kept the same award cannot both count")
  func overlappingNestedStacks() {
    let pool = [item("A", "1"), item("B", "1"), item("C", "1")]
    let first = Requirement.nestedStack(achieved: .true, items: ["A", "B"])
    let second = Requirement.nestedStack(achieved: .true, items: ["B", "C"])
    #expect(Allocator.allocate(.allOf([first, second]), pool: pool).status == .notAchieved)
    let either = Allocator.allocate(.anyOf([first, second]), pool: pool)
    #expect(either.status == .achieved)
    #expect(either.usedCodes == ["A", "B"])
  }

  @Test("a nested stack of unknown status makes the parent undetermined")
  func unknownNestedStack() {
    let pool = [item("A", "4"), item("B", "4")]
    let result = Allocator.allocate(
      .allOf([.nestedStack(achieved: .unknown, items: ["A"]), credits("4", among: ["B"])]),
      pool: pool)
    #expect(result.status == .undetermined(.unknownValues))
    #expect(result.outcome([0]).status == .unknown)
    #expect(result.outcome([1]).status == .true)
  }

  @Test("unknown credits that could reach the total leave the answer undetermined")
  func unknownCreditsMatter() {
    let pool = [item("A", nil), item("B", "4")]
    let result = Allocator.allocate(credits("8", among: ["A", "B"]), pool: pool)
    #expect(result.status == .undetermined(.unknownValues))
    #expect(result.root.status == .unknown)
    #expect(result.root.codes == ["A", "B"])
    #expect(result.root.unknownCreditCodes == ["A"])
  }

  @Test("unknown credits that cannot change the answer leave it definite")
  func unknownCreditsIrrelevant() {
    let pool = [item("A", nil), item("B", "10")]
    let enough = Allocator.allocate(credits("8", among: ["A", "B"]), pool: pool)
    #expect(enough.status == .achieved)
    #expect(enough.root.codes == ["B"])
    let counted = Allocator.allocate(
      .allOf([credits("4", among: ["B"]), .anyOfCodes(["A"])]), pool: pool)
    #expect(counted.status == .achieved)
    let hopeless = Allocator.allocate(
      .allOf([credits("8", among: ["A"]), .anyOfCodes(["Z"])]), pool: pool)
    #expect(hopeless.status == .notAchieved)
  }

  @Test("unknown credits decide a competition between requirements: undetermined")
  func unknownCreditsWhenSharing() {
    let pool = [item("A", nil), item("B", "4"), item("C", "4")]
    let tree = Requirement.allOf([credits("8", among: ["A", "B", "C"]), .anyOfCodes(["C"])])
    let result = Allocator.allocate(tree, pool: pool)
    #expect(result.status == .undetermined(.unknownValues))
    #expect(result.outcome([1]).codes == ["C"])
    #expect(result.outcome([0]).status == .unknown)
    #expect(result.outcome([0]).unknownCreditCodes == ["A"])
  }

  @Test("unknown conditions follow Kleene's logic")
  func unknownConditions() {
    let pool = [item("A", "1")]
    func status(_ tree: Requirement) -> AllocationStatus {
      Allocator.allocate(tree, pool: pool).status
    }
    #expect(status(.anyOf([.condition(.unknown), .anyOfCodes(["A"])])) == .achieved)
    #expect(
      status(.allOf([.condition(.unknown), .anyOfCodes(["A"])])) == .undetermined(.unknownValues))
    #expect(status(.allOf([.condition(.unknown), .anyOfCodes(["Z"])])) == .notAchieved)
    #expect(
      status(.anyOf([.condition(.unknown), .anyOfCodes(["Z"])])) == .undetermined(.unknownValues))
    #expect(status(.allOf([.condition(.false), .anyOfCodes(["A"])])) == .notAchieved)
    #expect(
      status(.atLeast(2, of: [.condition(.true), .condition(.unknown), .condition(.false)]))
        == .undetermined(.unknownValues))
  }

  @Test("degenerate groups: at least 0 holds, more than the children never does")
  func degenerateGroups() {
    let pool = [item("A", "1")]
    #expect(Allocator.allocate(.atLeast(0, of: []), pool: pool).status == .achieved)
    #expect(Allocator.allocate(.allOf([]), pool: pool).status == .achieved)
    #expect(Allocator.allocate(.anyOf([]), pool: []).status == .notAchieved)
    #expect(
      Allocator.allocate(.atLeast(3, of: [.anyOfCodes(["A"]), .condition(.true)]), pool: pool)
        .status == .notAchieved)
    #expect(Allocator.allocate(.credits(decimal("-3"), among: []), pool: []).status == .achieved)
  }
}

import CredenceRecords
import CredenceValues
import Testing

@testable import CredenceRuntime

/// The caches that let a batch skip repeated work: each gives exactly what the uncached
/// computation gives, and each is bounded by its named limit.
@Suite struct BatchCacheTests {
  static func credential(_ code: String, credits: Int = 4, tags: [String] = []) -> Credential {
    Credential(
      code: code, title: "Course \(code)", type: .microCredential,
      credits: ExactDecimal(credits), tags: tags)
  }

  @Test func credentialRowsAreSharedAndNeverStale() {
    let cache = CredentialRowCache()
    let first = cache.row(for: Self.credential("C1"))
    #expect(first == CredentialRow(Self.credential("C1")))
    #expect(cache.row(for: Self.credential("C1")) == first)
    // The same code with other fields (another store, a what-if entry) is not the cached row.
    let changed = cache.row(for: Self.credential("C1", credits: 6, tags: ["x"]))
    #expect(changed.credits == ExactDecimal(6))
    #expect(changed.tags == ["x"])
    #expect(cache.count == 1)
  }

  @Test func theCredentialRowCacheIsBounded() {
    #expect(CredentialRowCache.maximumEntries == 65_536)
    let cache = CredentialRowCache()
    for index in 0...CredentialRowCache.maximumEntries {
      let credential = Self.credential("C\(index)")
      #expect(cache.row(for: credential).code == credential.code)
      #expect(cache.count <= CredentialRowCache.maximumEntries)
    }
  }

  static func item(_ code: String, _ credits: Int?, _ awards: [String], rank: Int, in truth: Truth)
    -> AllocationItem
  {
    AllocationItem(
      code: code, credits: credits.map { ExactDecimal($0) }, awardIDs: awards, inPool: truth,
      rank: rank)
  }

  /// Pools of the same shape (codes, credits, membership, order of first award) with other
  /// award ids and award days.
  static let pools: [[AllocationItem]] = [
    [item("A", 4, ["a1", "a2"], rank: 100, in: .true), item("B", 2, ["b1"], rank: 50, in: .true)],
    [item("A", 4, ["x9", "x8"], rank: 7, in: .true), item("B", 2, ["y7"], rank: 3, in: .true)],
    [item("A", 4, ["p"], rank: 3, in: .true), item("B", 2, ["q"], rank: 7, in: .true)],
    [item("A", nil, ["u"], rank: 1, in: .unknown), item("C", 6, ["v"], rank: 2, in: .true)],
    [],
  ]

  static let requirements: [[Requirement]] = [
    [.totalCredentials(2)], [.totalCredits(ExactDecimal(8))], [.totalCredentials(3)],
    [.credentials(1, among: EligibleCodes(["B"], uncertain: ["A"]))],
  ]

  @Test func memoisedAllocationsAreTheAllocatorsOwn() {
    let memo = AllocationMemo()
    let options = AllocationOptions(reportsClosest: true)
    for _ in 0..<2 {
      for (stack, requirement) in Self.requirements.enumerated() {
        for pool in Self.pools {
          let direct = Allocator.allocate(.allOf(requirement), pool: pool, options: options)
          let memoised = memo.allocation(stack: stack, requirement, pool) {
            Allocator.allocate($0, pool: $1, options: options)
          }
          #expect(memoised == direct, "\(requirement) over \(pool)")
        }
      }
    }
    #expect(memo.count < Self.requirements.count * Self.pools.count)
  }

  @Test func theAllocationMemoIsBounded() {
    #expect(AllocationMemo.maximumEntries == 8_192)
    let memo = AllocationMemo()
    let pool = [Self.item("A", 4, ["a1"], rank: 1, in: .true)]
    for stack in 0...AllocationMemo.maximumEntries {
      let allocation = memo.allocation(stack: stack, [.totalCredentials(1)], pool) {
        Allocator.allocate($0, pool: $1)
      }
      #expect(allocation.status == .achieved)
      #expect(allocation.root.children.first?.awardIDs == ["a1"])
    }
    #expect(memo.count == AllocationMemo.maximumEntries)
  }
}

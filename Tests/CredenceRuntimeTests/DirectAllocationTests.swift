import CredenceTestSupport
import CredenceValues
import Testing

@testable import CredenceRuntime

/// Random pools for the direct path: up to 9 items in any order, some possibly or certainly
/// outside the pool, ranks with ties, credits unknown, negative, decimal or beyond the range.
private struct PoolGenerator {
  var random: SplitMix64

  mutating func pool(repeats: Bool) -> [AllocationItem] {
    let count = Int.random(in: 0...9, using: &random)
    var codes = (0..<12).map { "C\($0)" }.shuffled(using: &random)
    if repeats { codes[1] = codes[0] }
    return (0..<count).map { index in
      let membership = Int.random(in: 0..<10, using: &random)
      return AllocationItem(
        code: codes[index], credits: credits(),
        awardIDs: (0...Int.random(in: 0...2, using: &random)).map { "a\(index)-\($0)" },
        inPool: membership < 6 ? .true : membership < 9 ? .unknown : .false,
        rank: Int.random(in: 0...3, using: &random))
    }
  }

  mutating func credits() -> ExactDecimal? {
    switch Int.random(in: 0..<12, using: &random) {
    case 0: nil
    case 1: ExactDecimal(-2)
    case 2: ExactDecimal(parsing: "2.5")
    case 3: ExactDecimal(parsing: "1.250")
    case 4: ExactDecimal(Int(AllocationLimits.maximumScaledCredits) * 4)
    default: ExactDecimal(Int.random(in: 0...6, using: &random))
    }
  }

  /// Eligible codes: some of the pool's, some it lacks, some listed twice or in both lists.
  mutating func eligible() -> EligibleCodes {
    let codes = (0..<12).map { "C\($0)" }
    var certain: [String] = []
    var uncertain: [String] = []
    for code in codes {
      switch Int.random(in: 0..<6, using: &random) {
      case 0, 1: certain.append(code)
      case 2: uncertain.append(code)
      case 3:
        certain.append(code)
        uncertain.append(code)
      default: continue
      }
    }
    if let first = certain.first, Bool.random(using: &random) { certain.append(first) }
    return EligibleCodes(certain, uncertain: uncertain)
  }
}

@Suite struct DirectAllocationTests {
  /// The direct path gives exactly the search's allocation, whenever it answers, and it
  /// answers for every pool of distinct codes within the limits.
  @Test(arguments: 0..<4)
  func directEqualsSearch(seed: UInt64) {
    var generator = PoolGenerator(random: SplitMix64(seed: seed * 7_919 + 1))
    var answered = 0
    for round in 0..<1_500 {
      let pool = generator.pool(repeats: round % 10 == 9)
      let count = Int.random(in: -1...7, using: &generator.random)
      let requirement: Requirement =
        round % 2 == 0
        ? .totalCredentials(count) : .credentials(count, among: generator.eligible())
      let searched = Allocator.allocate(
        .allOf([requirement]), pool: pool,
        options: AllocationOptions(searchNodeLimit: 1_000, reportsClosest: true))
      guard let direct = Allocator.allocateDirectly([requirement], pool: pool) else {
        let codes = pool.filter { $0.inPool != .false }.map(\.code)
        let outOfRange = pool.contains {
          $0.inPool != .false && ($0.credits.map { !$0.isNegative && $0 > 1_000_000 } ?? false)
        }
        #expect(
          Set(codes).count < codes.count || outOfRange, "no direct answer for \(requirement)")
        continue
      }
      answered += 1
      #expect(direct == searched, "\(requirement) over \(pool)")
      // Equality of decimals ignores their scale, which a rendered shortfall would show.
      #expect(
        direct.root.children.first?.shortfall?.credits.scale
          == searched.root.children.first?.shortfall?.credits.scale)
    }
    #expect(answered > 900)
  }

  /// Trees of totals alone (one to three counts and credit totals, thresholds whole,
  /// decimal, zero, negative or beyond the range) get exactly the search's allocation.
  @Test(arguments: 0..<4)
  func totalsEqualSearch(seed: UInt64) {
    var generator = PoolGenerator(random: SplitMix64(seed: seed * 6_007 + 3))
    var answered = 0
    for round in 0..<1_500 {
      let pool = generator.pool(repeats: round % 10 == 9)
      let totals: [Requirement] = (0..<Int.random(in: 1...3, using: &generator.random)).map {
        _ in
        switch Int.random(in: 0..<10, using: &generator.random) {
        case 0...3: .totalCredentials(Int.random(in: -1...7, using: &generator.random))
        case 4: .totalCredits(ExactDecimal(parsing: "7.5") ?? .zero)
        case 5: .totalCredits(ExactDecimal(Int.random(in: -2...0, using: &generator.random)))
        case 6: .totalCredits(ExactDecimal(Int(AllocationLimits.maximumScaledCredits) * 2))
        default: .totalCredits(ExactDecimal(Int.random(in: 1...20, using: &generator.random)))
        }
      }
      let searched = Allocator.allocate(
        .allOf(totals), pool: pool,
        options: AllocationOptions(searchNodeLimit: 1_000, reportsClosest: true))
      guard let direct = Allocator.allocateDirectly(totals, pool: pool) else {
        let codes = pool.filter { $0.inPool != .false }.map(\.code)
        #expect(
          Set(codes).count < codes.count || searched.status == .undetermined(.creditsOutOfRange),
          "no direct answer for \(totals) over \(pool)")
        continue
      }
      answered += 1
      #expect(direct == searched, "\(totals) over \(pool)")
      // Equality of decimals ignores their scale, which a rendered shortfall would show.
      #expect(
        direct.root.children.map { $0.shortfall?.credits.scale }
          == searched.root.children.map { $0.shortfall?.credits.scale })
    }
    #expect(answered > 700)
  }

  /// Trees of more than one count, or with claims beside totals, or of other kinds, go to the
  /// search; totals alone do not.
  @Test func otherTreesAreLeftToTheSearch() {
    let pool = [AllocationItem(code: "A", credits: 4), AllocationItem(code: "B", credits: 4)]
    let count = Requirement.credentials(1, among: ["A"])
    #expect(Allocator.allocateDirectly([count, count], pool: pool) == nil)
    #expect(Allocator.allocateDirectly([.totalCredits(4), count], pool: pool) == nil)
    #expect(Allocator.allocateDirectly([.codes(atLeast: 1, of: ["A"])], pool: pool) == nil)
    #expect(Allocator.allocateDirectly([], pool: pool) == nil)
    #expect(Allocator.allocateDirectly([.totalCredits(4)], pool: pool) != nil)
    #expect(
      Allocator.allocateDirectly([.totalCredentials(1), .totalCredentials(2)], pool: pool) != nil)
  }

  /// With a credit total, larger credits are used first, then the earliest award: B (6)
  /// alone reaches 5 credits; two credentials take B and then C (4, earlier than A).
  @Test func largerCreditsAreUsedFirstForACreditTotal() throws {
    let pool = [
      AllocationItem(code: "A", credits: 4, awardIDs: ["a"], rank: 5),
      AllocationItem(code: "B", credits: 6, awardIDs: ["b"], rank: 9),
      AllocationItem(code: "C", credits: 4, awardIDs: ["c"], rank: 1),
    ]
    let one = try #require(Allocator.allocateDirectly([.totalCredits(5)], pool: pool))
    #expect(one.usedCodes == ["B"])
    let two = try #require(
      Allocator.allocateDirectly([.totalCredentials(2), .totalCredits(5)], pool: pool))
    #expect(two.usedCodes == ["B", "C"])
    #expect(two.status == .achieved)
    let short = try #require(Allocator.allocateDirectly([.totalCredits(20)], pool: pool))
    #expect(short.status == .notAchieved)
    #expect(short.root.children[0].shortfall?.credits == ExactDecimal(6))
  }

  /// The earliest award wins a tie on the count, as in the search: B (rank 1) before A.
  @Test func earliestRankIsUsedFirst() throws {
    let pool = [
      AllocationItem(code: "A", credits: 4, awardIDs: ["a"], rank: 5),
      AllocationItem(code: "B", credits: 4, awardIDs: ["b"], rank: 1),
      AllocationItem(code: "C", credits: 4, awardIDs: ["c"], inPool: .unknown, rank: 0),
    ]
    let direct = try #require(Allocator.allocateDirectly([.totalCredentials(1)], pool: pool))
    #expect(direct.usedCodes == ["B"])
    #expect(direct.status == .achieved)
    let open = try #require(Allocator.allocateDirectly([.totalCredentials(3)], pool: pool))
    #expect(open.status == .undetermined(.unknownValues))
    #expect(open.usedCodes == ["A", "B", "C"])
  }
}

@Suite struct ShortfallTextTests {
  /// The "N more credentials" texts kept ready read as the ones built on demand, at the edge
  /// of the kept range and past it.
  @Test(arguments: [1, 2, Machine.countTextsKept, Machine.countTextsKept + 1, 1_000])
  func countTextsReadAsBuilt(count: Int) {
    let shortfall = Shortfall(credentials: count, credits: .zero, candidates: [], usedElsewhere: [])
    #expect(Machine.shortfallText(shortfall) == "\(count) more credential\(count == 1 ? "" : "s")")
    let withCredits = Shortfall(
      credentials: count, credits: ExactDecimal(4), candidates: [], usedElsewhere: [])
    #expect(
      Machine.shortfallText(withCredits)
        == "\(count) more credential\(count == 1 ? "" : "s") and 4 more credits")
    let withCandidates = Shortfall(
      credentials: count, credits: .zero, candidates: ["A"], usedElsewhere: [])
    #expect(
      Machine.shortfallText(withCandidates)
        == "\(count) more credential\(count == 1 ? "" : "s") from A")
  }

  /// The "X more credits" texts kept ready read as the ones built on demand, whole amounts at
  /// the edge of the kept range and past it, and amounts with decimals.
  @Test(arguments: [1, 2, 12, Machine.creditTextsKept, Machine.creditTextsKept + 1, 1_000])
  func creditTextsReadAsBuilt(amount: Int) throws {
    for value in [ExactDecimal(amount), try #require(ExactDecimal(parsing: "\(amount).50"))] {
      let alone = Shortfall(credentials: 0, credits: value, candidates: [], usedElsewhere: [])
      let expected = "\(value.normalized.readable) more credit\(value == .one ? "" : "s")"
      #expect(Machine.shortfallText(alone) == expected)
      let withCount = Shortfall(credentials: 2, credits: value, candidates: [], usedElsewhere: [])
      #expect(Machine.shortfallText(withCount) == "2 more credentials and " + expected)
    }
    let withCandidates = Shortfall(
      credentials: 0, credits: ExactDecimal(amount), candidates: ["A"], usedElsewhere: [])
    #expect(
      Machine.shortfallText(withCandidates) == "\(amount) more credit\(amount == 1 ? "" : "s")")
  }
}

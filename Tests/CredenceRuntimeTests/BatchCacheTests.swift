import CredenceRecords
import CredenceValues
import Testing

@testable import CredenceRuntime

/// The caches that let a batch skip repeated work: each gives exactly what the uncached
/// computation gives, and each is bounded by its named limit.
@Suite struct BatchCacheTests {
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
    // Pool 0 with other codes in the same order, then in the other order.
    [item("K", 4, ["k1", "k2"], rank: 9, in: .true), item("M", 2, ["m1"], rank: 4, in: .true)],
    [item("Z", 4, ["z1", "z2"], rank: 9, in: .true), item("M", 2, ["m1"], rank: 4, in: .true)],
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

  @Test func eligibleCodesShareAShapeAndComeBackAsTheLearnersOwn() {
    let memo = AllocationMemo()
    var searches = 0
    for code in ["K", "L"] {
      let pool = [
        Self.item(code, 4, ["\(code)1"], rank: 9, in: .true),
        Self.item("M", 2, ["m1"], rank: 4, in: .true),
      ]
      let requirement: [Requirement] = [.credentials(2, among: EligibleCodes([code, "M"]))]
      let memoised = memo.allocation(stack: 0, requirement, pool) {
        searches += 1
        return Allocator.allocate($0, pool: $1)
      }
      #expect(memoised == Allocator.allocate(.allOf(requirement), pool: pool))
      #expect(memoised.usedCodes == [code, "M"])
    }
    #expect(searches == 1)
  }

  @Test func theNodeLimitIsPartOfTheShape() {
    let memo = AllocationMemo()
    let pool = [Self.item("A", 4, ["a1"], rank: 1, in: .true)]
    var searches = 0
    for limit in [10, 20, 10, 20] {
      _ = memo.allocation(stack: 0, nodeLimit: limit, [.totalCredentials(1)], pool) {
        searches += 1
        return Allocator.allocate($0, pool: $1)
      }
    }
    #expect(searches == 2)
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

/// The example policies over generated learners: sharing allocations between learners
/// changes no result and no explanation.
@Suite struct AllocationMemoLibraryTests {
  /// Codes the library's stacks name, and generic ones, with their credits.
  static let catalogue: [(code: String, credits: Int?, type: String, field: String)] = [
    ("IS5003", 4, "micro-credential", "software-engineering"),
    ("IS5004", 4, "micro-credential", "software-engineering"),
    ("IS5005", 4, "micro-credential", "business-management"),
    ("IS5128", 4, "micro-credential", "business-management"),
    ("SC0x", 3, "course", "logistics"), ("SC1x", 3, "course", "logistics"),
    ("SC2x", 3, "course", "logistics"), ("SC3x", 3, "course", "logistics"),
    ("SC4x", 3, "course", "logistics"), ("CFx", nil, "module", "logistics"),
    ("CYB501", 8, "micro-credential", "cybersecurity"),
    ("GOOG-CYBER", 12, "certificate", "cybersecurity"),
    ("DAT101", 2, "course", "data-analytics"), ("DAT108", nil, "module", "data-analytics"),
  ]
  static let grades: [String?] = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "D", "F", "S", nil]

  /// A learner drawn from a simple generator (the same seed, the same learner).
  static func learner(_ number: Int) -> Learner {
    var state = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 | 1
    func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(bound))
    }
    let awards = (0..<next(8)).map { index in
      let entry = catalogue[next(catalogue.count)]
      return Award(
        id: "A\(number)-\(index)",
        credential: Credential(
          code: entry.code, type: entry.type, credits: entry.credits.map { ExactDecimal($0) },
          level: next(5) == 0 ? nil : ExactDecimal(4 + next(4)), field: entry.field),
        awardedOn: CivilDate(year: 2016 + next(10), month: 1 + next(12), day: 1 + next(28)),
        grade: grades[next(grades.count)])
    }
    return Learner(
      id: LearnerID("L\(number)"),
      birthDate: CivilDate(year: 1960 + next(45), month: 2, day: 1 + next(28)),
      citizenship: next(10) == 0 ? nil : "SG", awards: awards,
      facts: [LearnerFact(name: "nus_gc_admitted_on", value: "2022-08-01")])
  }

  @Test func sharedAllocationsChangeNothing() throws {
    let program = try #require(Programs.library)
    let asOf = day("2026-07-01")
    let stacks = program.decisions.filter { if case .stack = $0 { true } else { false } }
    #expect(stacks.count >= 5)
    let shared = EvaluationSession(
      program: program, asOf: asOf, decisions: stacks, options: EvaluationOptions(explain: true))
    let apart = EvaluationSession(
      program: program, asOf: asOf, decisions: stacks,
      options: EvaluationOptions(explain: true, memoisesAllocations: false))
    var achieved = 0
    for number in 1...800 {
      let learner = Self.learner(number)
      let results = shared.evaluate(learner)
      #expect(results == apart.evaluate(learner), "learner \(number)")
      achieved += results.results.filter { $0.status == .achieved }.count
    }
    #expect(achieved > 0)
    #expect(shared.machine.allocationMemo.count > 0)
  }

  @Test func reasonTextsAreMadeOnceAndBounded() {
    #expect(ReasonTexts.maximumEntries == 4_096)
    let texts = ReasonTexts()
    var made = 0
    let key = ReasonTexts.Key.gradeOffScale(mark: "S", scale: 0)
    let first = texts.text(key) {
      made += 1
      return "first"
    }
    // A kept text is the one made first, without making it again.
    let again = texts.text(key) {
      made += 1
      return "second"
    }
    #expect(first == "first")
    #expect(again == "first")
    #expect(made == 1)
    for index in 0...ReasonTexts.maximumEntries {
      let other = ReasonTexts.Key.credentialField(field: "level", code: "C\(index)")
      #expect(texts.text(other) { "text \(index)" } == "text \(index)")
      #expect(texts.count <= ReasonTexts.maximumEntries)
    }
  }
}

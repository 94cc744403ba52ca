import CredenceRecords
import CredenceValues
import Testing

@testable import CredenceSample
@testable import CredenceStore

/// The store delivers each learner as policies see it: lists earliest first (then by id),
/// enrolment fees as charged, every award of a credential sharing one catalogue entry.
@Suite struct PolicyOrderTests {
  static func learners(_ source: some RecordSource) throws -> [Learner] {
    try RecordSourceTests.all(source, batchSize: 3).compactMap(\.learner)
  }

  /// Whether each list of `learner` is in the order ``RecordOrder`` defines.
  static func inPolicyOrder(_ learner: Learner) -> Bool {
    learner.awards == learner.awards.sorted(by: RecordOrder.before)
      && learner.enrolments == learner.enrolments.sorted(by: RecordOrder.before)
      && learner.ledger == learner.ledger.sorted(by: RecordOrder.before)
  }

  @Test(arguments: RecordSourceTests.Backing.allCases)
  func listsArriveEarliestFirst(_ backing: RecordSourceTests.Backing) throws {
    let fixture = try RecordSourceTests.makeStore(
      backing,
      smallPopulationSQL + """
        INSERT INTO enrolments VALUES ('E2', 'L10', 'IS5003', '2025-01-06', NULL, '300', NULL, 'applied'),
          ('E3', 'L10', 'IS5003', '2024-01-06', NULL, NULL, NULL, 'withdrawn');
        INSERT INTO funding_ledger (id, learner_id, scheme, amount, currency, posted_on) VALUES
          (7, 'L2', 'sfc', '100', 'SGD', '2023-01-01');
        """)
    let learners = try Self.learners(fixture.source)
    #expect(learners.map(\.id.text) == ["L10", "L2", "L3"])
    let bea = learners[1]
    // Awards by date: A2 (2023) before A1 (2024), though A1's id comes first; ledger rows
    // by posting date, so row 7 (2023) comes between rows 1 (2016) and 2 (2025).
    #expect(bea.awards.map(\.id) == ["A2", "A1"])
    #expect(bea.ledger.map(\.id) == [1, 7, 2])
    #expect(bea.residency == "citizen")
    #expect(bea.enrolments.first?.fee?.amount.description == "450")
    let ann = learners[0]
    // By start date; a fee without a currency is in the catalogue fee's, and an enrolment
    // without a fee of its own charges the catalogue's.
    #expect(ann.enrolments.map(\.id) == ["E3", "E2"])
    #expect(ann.enrolments.map { $0.fee?.description } == ["1250.00 SGD", "300 SGD"])
    #expect(ann.enrolments.map(\.status) == ["withdrawn", "applied"])
    for learner in learners {
      #expect(try fixture.source.learner(id: learner.id) == .valid(learner))
    }
  }

  @Test func everyAwardOfACredentialSharesOneCatalogueEntry() throws {
    let fixture = try RecordSourceTests.makeStore(.memory)
    let platform = try Self.learners(fixture.source).flatMap(\.awards).filter {
      $0.credential.code == "IS5003"
    }
    #expect(platform.count == 2)
    // One storage, read once per read, not one per award.
    #expect(platform[0].credential.storageIdentity == platform[1].credential.storageIdentity)
  }

  @Test func aSamplePopulationArrivesInPolicyOrder() throws {
    let store = try SamplePopulationTests.sample(learners: 300, seed: 7)
    let learners = try Self.learners(store.recordSource)
    #expect(learners.count == 300)
    #expect(learners.allSatisfy(Self.inPolicyOrder))
    // Some learner's awards are not in id order, so the order is the store's doing.
    #expect(
      learners.contains { learner in
        learner.awards.map(\.id)
          != learner.awards.map(\.id).sorted {
            LearnerID.compareBytes($0, $1) < 0
          }
      })
    for learner in learners.prefix(20) {
      #expect(try store.recordSource.learner(id: learner.id) == .valid(learner))
    }
  }
}

/// `RecordOrder.sort` sorts short lists by insertion and longer ones with the standard
/// library; both must give the standard library's stable order.
@Suite struct RecordOrderTests {
  static func awards(_ count: Int, seed: UInt64) -> [Award] {
    var state = seed
    let credential = Credential(code: "C")
    return (0..<count).map { index in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Few distinct dates (ties broken by id) and some unknown dates, which sort last.
      let day = Int(state >> 33) % 6
      let date = day == 5 ? nil : CivilDate(year: 2024, month: 1, day: 1 + day)
      return Award(id: "A\(Int(state >> 40) % 50)", credential: credential, awardedOn: date)
    }
  }

  @Test(arguments: [
    0, 1, 2, RecordOrder.insertionSortLimit - 1, RecordOrder.insertionSortLimit,
    RecordOrder.insertionSortLimit + 1, 200,
  ])
  func shortAndLongListsSortAsTheStandardLibrarySorts(_ count: Int) {
    for seed in 1...20 as ClosedRange<UInt64> {
      var rows = Self.awards(count, seed: seed)
      let expected = rows.sorted(by: RecordOrder.before)
      RecordOrder.sort(&rows, by: RecordOrder.before)
      #expect(rows.map(\.id) == expected.map(\.id))
      #expect(rows.map(\.awardedOn) == expected.map(\.awardedOn))
    }
  }

  @Test func aListInOrderIsNotCopied() {
    var rows = Self.awards(10, seed: 3).sorted(by: RecordOrder.before)
    let shared = rows
    RecordOrder.sort(&rows, by: RecordOrder.before)
    // Still one buffer: sorting found nothing to do and did not make the array unique.
    #expect(
      rows.withUnsafeBufferPointer { $0.baseAddress }
        == shared.withUnsafeBufferPointer { $0.baseAddress })
  }
}

import CredenceRecords
import CredenceValues
import Testing

@testable import CredenceStore

/// The store decodes batches straight into the rows the evaluator reads
/// (`forEachRowBatch`); they must be exactly what converting each `Learner` gives.
@Suite struct LearnerRowsTests {
  static func rows(_ source: some RecordSource, batchSize: Int = 3) throws -> [LearnerRowsRecord] {
    var records: [LearnerRowsRecord] = []
    try source.forEachRowBatch(in: .all, batchSize: batchSize) { batch in
      #expect(batch.count <= batchSize)
      records += batch
    }
    return records
  }

  static func converted(_ source: some RecordSource) throws -> [LearnerRowsRecord] {
    try RecordSourceTests.all(source).map { LearnerRowsRecord($0) }
  }

  @Test(arguments: RecordSourceTests.Backing.allCases)
  func rowsAreTheConvertedLearnersBrokenRowsIncluded(_ backing: RecordSourceTests.Backing) throws {
    let fixture = try RecordSourceTests.makeStore(
      backing,
      smallPopulationSQL + """
        INSERT INTO learners (id, birth_date) VALUES ('L4', '1990-13-45'), ('L5', NULL);
        INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES
          ('A5', 'L5', 'NOPE', '2024-01-01'), ('A7', 'L4', 'IS5003', '2024-01-01');
        INSERT INTO enrolments VALUES ('E2', 'L10', 'IS5003', '2025-01-06', NULL, '300', NULL, 'applied'),
          ('E3', 'L10', 'IS5003', '2024-01-06', NULL, NULL, NULL, 'withdrawn');
        """)
    let rows = try Self.rows(fixture.source)
    #expect(rows == (try Self.converted(fixture.source)))
    #expect(rows.count == 5)
    guard case .valid(let bea) = rows[1] else {
      Issue.record("L2 has valid rows")
      return
    }
    // Policies see awards by date: A2 (2023) before A1 (2024), though A1's id comes first.
    #expect(bea.awards.map(\.id) == ["A2", "A1"])
    #expect(bea.residency == "citizen")
    #expect(bea.factTexts["monthly_income"] == .some("2400.00"))
    #expect(bea.enrolments.first?.fee?.amount.description == "450")
    guard case .valid(let ann) = rows[0] else {
      Issue.record("L10 has valid rows")
      return
    }
    // By start date; a fee without a currency is in the catalogue fee's, and an enrolment
    // without a fee of its own charges the catalogue's.
    #expect(ann.enrolments.map(\.id) == ["E3", "E2"])
    #expect(ann.enrolments.map { $0.fee?.description } == ["1250.00 SGD", "300 SGD"])
    #expect(ann.enrolments.map(\.status) == ["withdrawn", "applied"])
    guard case .invalid(_, let errors) = rows[3] else {
      Issue.record("L4's birth date is broken")
      return
    }
    #expect(errors.map(\.column) == ["birth_date"])
  }

  @Test func everyAwardOfACredentialSharesOneCatalogueRow() throws {
    let fixture = try RecordSourceTests.makeStore(.memory)
    let rows = try Self.rows(fixture.source).compactMap { record -> LearnerRows? in
      if case .valid(let rows) = record { return rows }
      return nil
    }
    let platform = rows.flatMap(\.awards).filter { $0.credential.code == "IS5003" }
    #expect(platform.count == 2)
    // One storage, converted once per read, not one per award.
    #expect(platform[0].credential.storageIdentity == platform[1].credential.storageIdentity)
  }

  @Test func aSamplePopulationReadsTheSameBothWays() throws {
    let store = try SamplePopulationTests.sample(learners: 300, seed: 7)
    let source = store.recordSource
    let rows = try Self.rows(source, batchSize: 64)
    #expect(rows.count == 300)
    #expect(rows == (try Self.converted(source)))
  }
}

/// `RecordOrder.sort` sorts short lists by insertion and longer ones with the standard
/// library; both must give the standard library's stable order.
@Suite struct RecordOrderTests {
  static func awards(_ count: Int, seed: UInt64) -> [AwardRow] {
    var state = seed
    let credential = Credential(code: "C")
    return (0..<count).map { index in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Few distinct dates (ties broken by id) and some unknown dates, which sort last.
      let day = Int(state >> 33) % 6
      let date = day == 5 ? nil : CivilDate(year: 2024, month: 1, day: 1 + day)
      return AwardRow(id: "A\(Int(state >> 40) % 50)", credential: credential, awardedOn: date)
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

import CredenceRecords
import GRDB
import Testing

@testable import CredenceStore

/// The sample generator: deterministic, realistic, consistent with the contract.
@Suite struct SamplePopulationTests {
  /// Every row of every table, in key order, as text.
  static func dump(_ store: RecordStore) throws -> [String] {
    try store.reader.read { db in
      try Contract.tables.flatMap { table -> [String] in
        let order = table.primaryKey.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT * FROM \(table.name) ORDER BY \(order)").map {
          "\(table.name) \($0)"
        }
      }
    }
  }

  static func sample(learners: Int, seed: UInt64) throws -> RecordStore {
    let store = try RecordStore.inMemory()
    _ = try SamplePopulation(learners: learners, seed: seed).write(into: store)
    return store
  }

  @Test func theSameSeedGivesTheSameRowsAndAnotherSeedOthers() throws {
    let first = try Self.dump(try Self.sample(learners: 300, seed: 42))
    let second = try Self.dump(try Self.sample(learners: 300, seed: 42))
    let other = try Self.dump(try Self.sample(learners: 300, seed: 43))
    #expect(first.count > 1_000)
    #expect(first == second)
    #expect(first != other)
  }

  @Test func aLearnersRowsDoNotDependOnHowManyLearnersThereAre() throws {
    let small = try Self.sample(learners: 50, seed: 9).recordSource
    let large = try Self.sample(learners: 400, seed: 9).recordSource
    for id in ["L0000001", "L0000033", "L0000050"] {
      #expect(try small.learner(id: LearnerID(id)) == large.learner(id: LearnerID(id)))
    }
  }

  @Test func thePopulationIsRealisticAndReadsWithoutContractErrors() throws {
    let store = try Self.sample(learners: 3_000, seed: 1)
    let facts = try store.reader.read { db in
      (
        leapDay: try Int.fetchOne(
          db, sql: "SELECT count(*) FROM learners WHERE birth_date LIKE '%-02-29'"),
        unknownBirth: try Int.fetchOne(
          db, sql: "SELECT count(*) FROM learners WHERE birth_date IS NULL"),
        revoked: try Int.fetchOne(db, sql: "SELECT count(*) FROM awards WHERE status = 'revoked'"),
        retakes: try Int.fetchOne(
          db,
          sql:
            "SELECT count(*) FROM (SELECT 1 FROM awards GROUP BY learner_id, credential_code HAVING count(*) > 1)"
        ),
        expiring: try Int.fetchOne(
          db,
          sql: "SELECT count(*) FROM funding_ledger WHERE expires_on = '2025-12-31' AND amount > 0"),
        claims: try Int.fetchOne(db, sql: "SELECT count(*) FROM funding_ledger WHERE amount < 0"),
        statuses: try Int.fetchOne(db, sql: "SELECT count(DISTINCT status) FROM enrolments"),
        citizenships: try Int.fetchOne(db, sql: "SELECT count(DISTINCT citizenship) FROM learners"),
        broken: try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
      )
    }
    #expect((facts.leapDay ?? 0) > 0)
    #expect((facts.unknownBirth ?? 0) > 0)
    #expect((facts.revoked ?? 0) > 0)
    #expect((facts.retakes ?? 0) > 0)
    #expect((facts.expiring ?? 0) > 0)
    #expect((facts.claims ?? 0) > 0)
    #expect(facts.statuses == 4)
    #expect((facts.citizenships ?? 0) >= 10)
    #expect(facts.broken == 0, "every reference resolves")

    var learners = 0
    try store.recordSource.forEachBatch(batchSize: 500) { batch in
      for record in batch {
        learners += 1
        if case .invalid(let id, let errors) = record {
          Issue.record("\(id): \(errors)")
        }
      }
    }
    #expect(learners == 3_000)
  }

  @Test func aSampleNeedsAnEmptyStoreAndASensibleSize() throws {
    let store = try Self.sample(learners: 5, seed: 1)
    let error = try #require(throws: StoreError.self) {
      _ = try SamplePopulation(learners: 5, seed: 2).write(into: store)
    }
    #expect(error.message.contains("already has learners"))
    #expect(throws: StoreError.self) { _ = try SamplePopulation(learners: 0, seed: 1) }
    #expect(throws: StoreError.self) {
      _ = try SamplePopulation(learners: SamplePopulation.maxLearners + 1, seed: 1)
    }
    #expect(try SamplePopulation(learners: SamplePopulation.maxLearners, seed: 1).idWidth == 9)
  }
}

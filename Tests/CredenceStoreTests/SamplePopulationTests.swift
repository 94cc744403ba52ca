import CredenceRecords
import Foundation
import GRDB
import Testing

@testable import CredenceSample
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

/// A sample written to a new file: built aside, renamed into place, the migrations' schema.
@Suite struct SampleFileTests {
  /// The schema as `sqlite3 .schema` shows it, in creation order, and the header settings.
  static func schema(_ path: String) throws -> [String] {
    let store = try RecordStore.openForReading(at: path)
    defer { try? store.close() }
    return try store.reader.read { db in
      try Row.fetchAll(
        db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
      ).map { "\($0)" }
        + [
          "journal_mode \(try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")",
          "application_id \(try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)",
          "history \(try String.fetchAll(db, sql: "SELECT identifier FROM credence_migrations"))",
        ]
    }
  }

  @Test func aNewFileHasExactlyTheMigrationsSchemaAndNoLeftovers() throws {
    let dir = try TemporaryDirectory()
    let made = try RecordStore.openForWriting(at: dir.path("init.db"), create: true)
    _ = try made.prepareSchema()
    try made.close()
    let counts = try SamplePopulation(learners: 77, seed: 3).write(toFile: dir.path("s.db"))
    #expect(counts.first { $0.table == "learners" }?.rows == 77)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    #expect(files == ["init.db", "s.db"], "no temporary file, log or journal is left")
    #expect(try Self.schema(dir.path("s.db")) == Self.schema(dir.path("init.db")))
    let check = try RecordStore.openForReading(at: dir.path("s.db"))
    #expect(
      try check.reader.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    try check.close()
  }

  /// The new-file path (batched rows, indexes built last) and an existing empty store filled
  /// in one transaction hold the same rows, including a last, partial batch of rows.
  @Test func aNewFileAndAnExistingStoreGetTheSameRows() throws {
    let dir = try TemporaryDirectory()
    let learners = RawInsert.rowsPerStatement * 3 + 5
    _ = try SamplePopulation(learners: learners, seed: 11).write(toFile: dir.path("new.db"))
    let existing = try RecordStore.openForWriting(at: dir.path("old.db"), create: true)
    _ = try existing.prepareSchema()
    try existing.close()
    _ = try SamplePopulation(learners: learners, seed: 11).write(toFile: dir.path("old.db"))
    let new = try RecordStore.openForReading(at: dir.path("new.db"))
    let old = try RecordStore.openForReading(at: dir.path("old.db"))
    let rows = try SamplePopulationTests.dump(new)
    #expect(rows.count > learners * 5)
    #expect(rows == (try SamplePopulationTests.dump(old)))
    #expect(
      rows
        == (try SamplePopulationTests.dump(
          try SamplePopulationTests.sample(learners: learners, seed: 11))))
  }

  @Test func aSampleIsNotWrittenOverAFileThatHasLearners() throws {
    let dir = try TemporaryDirectory()
    _ = try SamplePopulation(learners: 3, seed: 1).write(toFile: dir.path("s.db"))
    let before = fileBytes(dir.path("s.db"))
    #expect(throws: StoreError.self) {
      _ = try SamplePopulation(learners: 3, seed: 2).write(toFile: dir.path("s.db"))
    }
    #expect(fileBytes(dir.path("s.db")) == before)
  }
}

/// The catalogue and facts the programme tracks write for the example policy library.
@Suite struct SampleLibraryTests {
  @Test func everyCodeATrackNamesIsInTheCatalogue() {
    let codes = SampleCodes(SampleCatalogue.standard)
    #expect(codes.missing == [])
    #expect(codes.all.allSatisfy { !$0.isEmpty })
  }

  @Test func theCatalogueKeepsItsEarlierCodesAndHasUniqueCodes() {
    let entries = SampleCatalogue.standard.entries
    #expect(Set(entries.map(\.code)).count == entries.count)
    for code in ["IS5003", "SC0x", "CFx", "MITx-SCM", "GOOG-CYBER", "CYB501", "CYB101", "SUS-DIP"] {
      #expect(SampleCatalogue.standard.index[code] != nil, "\(code) is still in the catalogue")
    }
  }

  @Test func factNamesAreInByteOrderSoInsertsAppend() {
    let names = SampleFact.names.map { $0.description }
    #expect(names.count == SampleFact.allCases.count)
    #expect(names == names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    #expect(Set(names).count == names.count)
  }
}

/// The bundled sample's cache (`eval --sample`) is named by the generator's generation: rows
/// that change for the same seed must come with a new `SampleCache.generation`, or a store
/// cached by the old generator would be read as the new one's.
@Suite struct SampleCacheGenerationTests {
  /// FNV-1a over every row of a small sample, as text.
  static func fingerprint() throws -> UInt64 {
    let rows = try SamplePopulationTests.dump(
      try SamplePopulationTests.sample(learners: 40, seed: 1))
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in rows.joined(separator: "\n").utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }

  /// Generation → fingerprint of its rows. When this fails, bump `SampleCache.generation` and
  /// add the new pair (the README's examples may need re-recording too).
  static let fingerprints: [Int: UInt64] = [1: 14_790_342_182_345_930_496]

  @Test func theGenerationNamesTheRowsTheGeneratorWrites() throws {
    let found = try Self.fingerprint()
    #expect(
      Self.fingerprints[SampleCache.generation] == found,
      "the sample's rows changed (fingerprint \(found)): bump SampleCache.generation")
  }
}

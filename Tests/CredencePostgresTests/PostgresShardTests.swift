import CredenceRecords
import Foundation
import Testing

@testable import CredencePostgres
@testable import CredenceStore

/// `--shard K/N` chosen in the databases: the hash PostgreSQL stores, and the learners a
/// restricted source reads from either store, against the in-memory filter.
@Suite(.enabled(if: TestServer.available, "no PostgreSQL server (\(TestServer.variable))"))
struct PostgresShardTests {
  /// Ids of 0 to 12 characters from ASCII, accented letters, CJK and emoji (1 to 4 UTF-8
  /// bytes), from a fixed seed.
  static func randomIDs(count: Int) -> [String] {
    let alphabet = Array("AZaz09-_.:/é ßЖ漢字🎓🙂")
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var ids: Set<String> = []
    while ids.count < count {
      ids.insert(String((0..<(next() % 13)).map { _ in alphabet[next() % alphabet.count] }))
    }
    return ids.sorted()
  }

  @Test func theStoredHashIsTheDocumentedFNV1a() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    let ids = Self.randomIDs(count: 400)
    let session = try PostgresSession(database.location, readOnly: false)
    defer { session.close() }
    // Written as another tool would write them: the server computes the hash.
    for id in ids { try session.execute("INSERT INTO learners (id) VALUES ($1::text)", [id]) }
    let stored = try session.query("SELECT id, shard_hash::text FROM learners")
    #expect(stored.count == ids.count)
    for row in stored {
      let id = try #require(try row.text(0))
      let expected = Int64(bitPattern: LearnerShard.hash(id.utf8))
      #expect(try row.text(1) == String(expected), "\(id)")
    }
    // The unsigned reading mod N in SQL is the shard Swift computes.
    for count in [2, 3, 4, 7, 1000] {
      for index in 0..<min(count, 4) {
        let shard = try #require(LearnerShard(index: index, count: count))
        let chosen = try session.query(
          "SELECT id FROM learners WHERE \(PostgresShardHash.condition(shard)) ORDER BY id"
        ).compactMap { try $0.text(0) }
        #expect(chosen == ids.filter { LearnerShard.shard(of: $0, count: count) == index })
      }
    }
  }

  @Test func aShardReadsTheSameLearnersFromBothStoresAsTheInMemoryFilter() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    // The population plus learners whose ids interleave with its ones, with awards.
    var learners = "id,name\n"
    var awards = "id,learner_id,credential_code,awarded_on\n"
    for (number, id) in Self.randomIDs(count: 60).filter({ !$0.isEmpty }).enumerated()
    where !id.contains(",") && !id.contains("\"") {
      learners += "\(id),N\(number)\n"
      awards += "X\(number),\(id),IS5003,2025-0\(number % 9 + 1)-01\n"
    }
    let files =
      populationFiles + [
        ImportFile(name: "learners.csv", bytes: Array(learners.utf8)),
        ImportFile(name: "awards.csv", bytes: Array(awards.utf8)),
      ]
    _ = try database.store.importFiles(files)
    let (folder, sqlite) = try sqliteStore(files)
    defer { try? FileManager.default.removeItem(at: folder) }
    let everyone = try allLearners(SQLiteRecordSource(store: sqlite))
    #expect(everyone.count > 50)
    let postgres = try database.store.recordSource()
    for count in [1, 2, 3, 4] {
      var covered = 0
      for index in 0..<count {
        let shard = try #require(LearnerShard(index: index, count: count))
        let expected = everyone.filter { shard.contains($0.id) }
        covered += expected.count
        for batchSize in [1, 5, 512] {
          #expect(
            try allLearners(postgres.restricted(to: shard), batchSize: batchSize) == expected)
          #expect(
            try allLearners(
              SQLiteRecordSource(store: sqlite).restricted(to: shard),
              batchSize: batchSize) == expected)
        }
      }
      #expect(covered == everyone.count)
    }
  }

  @Test func aStoreWithoutTheHashIsUpgradedByInit() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    _ = try database.store.importFiles(populationFiles)
    // The store as the first PostgreSQL Credence made it.
    try database.execute(
      """
      ALTER TABLE learners DROP COLUMN shard_hash;
      DROP FUNCTION credence_fnv1a64(text);
      DELETE FROM credence_migrations WHERE identifier = 'postgres-shard-hash'
      """)
    #expect {
      _ = try database.store.recordSource()
    } throws: { error in
      (error as? StoreError)?.category == .needsUpgrade
    }
    #expect(try database.store.prepareSchema() == .upgraded(steps: ["postgres-shard-hash"]))
    let shard = try #require(LearnerShard(index: 1, count: 2))
    let expected = try allLearners(try database.store.recordSource()).filter {
      shard.contains($0.id)
    }
    #expect(!expected.isEmpty)
    #expect(try allLearners(try database.store.recordSource().restricted(to: shard)) == expected)
  }
}

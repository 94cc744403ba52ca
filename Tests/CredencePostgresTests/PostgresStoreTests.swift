import CredenceRecords
import Foundation
import GRDB
import Testing

@testable import CredencePostgres
@testable import CredenceStore

/// A small population as CSV files, every table and the awkward values: a decimal with
/// trailing zeros, a negative amount, a revoked award, NULLs, a learner with no rows,
/// a non-ASCII id that sorts after the ASCII ones, facts with and without values.
let populationFiles = [
  ImportFile(
    name: "learners.csv",
    bytes: Array(
      """
      id,name,birth_date,citizenship,residency
      L2,Bea,1984-02-29,SG,citizen
      L10,Ann,,MY,permanent_resident
      L3,,2001-12-31,,
      Lé1,Zoë,1990-01-01,SG,other

      """.utf8)),
  ImportFile(
    name: "credentials.csv",
    bytes: Array(
      """
      code,title,provider,type,credits,credit_system,level,field,hours,fee,currency
      IS5003,Platform Design,NUS,micro-credential,4,SG-MC,7,computing,65,1250.00,SGD
      CYB501,Network Security,NTU,course,7.5,ECTS,,cybersecurity,,,

      """.utf8)),
  ImportFile(
    name: "credential_tags.csv",
    bytes: Array(
      "credential_code,tag\nIS5003,ssg-funded\nIS5003,skill:platforms\nCYB501,skill:network-security\n"
        .utf8)),
  ImportFile(
    name: "awards.csv",
    bytes: Array(
      """
      id,learner_id,credential_code,awarded_on,expires_on,grade,score,status,source
      A1,L2,IS5003,2024-06-30,,B+,,valid,https://nus.example
      A2,L2,CYB501,2023-01-15,2026-01-15,A,87.50,valid,
      A3,L2,CYB501,2022-01-15,,F,,revoked,
      A4,L10,IS5003,2025-03-01,,Pass,,valid,
      A5,Lé1,CYB501,2025-03-01,,,-0.5,valid,

      """.utf8)),
  ImportFile(
    name: "enrolments.csv",
    bytes: Array(
      """
      id,learner_id,credential_code,start_on,end_on,fee,currency,status
      E1,L2,IS5003,2025-01-06,2025-04-30,450,,completed
      E2,L10,CYB501,2025-02-01,,999.99,SGD,enrolled

      """.utf8)),
  ImportFile(
    name: "funding_ledger.csv",
    bytes: Array(
      """
      id,learner_id,scheme,amount,currency,posted_on,expires_on,memo
      1,L2,skillsfuture-credit,500,SGD,2016-01-01,,opening credit
      2,L2,skillsfuture-credit,-120.50,SGD,2025-01-06,,claim E1
      3,L10,skillsfuture-credit,4000,SGD,2020-01-01,2030-12-31,

      """.utf8)),
  ImportFile(
    name: "learner_facts.csv",
    bytes: Array(
      "learner_id,name,value\nL2,monthly_income,2400.00\nL2,employment_status,\nL3,employment_status,student\n"
        .utf8)),
]

/// Every learner of `source`, read in batches of `batchSize`.
func allLearners(_ source: any RecordSource, batchSize: Int = 2) throws -> [LearnerRecord] {
  var learners: [LearnerRecord] = []
  try source.forEachBatch(batchSize: batchSize) { learners += $0 }
  return learners
}

/// A SQLite store in a temporary folder with `files` imported.
func sqliteStore(_ files: [ImportFile]) throws -> (URL, RecordStore) {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("credence-pg-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let store = try RecordStore.openForWriting(
    at: folder.appendingPathComponent("records.db").path, create: true)
  _ = try store.prepareSchema()
  _ = try store.importFiles(files)
  return (folder, store)
}

@Suite(.enabled(if: TestServer.available, "no PostgreSQL server (\(TestServer.variable))"))
struct PostgresStoreTests {
  @Test func initCreatesTheContractInPostgresTypesThenFindsItCurrent() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    #expect(try database.store.prepareSchema() == .created)
    #expect(try database.store.prepareSchema() == .current)
    let session = try PostgresSession(database.location, readOnly: true)
    defer { session.close() }
    for table in Contract.tables {
      let rows = try session.query(
        "SELECT column_name::text, data_type::text, is_nullable::text FROM information_schema.columns "
          + "WHERE table_name = $1::text", [table.name])
      var types: [String: (String, String)] = [:]
      for row in rows {
        types[try row.text(0) ?? ""] = (try row.text(1) ?? "", try row.text(2) ?? "")
      }
      for column in table.columns {
        let expected =
          switch column.kind {
          case .decimal: "numeric"
          case .date: "date"
          case .integer: "bigint"
          default: "text"
          }
        #expect(types[column.name]?.0 == expected, "\(table.name).\(column.name)")
        #expect(types[column.name]?.1 == (column.required ? "NO" : "YES"))
      }
    }
  }

  @Test func theSameImportReadsAsTheSameLearnersFromBothStores() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    let summary = try database.store.importFiles(populationFiles)
    let (folder, sqlite) = try sqliteStore(populationFiles)
    defer { try? FileManager.default.removeItem(at: folder) }
    let expected = try allLearners(SQLiteRecordSource(store: sqlite))
    #expect(expected.count == 4)
    #expect(summary.inserted.map(\.rows) == [4, 2, 3, 5, 2, 3, 3])
    let source = try database.store.recordSource()
    for batchSize in [1, 2, 3, 512] {
      #expect(try allLearners(source, batchSize: batchSize) == expected)
    }
    for id in ["L2", "L10", "L3", "Lé1", "nobody"] {
      #expect(
        try source.learner(id: LearnerID(id))
          == SQLiteRecordSource(store: sqlite).learner(id: LearnerID(id)))
    }
    #expect(
      try source.credential(code: "CYB501")
        == SQLiteRecordSource(store: sqlite).credential(code: "CYB501"))
    #expect(try source.credential(code: "NONE") == nil)
    #expect(
      try source.catalogue().credentials
        == SQLiteRecordSource(store: sqlite).catalogue().credentials)
    #expect(try source.learnerCount() == 4)
    #expect(try source.learnerIDs(prefix: "L1", limit: 5).ids == ["L10"])
    // Importing the same files again changes nothing, as on SQLite.
    let again = try database.store.importFiles(populationFiles)
    #expect(again.changedNothing)
    #expect(try allLearners(source) == expected)
  }

  @Test func rowsThatBreakTheContractGiveTheSameErrorsAsSQLite() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    _ = try database.store.importFiles(populationFiles)
    let (folder, sqlite) = try sqliteStore(populationFiles)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Another tool writes a lowercase currency in the catalogue and on an enrolment.
    let broken = """
      UPDATE credentials SET currency = 'sgd' WHERE code = 'IS5003';
      UPDATE enrolments SET currency = 'XX' WHERE id = 'E2'
      """
    try database.execute(broken)
    try sqlite.writer?.write { db in try db.execute(sql: broken) }
    let expected = try allLearners(SQLiteRecordSource(store: sqlite))
    #expect(expected.contains { if case .invalid = $0 { true } else { false } })
    #expect(try allLearners(try database.store.recordSource()) == expected)
  }

  @Test func aRefusedImportLeavesThePostgresStoreUnchanged() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    _ = try database.store.importFiles(populationFiles)
    let before = try database.dump()
    #expect(before.contains("COPY public.learners"))
    let bad = [
      ImportFile(name: "learners.csv", bytes: Array("id,name\nL99,New\n".utf8)),
      ImportFile(
        name: "awards.csv",
        bytes: Array(
          "id,learner_id,credential_code,awarded_on\nA9,L99,IS5003,2025-01-01\nA10,L99,NOPE,2025-01-01\n"
            .utf8)),
    ]
    #expect {
      try database.store.importFiles(bad)
    } throws: { error in
      let error = error as? StoreError
      return error?.location == "awards.csv:3"
        && error?.message == "`credential_code` names `NOPE`, which `credentials` does not have"
    }
    // A differing row under a stored key is refused too, by the default policy.
    #expect(throws: StoreError.self) {
      try database.store.importFiles([
        ImportFile(name: "learners.csv", bytes: Array("id,name\nL2,Someone Else\n".utf8))
      ])
    }
    #expect(try database.dump() == before)
  }

  @Test func evaluationSessionsAreReadOnly() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    let session = try PostgresSession(database.location, readOnly: true)
    defer { session.close() }
    #expect {
      try session.execute("INSERT INTO learners (id) VALUES ('X')")
    } throws: { error in
      (error as? PostgresFailure)?.sqlState == "25006"
    }
  }

  @Test func aDatabaseWithoutTheSchemaIsNotAStoreYet() throws {
    let database = try ScratchDatabase()
    defer { database.drop() }
    #expect {
      _ = try database.store.recordSource()
    } throws: { error in
      (error as? StoreError)?.category == .notAStore
    }
  }
}

@Suite(.enabled(if: TestServer.available, "no PostgreSQL server (\(TestServer.variable))"))
struct PostgresLedgerIDTests {
  @Test func ledgerRowsWithoutAnIDAreNumberedAsSQLiteNumbersThem() throws {
    let files =
      Array(populationFiles.prefix(2)) + [
        ImportFile(
          name: "funding_ledger.csv",
          bytes: Array(
            "learner_id,scheme,amount,currency,posted_on\nL2,sf,1,SGD,2020-01-01\nL3,sf,2.50,SGD,2020-01-02\n"
              .utf8))
      ]
    let database = try ScratchDatabase()
    defer { database.drop() }
    _ = try database.store.prepareSchema()
    _ = try database.store.importFiles(files)
    _ = try database.store.importFiles(files)
    let (folder, sqlite) = try sqliteStore(files)
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try sqlite.importFiles(files)
    #expect(
      try allLearners(try database.store.recordSource())
        == allLearners(SQLiteRecordSource(store: sqlite)))
  }
}

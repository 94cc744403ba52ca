import CredenceRecords
import CredenceValues
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// The streaming `RecordSource` over SQLite, on `:memory:` and on a file.
@Suite struct RecordSourceTests {
  enum Backing: String, CaseIterable, CustomTestStringConvertible {
    case memory, file
    var testDescription: String { rawValue }
  }

  /// Keeps a file-backed store's directory alive as long as the store.
  struct Fixture {
    let store: RecordStore
    let directory: TemporaryDirectory?
    var source: SQLiteRecordSource { store.recordSource }
  }

  static func makeStore(_ backing: Backing, _ sql: String = smallPopulationSQL) throws -> Fixture {
    switch backing {
    case .memory:
      let store = try RecordStore.inMemory()
      try insertRaw(store, sql)
      return Fixture(store: store, directory: nil)
    case .file:
      let directory = try TemporaryDirectory()
      let (store, _) = try initStore(directory.path("r.db"))
      try insertRaw(store, sql)
      return Fixture(store: store, directory: directory)
    }
  }

  static func all(_ source: some RecordSource, batchSize: Int = 2) throws -> [LearnerRecord] {
    var records: [LearnerRecord] = []
    try source.forEachBatch(batchSize: batchSize) { batch in
      #expect(batch.count <= batchSize)
      records += batch
    }
    return records
  }

  @Test(arguments: Backing.allCases)
  func learnersArriveInByteOrderWithTheirRows(_ backing: Backing) throws {
    let fixture = try Self.makeStore(backing)
    let records = try Self.all(fixture.source)
    #expect(records.map(\.id.text) == ["L10", "L2", "L3"])
    let bea = try #require(records[1].learner)
    #expect(bea.name == "Bea")
    #expect(bea.birthDate == CivilDate(year: 1984, month: 2, day: 29))
    #expect(bea.residency == "citizen")
    #expect(bea.awards.map(\.id) == ["A2", "A1"], "earliest first; revoked A3 is not delivered")
    let platform = bea.awards[1].credential
    #expect(platform.tags == ["skill:platforms", "ssg-funded"])
    #expect(platform.credits == ExactDecimal(4))
    #expect(platform.fee?.amount.description == "1250.00")
    #expect(platform.fee?.currency.description == "SGD")
    #expect(bea.awards[0].credential.credits?.description == "7.5", "a REAL is read exactly")
    #expect(bea.awards[0].score?.description == "87.5")
    #expect(bea.awards[0].expiresOn == CivilDate(year: 2026, month: 1, day: 15))
    #expect(
      bea.enrolments.first?.fee?.currency.description == "SGD", "falls back to the catalogue's")
    #expect(bea.ledger.map { $0.amount?.amount.description } == ["500", "-120.50"])
    #expect(bea.facts.map(\.name) == ["employment_status", "monthly_income"])
    #expect(bea.fact("monthly_income") == "2400.00")
    #expect(bea.fact("employment_status") == nil)
    let third = try #require(records[2].learner)
    #expect(third.awards.isEmpty && third.ledger.isEmpty && third.birthDate != nil)
    #expect(third.fact("employment_status") == "student")
  }

  @Test(arguments: Backing.allCases)
  func brokenRowsBecomeErrorsOfTheirLearnersOnly(_ backing: Backing) throws {
    let fixture = try Self.makeStore(
      backing,
      smallPopulationSQL + """
        INSERT INTO learners (id, name, birth_date) VALUES ('L4', 'Secret Name', '1990-13-45');
        INSERT INTO learners (id) VALUES ('L5'), ('L6'), ('L7');
        INSERT INTO credentials (code, title, type, credits) VALUES ('BAD', 'Broken', 'badge', 'lots');
        INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES
          ('A5', 'L5', 'NOPE', '2024-01-01'), ('A6', 'L6', 'BAD', '2024-01-01'),
          ('A7', 'L7', 'IS5003', '31/12/2024');
        INSERT INTO funding_ledger (id, learner_id, scheme, amount, currency, posted_on)
          VALUES (9, 'L7', 'sfc', 'five hundred', 'SGD', '2024-01-01');
        """)
    let records = try Self.all(fixture.source, batchSize: 3)
    #expect(records.map(\.id.text) == ["L10", "L2", "L3", "L4", "L5", "L6", "L7"])
    #expect(records.prefix(3).allSatisfy { $0.learner != nil })
    func errors(_ id: String) -> [String] {
      guard case .invalid(_, let errors) = records.first(where: { $0.id.text == id }) else {
        return []
      }
      return errors.map(\.description)
    }
    #expect(
      errors("L4") == ["`learners` row `L4`, column `birth_date`: not a date (expected YYYY-MM-DD)"]
    )
    #expect(
      errors("L5") == [
        "`awards` row `A5`, column `credential_code`: names `NOPE`, which `credentials` does not have"
      ])
    #expect(
      errors("L6") == [
        "`awards` row `A6`, column `credential_code`: refers to `credentials` row `BAD`, whose column `credits` is broken (not an exact number (expected plain decimal notation such as 7.5))"
      ])
    #expect(
      errors("L7") == [
        "`awards` row `A7`, column `awarded_on`: not a date (expected YYYY-MM-DD)",
        "`funding_ledger` row `9`, column `amount`: not an exact number (expected plain decimal notation such as 7.5)",
      ])
    let everything = records.flatMap { record -> [String] in
      if case .invalid(_, let errors) = record { return errors.map(\.description) }
      return []
    }.joined()
    for secret in ["Secret Name", "1990-13-45", "31/12/2024", "five hundred", "lots"] {
      #expect(!everything.contains(secret), "messages never carry stored values")
    }
  }

  @Test func errorsPerLearnerAreCapped() throws {
    var sql = "INSERT INTO learners (id) VALUES ('L1');"
    for index in 0..<(LearnerRecord.maxErrorsPerLearner + 5) {
      sql +=
        "INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES ('X\(index)', 'L1', 'NOPE', '2024-01-01');"
    }
    let fixture = try Self.makeStore(.memory, sql)
    guard case .invalid(_, let errors)? = try fixture.source.learner(id: "L1") else {
      Issue.record("expected errors")
      return
    }
    #expect(errors.count == LearnerRecord.maxErrorsPerLearner)
  }

  @Test func rowsOfMissingLearnersAreSkipped() throws {
    let fixture = try Self.makeStore(
      .memory,
      smallPopulationSQL + """
        INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES ('O1', 'L0', 'IS5003', '2024-01-01'),
          ('O2', 'L25', 'IS5003', '2024-01-01'), ('O3', 'ZZ', 'IS5003', '2024-01-01');
        """)
    let records = try Self.all(fixture.source)
    #expect(records.map(\.id.text) == ["L10", "L2", "L3"])
    #expect(records.allSatisfy { $0.learner != nil })
    #expect(records[1].learner?.awards.map(\.id) == ["A2", "A1"])
  }

  @Test func idsCompareByBytesNotByUnicodeEquivalence() throws {
    // "é" precomposed and "e" + combining accent are equal Swift Strings but distinct ids.
    let fixture = try Self.makeStore(
      .memory,
      """
      INSERT INTO credentials (code, title, type) VALUES ('C', 'T', 'badge');
      INSERT INTO learners (id) VALUES ('caf\u{E9}'), ('cafe\u{301}'), ('Z'), ('a');
      INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES ('A1', 'caf\u{E9}', 'C', '2024-01-01');
      """)
    let records = try Self.all(fixture.source)
    #expect(
      records.map { Array($0.id.text.utf8) }
        == ["Z", "a", "cafe\u{301}", "caf\u{E9}"].map { Array($0.utf8) })
    #expect(records[2].learner?.awards.isEmpty == true)
    #expect(records[3].learner?.awards.map(\.id) == ["A1"])
  }

  @Test(arguments: Backing.allCases)
  func batchesCoverEveryLearnerOnceInIDOrder(_ backing: Backing) throws {
    var sql = "INSERT INTO credentials (code, title, type) VALUES ('C', 'T', 'badge');"
    for index in 0..<50 {
      sql += "INSERT INTO learners (id) VALUES ('L\(index)');"
      sql +=
        "INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES ('A\(index)', 'L\(index)', 'C', '2024-01-01');"
    }
    let fixture = try Self.makeStore(backing, sql)
    var seen: [String] = []
    try fixture.source.forEachBatch(batchSize: 7) { batch in
      #expect(batch.count <= 7)
      for record in batch { #expect(record.learner?.awards.count == 1) }
      seen += batch.map(\.id.text)
    }
    #expect(seen == (0..<50).map { "L\($0)" }.sorted { LearnerID($0) < LearnerID($1) })
  }

  @Test(arguments: Backing.allCases)
  func oneLearnerAndOneCredential(_ backing: Backing) throws {
    let fixture = try Self.makeStore(backing)
    let source = fixture.source
    #expect(try source.learner(id: "L2")?.learner?.awards.count == 2)
    #expect(try source.learner(id: "L9") == nil)
    let credential = try #require(try source.credential(code: "IS5003"))
    #expect(credential.tags == ["skill:platforms", "ssg-funded"])
    #expect(credential.type == "micro-credential")
    #expect(try source.credential(code: "is5003") == nil, "codes are case-sensitive")
  }

  /// `learner(id:)` reads only the catalogue entries the learner names; the learner must be
  /// exactly the one the whole-catalogue stream gives, broken rows and Unicode-equivalent
  /// codes (compared as Swift strings, which SQL cannot do) included.
  @Test(arguments: Backing.allCases)
  func oneLearnerIsReadAsTheStreamReadsIt(_ backing: Backing) throws {
    let fixture = try Self.makeStore(
      backing,
      smallPopulationSQL + """
        INSERT INTO learners (id) VALUES ('L5'), ('L6'), ('L7'), ('L8');
        INSERT INTO credentials (code, title, type, credits) VALUES ('BAD', 'Broken', 'badge', 'lots'),
          ('\u{212A}URS', 'Kelvin-sign K', 'badge', 1), ('cafe\u{301}', 'Decomposed', 'badge', 2);
        INSERT INTO credential_tags (credential_code, tag) VALUES ('\u{212A}URS', 'kelvin'),
          ('cafe\u{301}', 'decomposed');
        INSERT INTO awards (id, learner_id, credential_code, awarded_on) VALUES
          ('A5', 'L5', 'NOPE', '2024-01-01'), ('A6', 'L6', 'BAD', '2024-01-01'),
          ('A7', 'L7', 'KURS', '2024-01-01'), ('A8', 'L8', 'caf\u{E9}', '2024-01-01'),
          ('A9', 'L7', 'KKKKKKKK', '2024-01-01');
        INSERT INTO credentials (code, title, type) VALUES ('KKKKKKK\u{212A}', 'Eight', 'badge');
        """)
    let streamed = try Self.all(fixture.source)
    #expect(streamed.count == 7)
    for record in streamed {
      #expect(try fixture.source.learner(id: record.id) == record, "\(record.id.text)")
    }
    let kelvin = try #require(try fixture.source.learner(id: "L7")?.learner)
    #expect(kelvin.awards.first?.credential.tags == ["kelvin"])
    let cafe = try #require(try fixture.source.learner(id: "L8")?.learner)
    #expect(cafe.awards.first?.credential.tags == ["decomposed"])
  }

  @Test func catalogueSpellingsAreCapped() throws {
    typealias Selection = Catalogue.Selection
    #expect(Selection.spellings(of: "IS5003") == ["IS5003"])
    let kelvin = try #require(Selection.spellings(of: "K;"))
    #expect(kelvin.count == 4 && kelvin.allSatisfy { $0 == "K;" })
    #expect(Set(kelvin.map { Array($0.utf8) }).count == 4)
    let limit = Selection.maximumSpellingsPerCode
    let most = String(repeating: "K", count: limit.trailingZeroBitCount)
    #expect(Selection.spellings(of: most)?.count == limit)
    #expect(Selection.spellings(of: most + "K") == nil)
    #expect(Selection(codes: [most + "K"], plain: true).condition("code") == nil)
    let many = Set((0...Selection.maximumSpellings).map { "C\($0)" })
    #expect(Selection(codes: many, plain: true).condition("code") == nil)
    #expect(Selection(codes: Set(many.prefix(10)), plain: true).condition("code") != nil)
    #expect(Selection(codes: ["C1"], plain: false).condition("code") == nil)
  }

  @Test func readersSeeTheStoreBeforeOrAfterAnImportNeverHalf() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("r.db")
    let (writing, _) = try initStore(path)
    try insertRaw(writing, smallPopulationSQL)
    let reading = try RecordStore.openForReading(at: path)
    try #require(writing.writer).writeWithoutTransaction { db in
      try db.inTransaction {
        try db.execute(sql: "INSERT INTO learners (id) VALUES ('L4'), ('L5')")
        #expect(try Self.all(reading.recordSource).count == 3, "uncommitted rows are invisible")
        return .rollback
      }
    }
    try insertRaw(writing, "INSERT INTO learners (id) VALUES ('L4'), ('L5')")
    #expect(try Self.all(reading.recordSource).count == 5)
  }
}

import GRDB
import Testing

@testable import CredenceStore

/// The contract itself: the tables Credence creates match records.md column for column.
@Suite struct SchemaContractTests {
  /// One row of `PRAGMA table_info`: name, declared type, NOT NULL, default, key position.
  struct ColumnInfo: Equatable, CustomStringConvertible {
    let name: String
    let type: String
    let notNull: Bool
    let defaultValue: String?
    let primaryKey: Int
    var description: String {
      "\(name) \(type) notnull=\(notNull) dflt=\(defaultValue ?? "-") pk=\(primaryKey)"
    }
  }

  static func C(_ name: String, _ type: String, _ notNull: Bool, pk: Int = 0, dflt: String? = nil)
    -> ColumnInfo
  {
    ColumnInfo(name: name, type: type, notNull: notNull, defaultValue: dflt, primaryKey: pk)
  }

  /// records.md, transcribed by hand. Exact-number columns have no declared type on purpose
  /// (no affinity, so TEXT decimals stay exact).
  static let expected: [String: [ColumnInfo]] = [
    "learners": [
      C("id", "TEXT", true, pk: 1), C("name", "TEXT", false), C("birth_date", "TEXT", false),
      C("citizenship", "TEXT", false), C("residency", "TEXT", false),
    ],
    "credentials": [
      C("code", "TEXT", true, pk: 1), C("title", "TEXT", true), C("provider", "TEXT", false),
      C("type", "TEXT", true), C("credits", "", false), C("credit_system", "TEXT", false),
      C("level", "INTEGER", false), C("field", "TEXT", false), C("hours", "INTEGER", false),
      C("fee", "", false), C("currency", "TEXT", false),
    ],
    "credential_tags": [C("credential_code", "TEXT", true, pk: 1), C("tag", "TEXT", true, pk: 2)],
    "awards": [
      C("id", "TEXT", true, pk: 1), C("learner_id", "TEXT", true),
      C("credential_code", "TEXT", true), C("awarded_on", "TEXT", true),
      C("expires_on", "TEXT", false), C("grade", "TEXT", false), C("score", "", false),
      C("status", "TEXT", true, dflt: "'valid'"), C("source", "TEXT", false),
    ],
    "enrolments": [
      C("id", "TEXT", true, pk: 1), C("learner_id", "TEXT", true),
      C("credential_code", "TEXT", true), C("start_on", "TEXT", true), C("end_on", "TEXT", false),
      C("fee", "", false), C("currency", "TEXT", false), C("status", "TEXT", true),
    ],
    "funding_ledger": [
      C("id", "INTEGER", true, pk: 1), C("learner_id", "TEXT", true), C("scheme", "TEXT", true),
      C("amount", "", true), C("currency", "TEXT", true), C("posted_on", "TEXT", true),
      C("expires_on", "TEXT", false), C("memo", "TEXT", false),
    ],
    "learner_facts": [
      C("learner_id", "TEXT", true, pk: 1), C("name", "TEXT", true, pk: 2),
      C("value", "TEXT", false),
    ],
  ]

  static let expectedReferences: [String: Set<String>] = [
    "credential_tags": ["credential_code→credentials.code"],
    "awards": ["learner_id→learners.id", "credential_code→credentials.code"],
    "enrolments": ["learner_id→learners.id", "credential_code→credentials.code"],
    "funding_ledger": ["learner_id→learners.id"],
    "learner_facts": ["learner_id→learners.id"],
  ]

  func tableInfo(_ db: Database, _ table: String) throws -> [ColumnInfo] {
    try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row in
      ColumnInfo(
        name: row["name"], type: row["type"], notNull: row["notnull"],
        defaultValue: row["dflt_value"], primaryKey: row["pk"])
    }
  }

  @Test(arguments: [
    "learners", "credentials", "credential_tags", "awards", "enrolments",
    "funding_ledger", "learner_facts",
  ])
  func tableInfoMatchesRecordsMD(table: String) throws {
    let store = try RecordStore.inMemory()
    let info = try store.reader.read { try tableInfo($0, table) }
    #expect(info == Self.expected[table])
  }

  @Test func theContractDescriptionAgreesWithTheSQL() throws {
    let store = try RecordStore.inMemory()
    for table in Contract.tables {
      let info = try store.reader.read { try tableInfo($0, table.name) }
      #expect(info.map(\.name) == table.columns.map(\.name), "\(table.name)")
      #expect(info.map(\.type) == table.columns.map(\.declaredType), "\(table.name)")
      #expect(info.map(\.notNull) == table.columns.map(\.required), "\(table.name)")
    }
    #expect(Set(Contract.tables.map(\.name)) == Set(Self.expected.keys))
  }

  @Test func foreignKeysAndIndexesMatchRecordsMD() throws {
    let store = try RecordStore.inMemory()
    try store.reader.read { db in
      for (table, expected) in Self.expectedReferences {
        let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table))").map { row in
          "\(row["from"] as String)→\(row["table"] as String).\(row["to"] as String)"
        }
        #expect(Set(keys) == expected, "\(table)")
      }
      for table in ["awards", "enrolments", "funding_ledger", "learner_facts"] {
        let leading = try db.indexes(on: table).map { $0.columns.first }
        #expect(leading.contains("learner_id"), "\(table) needs an index on learner_id")
      }
    }
  }

  @Test func exactNumbersKeepTheirStorageClass() throws {
    let store = try RecordStore.inMemory()
    try #require(store.writer).write { db in
      try db.execute(
        sql:
          "INSERT INTO credentials (code, title, type, credits, fee) VALUES ('C1', 'T', 'course', '7.50', 1250)"
      )
      let row = try #require(
        try Row.fetchOne(
          db, sql: "SELECT typeof(credits) AS c, credits, typeof(fee) AS f FROM credentials"))
      #expect(row["c"] as String == "text")
      #expect(row["credits"] as String == "7.50")
      #expect(row["f"] as String == "integer")
    }
  }

  @Test func checkConstraintsRejectWordsOutsideTheContract() throws {
    let store = try RecordStore.inMemory()
    let writer = try #require(store.writer)
    #expect(throws: DatabaseError.self) {
      try writer.write {
        try $0.execute(sql: "INSERT INTO learners (id, residency) VALUES ('L1', 'tourist')")
      }
    }
    #expect(throws: DatabaseError.self) {
      try writer.write {
        try $0.execute(
          sql: "INSERT INTO credentials (code, title, type) VALUES ('C', 'T', 'Course')")
      }
    }
    #expect(throws: DatabaseError.self) {
      try writer.write { try $0.execute(sql: "INSERT INTO learners (id) VALUES (NULL)") }
    }
  }
}

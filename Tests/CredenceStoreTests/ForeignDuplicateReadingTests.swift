import CredenceRecords
import Foundation
import GRDB
import Testing

@testable import CredenceStore

/// A store another tool wrote without the contract's keys, read as it is (`eval`,
/// `db stats --check`): a key on two rows, or a learner row without an id, is a contract
/// error of the learner it touches, never a silent pick or skip.
@Suite struct ForeignDuplicateReadingTests {
  /// Schema v1 without its keys (no primary keys, NOT NULL or references), and `rows`.
  static func keylessStore(_ rows: [String]) throws -> (TemporaryDirectory, RecordStore) {
    let dir = try TemporaryDirectory()
    let path = dir.path("export.db")
    try DatabaseQueue(path: path).write { db in
      for statement in SchemaV1.statements where !statement.hasPrefix("CREATE INDEX") {
        var sql = statement.replacingOccurrences(
          of: #",\s*PRIMARY KEY \([^)]*\)"#, with: "", options: .regularExpression)
        for constraint in [" NOT NULL", " PRIMARY KEY", " WITHOUT ROWID"] {
          sql = sql.replacingOccurrences(of: constraint, with: "")
        }
        sql = sql.replacingOccurrences(
          of: #" REFERENCES \w+\(\w+\)"#, with: "", options: .regularExpression)
        try db.execute(sql: sql)
      }
      for row in rows { try db.execute(sql: row) }
    }
    return (dir, try RecordStore.openForReading(at: path))
  }

  static let catalogue =
    "INSERT INTO credentials (code, title, type) VALUES ('C1', 'One', 'course')"

  static func award(_ id: String, _ learner: String, _ code: String = "C1") -> String {
    "INSERT INTO awards (id, learner_id, credential_code, awarded_on, status) "
      + "VALUES ('\(id)', '\(learner)', '\(code)', '2025-01-01', 'valid')"
  }

  /// Every learner the store gives, in order, and the errors of each invalid one.
  static func read(_ store: RecordStore) throws -> [(id: String, errors: [String])] {
    var read: [(String, [String])] = []
    try store.recordSource.forEachBatch(batchSize: 2) { batch in
      for record in batch {
        switch record {
        case .valid(let learner): read.append((learner.id.text, []))
        case .invalid(let id, let errors): read.append((id.text, errors.map(\.description)))
        }
      }
    }
    return read
  }

  static let twice =
    "the key is on 2 rows, where the contract allows one; keep one row "
    + "(delete or merge the others)"

  @Test func aLearnerIDOnTwoRowsIsOneInvalidLearner() throws {
    let (dir, store) = try Self.keylessStore([
      Self.catalogue, "INSERT INTO learners (id) VALUES ('L1'), ('L2'), ('L1'), ('L3')",
      Self.award("A1", "L1"), Self.award("A2", "L2"),
    ])
    _ = dir
    let read = try Self.read(store)
    #expect(read.map(\.id) == ["L1", "L2", "L3"])
    #expect(read[0].errors == ["`learners` row `L1`, column `id`: \(Self.twice)"])
    #expect(read[1].errors.isEmpty && read[2].errors.isEmpty)
    // Asked for by id, the same answer.
    guard case .invalid(_, let errors)? = try store.recordSource.learner(id: "L1") else {
      Issue.record("L1 read as valid")
      return
    }
    #expect(errors.map(\.description) == read[0].errors)
  }

  @Test func learnerRowsWithoutAnIDAreReported() throws {
    let (dir, store) = try Self.keylessStore([
      "INSERT INTO learners (id, name) VALUES (NULL, 'x'), ('L1', 'y'), (NULL, 'z')"
    ])
    _ = dir
    let read = try Self.read(store)
    #expect(read.map(\.id) == ["(no id)", "L1"])
    #expect(
      read[0].errors == [
        "`learners` row `(no id) ×2`, column `id`: no value, but the contract requires one"
      ])
  }

  @Test func duplicateFactsAwardsEnrolmentsAndLedgerRowsAreNamed() throws {
    let (dir, store) = try Self.keylessStore([
      Self.catalogue, "INSERT INTO learners (id) VALUES ('L1'), ('L2')",
      Self.award("A1", "L1"), Self.award("A1", "L1"), Self.award("A2", "L2"),
      "INSERT INTO enrolments (id, learner_id, credential_code, start_on, status) VALUES "
        + "('E1', 'L1', 'C1', '2025-01-01', 'enrolled'), ('E1', 'L1', 'C1', '2025-02-01', 'enrolled')",
      "INSERT INTO funding_ledger (id, learner_id, scheme, amount, currency, posted_on) VALUES "
        + "(7, 'L1', 'credit', 5, 'SGD', '2025-01-01'), (7, 'L1', 'credit', 6, 'SGD', '2025-01-01')",
      "INSERT INTO learner_facts (learner_id, name, value) VALUES "
        + "('L1', 'employed', 'yes'), ('L1', 'employed', 'no'), ('L2', 'employed', 'no')",
    ])
    _ = dir
    let read = try Self.read(store)
    #expect(read.map(\.id) == ["L1", "L2"])
    #expect(
      read[0].errors == [
        "`awards` row `A1`, column `id`: \(Self.twice)",
        "`enrolments` row `E1`, column `id`: \(Self.twice)",
        "`funding_ledger` row `7`, column `id`: \(Self.twice)",
        "`learner_facts` row `L1 / employed`, column `name`: \(Self.twice)",
      ])
    #expect(read[1].errors.isEmpty)
  }

  @Test func aCredentialCodeOnTwoRowsBreaksTheLearnersNamingIt() throws {
    let (dir, store) = try Self.keylessStore([
      Self.catalogue, Self.catalogue,
      "INSERT INTO credentials (code, title, type) VALUES ('C2', 'Two', 'course')",
      "INSERT INTO learners (id) VALUES ('L1'), ('L2')",
      Self.award("A1", "L1"), Self.award("A2", "L2", "C2"),
    ])
    _ = dir
    let read = try Self.read(store)
    #expect(
      read[0].errors == [
        "`awards` row `A1`, column `credential_code`: refers to `credentials` row `C1`, whose "
          + "column `code` is broken (\(Self.twice))"
      ])
    #expect(read[1].errors.isEmpty)
    // One learner read alone sees the same catalogue.
    guard case .invalid(_, let errors)? = try store.recordSource.learner(id: "L1") else {
      Issue.record("L1 read as valid")
      return
    }
    #expect(errors.map(\.description) == read[0].errors)
  }
}

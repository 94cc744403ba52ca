import CredenceRecords
import GRDB

/// Rows read from another database (PostgreSQL), decoded into learners by this module's own
/// reader: the same contract checks, the same errors and the same order as a SQLite store.
///
/// The rows of one batch are written into an in-memory SQLite database whose tables have
/// the contract's names and columns but no types, keys or checks (values keep the storage
/// class they are given), the ``LearnerStream`` reads them as it reads a store, and the
/// transaction that held them is rolled back, so memory holds one batch. The catalogue is
/// staged once per read and stays.
package final class RecordStaging {
  /// The columns each staged table takes, in the order the rows give them: the columns the
  /// learner stream and the catalogue read.
  package static let columns: [String: [String]] = [
    "learners": ["id", "name", "birth_date", "citizenship", "residency"],
    "credentials": Catalogue.credentialColumns.components(separatedBy: ", "),
    "credential_tags": ["credential_code", "tag"],
    "awards": [
      "learner_id", "id", "credential_code", "awarded_on", "expires_on", "grade", "score",
      "status", "source",
    ],
    "enrolments": [
      "learner_id", "id", "credential_code", "start_on", "end_on", "fee", "currency", "status",
    ],
    "funding_ledger": [
      "learner_id", "id", "scheme", "amount", "currency", "posted_on", "expires_on", "memo",
    ],
    "learner_facts": ["learner_id", "name", "value"],
  ]

  /// The rows of one batch of learners, per table, each row's values in ``columns`` order.
  package struct Batch {
    package var learners: [[DatabaseValue]] = []
    package var awards: [[DatabaseValue]] = []
    package var enrolments: [[DatabaseValue]] = []
    package var ledger: [[DatabaseValue]] = []
    /// `nil` when the reader wants no facts.
    package var facts: [[DatabaseValue]]?

    package init(readsFacts: Bool) { facts = readsFacts ? [] : nil }
  }

  private let queue: DatabaseQueue
  private var catalogue = Catalogue()

  package init() throws {
    queue = try DatabaseQueue()
    try queue.write { db in
      for (table, columns) in Self.columns {
        try db.execute(sql: "CREATE TABLE \(table) (\(columns.joined(separator: ", ")))")
      }
    }
  }

  /// Stages the catalogue (credentials and tags, in ``columns`` order) for the batches after.
  package func stageCatalogue(credentials: [[DatabaseValue]], tags: [[DatabaseValue]]) throws {
    catalogue = try queue.write { db in
      try db.execute(sql: "DELETE FROM credentials")
      try db.execute(sql: "DELETE FROM credential_tags")
      try Self.insert(credentials, into: "credentials", db)
      try Self.insert(tags, into: "credential_tags", db)
      return try Catalogue.load(db)
    }
  }

  /// The staged catalogue entry `code`: the credential, `nil` when there is none; throws the
  /// entry's contract error when it is broken.
  package func credential(code: String) throws -> Credential? {
    switch catalogue.entries[code] {
    case .valid(let credential)?: return credential
    case .broken(let error)?: throw error
    case nil: return nil
    }
  }

  /// The staged catalogue in code order, and the codes of broken entries.
  package func catalogueListing() -> (credentials: [Credential], broken: [String]) {
    catalogue.listing()
  }

  /// The learners of `batch`, in id order, decoded as a SQLite store's rows are.
  package func learners(_ batch: Batch) throws -> [LearnerRecord] {
    try queue.inDatabase { db in
      var records: [LearnerRecord] = []
      records.reserveCapacity(batch.learners.count)
      try db.inTransaction {
        try Self.insert(batch.learners, into: "learners", db)
        try Self.insert(batch.awards, into: "awards", db)
        try Self.insert(batch.enrolments, into: "enrolments", db)
        try Self.insert(batch.ledger, into: "funding_ledger", db)
        if let facts = batch.facts { try Self.insert(facts, into: "learner_facts", db) }
        var stream = try LearnerStream(
          db, filter: .all, catalogue: catalogue, facts: batch.facts != nil)
        while let record = try stream.next() { records.append(record) }
        // Nothing of a batch outlives it.
        return .rollback
      }
      return records
    }
  }

  private static func insert(_ rows: [[DatabaseValue]], into table: String, _ db: Database)
    throws
  {
    guard !rows.isEmpty, let columns = columns[table] else { return }
    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    let statement = try db.cachedStatement(
      sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
    for row in rows { try statement.execute(arguments: StatementArguments(row)) }
  }
}

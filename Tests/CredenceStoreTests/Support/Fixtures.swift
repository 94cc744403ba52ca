import GRDB

@testable import CredenceStore

/// Writes rows with plain SQL, as another tool would, foreign keys unchecked so that tests
/// can store rows that break the contract.
func insertRaw(_ store: RecordStore, _ sql: String) throws {
  guard let writer = store.writer else { throw StoreError(.database, "read-only test store") }
  try writer.writeWithoutTransaction { db in
    try db.execute(sql: "PRAGMA foreign_keys = OFF")
    defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
    try db.inTransaction {
      try db.execute(sql: sql)
      return .commit
    }
  }
}

/// A small valid population: two credentials, three learners with awards (one revoked),
/// an enrolment, ledger rows and facts.
let smallPopulationSQL = """
  INSERT INTO credentials (code, title, provider, type, credits, credit_system, level, field, hours, fee, currency)
  VALUES ('IS5003', 'Platform Design', 'NUS', 'micro-credential', '4', 'SG-MC', 7, 'computing', 65, '1250.00', 'SGD'),
         ('CYB501', 'Network Security', 'NTU', 'course', 7.5, 'ECTS', NULL, 'cybersecurity', NULL, NULL, NULL);
  INSERT INTO credential_tags VALUES ('IS5003', 'ssg-funded'), ('IS5003', 'skill:platforms'), ('CYB501', 'skill:network-security');
  INSERT INTO learners VALUES ('L2', 'Bea', '1984-02-29', 'SG', 'citizen'),
                              ('L10', 'Ann', NULL, 'MY', 'permanent_resident'),
                              ('L3', NULL, '2001-12-31', NULL, NULL);
  INSERT INTO awards (id, learner_id, credential_code, awarded_on, expires_on, grade, score, status, source) VALUES
    ('A1', 'L2', 'IS5003', '2024-06-30', NULL, 'B+', NULL, 'valid', 'https://nus.example'),
    ('A2', 'L2', 'CYB501', '2023-01-15', '2026-01-15', 'A', '87.5', 'valid', NULL),
    ('A3', 'L2', 'CYB501', '2022-01-15', NULL, 'F', NULL, 'revoked', NULL),
    ('A4', 'L10', 'IS5003', '2025-03-01', NULL, 'Pass', NULL, 'valid', NULL);
  INSERT INTO enrolments VALUES ('E1', 'L2', 'IS5003', '2025-01-06', '2025-04-30', '450', NULL, 'completed');
  INSERT INTO funding_ledger (id, learner_id, scheme, amount, currency, posted_on, expires_on, memo) VALUES
    (1, 'L2', 'skillsfuture-credit', 500, 'SGD', '2016-01-01', NULL, 'opening credit'),
    (2, 'L2', 'skillsfuture-credit', '-120.50', 'SGD', '2025-01-06', NULL, 'claim E1');
  INSERT INTO learner_facts VALUES ('L2', 'monthly_income', '2400.00'), ('L2', 'employment_status', NULL),
                                   ('L3', 'employment_status', 'student');
  """

/// Opens `path` for writing and brings its schema up to date, as `credence db init` does.
func initStore(_ path: String, create: Bool = true) throws -> (RecordStore, RecordStore.Preparation)
{
  let store = try RecordStore.openForWriting(at: path, create: create)
  return (store, try store.prepareSchema())
}

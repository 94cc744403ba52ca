/// The SQL of schema v1, exactly as `records.md` names it.
///
/// Tables keyed by text (`learners`, `awards`, `enrolments`, and the two many-to-many
/// tables) are `WITHOUT ROWID`: clustered on their key, one B-tree fewer to write per row,
/// and a `learner_id` index that already holds the row's key, so reading a learner's
/// awards in id order needs no sort.
///
/// Exact-number columns (`credits`, `fee`, `score`, `amount`) have no declared type on
/// purpose: any declared numeric type gives the column NUMERIC affinity, and SQLite would
/// then turn `'7.5'` into a binary REAL. With no affinity a value keeps the storage class
/// it was written with (INTEGER or TEXT decimal), so exact figures stay exact. The comment
/// travels with the `CREATE TABLE` text, so `sqlite3 .schema` shows it too.
package enum SchemaV1 {
  /// The `PRAGMA application_id` stamped on every Credence store: ASCII `CRED`.
  static let applicationID: Int32 = 0x4352_4544

  static let learners = """
    CREATE TABLE learners (
      id TEXT NOT NULL PRIMARY KEY,
      name TEXT,
      birth_date TEXT,
      citizenship TEXT,
      residency TEXT CHECK (residency IN ('citizen', 'permanent_resident', 'other'))
    ) WITHOUT ROWID
    """

  static let credentials = """
    CREATE TABLE credentials (
      code TEXT NOT NULL PRIMARY KEY,
      title TEXT NOT NULL,
      provider TEXT,
      type TEXT NOT NULL CHECK (type IN ('micro-credential', 'course', 'module', 'certificate',
        'diploma', 'degree', 'badge')),
      credits /* INTEGER or TEXT decimal: no affinity, so '7.5' stays exact */,
      credit_system TEXT,
      level INTEGER,
      field TEXT,
      hours INTEGER,
      fee /* INTEGER or TEXT decimal: no affinity, so '1250.00' stays exact */,
      currency TEXT
    )
    """

  static let credentialTags = """
    CREATE TABLE credential_tags (
      credential_code TEXT NOT NULL REFERENCES credentials(code),
      tag TEXT NOT NULL,
      PRIMARY KEY (credential_code, tag)
    ) WITHOUT ROWID
    """

  static let awards = """
    CREATE TABLE awards (
      id TEXT NOT NULL PRIMARY KEY,
      learner_id TEXT NOT NULL REFERENCES learners(id),
      credential_code TEXT NOT NULL REFERENCES credentials(code),
      awarded_on TEXT NOT NULL,
      expires_on TEXT,
      grade TEXT,
      score /* INTEGER or TEXT decimal: no affinity, so '87.5' stays exact */,
      status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
      source TEXT
    ) WITHOUT ROWID
    """

  static let enrolments = """
    CREATE TABLE enrolments (
      id TEXT NOT NULL PRIMARY KEY,
      learner_id TEXT NOT NULL REFERENCES learners(id),
      credential_code TEXT NOT NULL REFERENCES credentials(code),
      start_on TEXT NOT NULL,
      end_on TEXT,
      fee /* INTEGER or TEXT decimal: no affinity, so '1250.00' stays exact */,
      currency TEXT,
      status TEXT NOT NULL CHECK (status IN ('applied', 'enrolled', 'completed', 'withdrawn'))
    ) WITHOUT ROWID
    """

  static let fundingLedger = """
    CREATE TABLE funding_ledger (
      id INTEGER NOT NULL PRIMARY KEY,
      learner_id TEXT NOT NULL REFERENCES learners(id),
      scheme TEXT NOT NULL,
      amount /* INTEGER or TEXT decimal: no affinity, so '-120.50' stays exact */ NOT NULL,
      currency TEXT NOT NULL,
      posted_on TEXT NOT NULL,
      expires_on TEXT,
      memo TEXT
    )
    """

  static let learnerFacts = """
    CREATE TABLE learner_facts (
      learner_id TEXT NOT NULL REFERENCES learners(id),
      name TEXT NOT NULL,
      value TEXT,
      PRIMARY KEY (learner_id, name)
    ) WITHOUT ROWID
    """

  /// The `learner_id` indexes the contract asks for. `learner_facts` is clustered on its
  /// primary key `(learner_id, name)`, which is already its `learner_id` index.
  package static let indexes = [
    "CREATE INDEX awards_learner_id ON awards(learner_id)",
    "CREATE INDEX enrolments_learner_id ON enrolments(learner_id)",
    "CREATE INDEX funding_ledger_learner_id ON funding_ledger(learner_id)",
  ]

  /// The names of ``indexes``, in the same order.
  package static let indexNames = [
    "awards_learner_id", "enrolments_learner_id", "funding_ledger_learner_id",
  ]

  /// Every statement of schema v1, parents before children.
  static let statements =
    [learners, credentials, credentialTags, awards, enrolments, fundingLedger, learnerFacts]
    + indexes
}

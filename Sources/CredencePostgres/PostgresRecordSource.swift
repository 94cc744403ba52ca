import CredenceRecords
import CredenceStore
import Foundation
import GRDB

/// The `RecordSource` over a PostgreSQL store: learners in id order (byte order: the key
/// columns are `COLLATE "C"`, so comparisons on them are too), read by keyset pagination on the learner id inside one
/// read-only `REPEATABLE READ` transaction (all batches see one state of the records), each
/// batch decoded by the SQLite reader's own code (``RecordStaging``).
///
/// Memory holds one batch: per batch, one query for the learners after the last one read,
/// then one per child table for that id range, each in the order the reader merges.
public final class PostgresRecordSource: StoreRecordSource, @unchecked Sendable {
  public let location: PostgresLocation
  /// Whether learners come with their `learner_facts` rows.
  public let readsFacts: Bool
  /// The shard whose learners `forEachBatch` reads (all learners when `nil`).
  public let shard: LearnerShard?
  /// One connection, one call at a time (the server's requests take turns on it); recursive,
  /// so a batch's consumer may look a credential up on the same thread.
  private let lock = NSRecursiveLock()
  private var session: PostgresSession?

  init(location: PostgresLocation, readsFacts: Bool, shard: LearnerShard? = nil) {
    self.location = location
    self.readsFacts = readsFacts
    self.shard = shard.flatMap { $0.count > 1 ? $0 : nil }
  }

  /// A source (on a connection of its own) reading only `shard`'s learners: the server
  /// picks them by their stored hash (``PostgresShardHash``), and their rows alone.
  public func restricted(to shard: LearnerShard) -> any RecordSource {
    PostgresRecordSource(location: location, readsFacts: readsFacts, shard: shard)
  }

  /// The child tables read per batch: table, extra condition, and whether it is read at all.
  private var children: [(table: Contract.Table, condition: String)] {
    [
      (Contract.awards, " AND status <> 'revoked'"), (Contract.enrolments, ""),
      (Contract.fundingLedger, ""),
    ] + (readsFacts ? [(Contract.learnerFacts, "")] : [])
  }

  public func forEachBatch(batchSize: Int, _ body: ([LearnerRecord]) throws -> Void) throws {
    try withSession { session in
      try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
      defer { _ = try? session.execute("ROLLBACK") }
      let staging = try RecordStaging()
      try stageCatalogue(session, staging, learner: nil)
      let size = max(1, batchSize)
      // A shard's learners by their stored hash; their rows through the same choice.
      let inShard = shard.map { " AND " + PostgresShardHash.condition($0) } ?? ""
      let childCondition =
        "learner_id BETWEEN $1::text AND $2::text"
        + (inShard.isEmpty
          ? ""
          : " AND learner_id IN (SELECT id FROM learners "
            + "WHERE id BETWEEN $1::text AND $2::text\(inShard))")
      var after: String?
      while true {
        var batch = RecordStaging.Batch(readsFacts: readsFacts)
        batch.learners = try session.query(
          "SELECT \(PostgresRows.selectList(Contract.learners)) FROM learners "
            + "WHERE ($1::text IS NULL OR id > $1::text)\(inShard) "
            + "ORDER BY id COLLATE \"C\" LIMIT \(size)", [after]
        ).map(PostgresRows.values)
        guard let first = batch.learners.first?[0], let last = batch.learners.last?[0],
          case .string(let firstID) = first.storage, case .string(let lastID) = last.storage
        else { return }
        try readChildren(session, into: &batch, where: childCondition, [firstID, lastID])
        try body(try staging.learners(batch))
        after = lastID
        if batch.learners.count < size { return }
      }
    }
  }

  public func learner(id: LearnerID) throws -> LearnerRecord? {
    try withSession { session in
      try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
      defer { _ = try? session.execute("ROLLBACK") }
      var batch = RecordStaging.Batch(readsFacts: true)
      batch.learners = try session.query(
        "SELECT \(PostgresRows.selectList(Contract.learners)) FROM learners WHERE id = $1::text",
        [id.text]
      ).map(PostgresRows.values)
      guard !batch.learners.isEmpty else { return nil }
      let staging = try RecordStaging()
      try stageCatalogue(session, staging, learner: id.text)
      try readChildren(session, into: &batch, where: "learner_id = $1::text", [id.text])
      return try staging.learners(batch).first
    }
  }

  public func credential(code: String) throws -> Credential? {
    try withSession { session in
      let staging = try RecordStaging()
      try stageCatalogue(session, staging, learner: nil, code: code)
      return try staging.credential(code: code)
    }
  }

  public func learnerCount() throws -> Int {
    try withSession { session in
      Int(try session.query("SELECT count(*)::text FROM learners").first?.text(0) ?? "0") ?? 0
    }
  }

  public func catalogue() throws -> (credentials: [Credential], broken: [String]) {
    try withSession { session in
      let staging = try RecordStaging()
      try stageCatalogue(session, staging, learner: nil)
      return staging.catalogueListing()
    }
  }

  public func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int) {
    try withSession { session in
      let ids = try session.query(
        "SELECT id FROM learners WHERE starts_with(id, $1::text) ORDER BY id COLLATE \"C\" "
          + "LIMIT \(max(0, limit))", [prefix]
      ).compactMap { try $0.text(0) }
      let total = try session.query(
        "SELECT count(*)::text FROM learners WHERE starts_with(id, $1::text)", [prefix]
      ).first?.text(0)
      return (ids, Int(total ?? "0") ?? 0)
    }
  }

  /// Closes the connection (a later call opens another).
  public func close() {
    lock.lock()
    defer { lock.unlock() }
    session?.close()
    session = nil
  }

  // MARK: Reading

  /// Stages the catalogue: all of it, or the entries one learner's rows name, or one code.
  private func stageCatalogue(
    _ session: PostgresSession, _ staging: RecordStaging, learner: String?, code: String? = nil
  ) throws {
    var condition = ""
    var binds: [String?] = []
    if let learner {
      condition =
        " WHERE code IN (SELECT credential_code FROM awards WHERE learner_id = $1::text "
        + "UNION SELECT credential_code FROM enrolments WHERE learner_id = $1::text)"
      binds = [learner]
    } else if let code {
      condition = " WHERE code = $1::text"
      binds = [code]
    }
    let credentials = try session.query(
      "SELECT \(PostgresRows.selectList(Contract.credentials)) FROM credentials\(condition)",
      binds
    ).map(PostgresRows.values)
    let tags = try session.query(
      "SELECT credential_code, tag FROM credential_tags"
        + condition.replacingOccurrences(of: "WHERE code", with: "WHERE credential_code")
        + " ORDER BY tag COLLATE \"C\"", binds
    ).map(PostgresRows.values)
    try staging.stageCatalogue(credentials: credentials, tags: tags)
  }

  /// Reads the child rows of the learners `condition` selects into `batch`.
  private func readChildren(
    _ session: PostgresSession, into batch: inout RecordStaging.Batch, where condition: String,
    _ binds: [String?]
  ) throws {
    for (table, extra) in children {
      let order = table.name == "learner_facts" ? "name" : "id"
      let rows = try session.query(
        "SELECT \(PostgresRows.selectList(table)) FROM \(table.name) WHERE \(condition)\(extra) "
          + "ORDER BY learner_id COLLATE \"C\", \(order)", binds
      ).map(PostgresRows.values)
      switch table.name {
      case "awards": batch.awards = rows
      case "enrolments": batch.enrolments = rows
      case "funding_ledger": batch.ledger = rows
      default: batch.facts = rows
      }
    }
  }

  /// Runs `body` on the connection (opened read-only on first use), one call at a time,
  /// with failures worded as store errors.
  private func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    return try PostgresFailure.unwrapping {
      if session == nil { session = try PostgresSession(location, readOnly: true) }
      guard let session else { throw StoreError(.database, "no connection") }
      do {
        return try body(session)
      } catch let failure as PostgresFailure {
        // A broken connection is opened anew on the next call.
        self.session = nil
        throw failure
      }
    }
  }
}

extension PostgresFailure {
  /// Runs `body`, turning a failed statement into its store error.
  static func unwrapping<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let failure as PostgresFailure {
      throw failure.error
    }
  }
}

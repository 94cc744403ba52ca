import GRDB

extension SQLiteRecordSource {
  /// Up to `limit` learner ids starting with `prefix`, in id order (UTF-8 byte order), and
  /// how many ids start with it in all; for the REPL's `:learners` and its completion.
  ///
  /// Both reads use the primary key as a range, so they stay fast on a million learners.
  public func learnerIDs(prefix: String, limit: Int) throws -> (ids: [String], total: Int) {
    // Every valid UTF-8 id starting with the prefix sorts below prefix + F4 90: no UTF-8
    // sequence continues F4 with a byte above 8F.
    let range = "id >= ?1 AND id < ?1 || CAST(x'F490' AS TEXT)"
    return try read { db in
      let ids = try String.fetchAll(
        db, sql: "SELECT id FROM learners WHERE \(range) ORDER BY id COLLATE BINARY LIMIT ?2",
        arguments: [prefix, max(0, limit)])
      let total =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM learners WHERE \(range)", arguments: [prefix]) ?? 0
      return (ids, total)
    }
  }
}

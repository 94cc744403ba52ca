import CredenceRecords

/// Keys on more than one row of a learner's child table, found in the decoded rows.
///
/// A store written by Credence cannot hold them (primary keys), but another tool's file
/// without those keys can: two fact rows with one name, or two awards with one id, would
/// have one picked silently. The check runs on decoded items, not in SQL, so every reader
/// of the contract (SQLite, PostgreSQL) shares it. Readers give a learner's rows ordered
/// by key, so copies are neighbours: one pass, no allocation.
enum DuplicateKeys {
  /// An error for each key that `items` (ordered by key) holds more than once.
  static func errors<Item, Key: Equatable>(
    in items: [Item], table: String, column: String, key: (Item) -> Key,
    row: (Key) -> String
  ) -> [RecordError] {
    var errors: [RecordError] = []
    var index = items.startIndex
    while index < items.endIndex {
      let current = key(items[index])
      var end = index + 1
      while end < items.endIndex, key(items[end]) == current { end += 1 }
      if end - index > 1 {
        errors.append(
          RecordError(
            table: table, row: row(current), column: column,
            problem: .duplicateKey(rows: end - index)))
      }
      index = end
    }
    return errors
  }

  /// The errors of every child table of the learner `learner`, whose lists are as read
  /// (ordered by key).
  static func errors(
    learner: String, awards: [Award], enrolments: [Enrolment], ledger: [LedgerEntry],
    facts: [LearnerFact]
  ) -> [RecordError] {
    // Most learners have no copies: the common case reads each list once and builds nothing.
    errors(in: awards, table: "awards", column: "id", key: \.id, row: { $0 })
      + errors(in: enrolments, table: "enrolments", column: "id", key: \.id, row: { $0 })
      + errors(
        in: ledger, table: "funding_ledger", column: "id", key: \.id,
        row: { $0.map(String.init) ?? "(no id)" })
      + errors(
        in: facts, table: "learner_facts", column: "name", key: \.name,
        row: { "\(learner) / \($0)" })
  }
}

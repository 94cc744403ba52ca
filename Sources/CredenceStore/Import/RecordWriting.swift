import GRDB

/// What a store did with one row an import gave it.
package enum RowInsertion: Sendable, Equatable {
  case inserted
  /// Nothing written: the store already has a row under the row's primary key.
  case keyTaken
  /// The store refused the row for another rule of its table (a `CHECK`); the text is the
  /// database's own wording, which names the rule, not the value.
  case brokenRule(String)
}

/// Where an import writes: the contract tables of one store, inside the import's single
/// transaction. The SQLite store and the PostgreSQL store implement it; the importers and
/// ``ImportSession`` are the same for both.
///
/// Values are the importers' own: text, 64-bit integers and NULL (exact numbers are an
/// integer or their decimal text, dates their ISO text); a store converts them to its types.
package protocol RecordWriting: AnyObject {
  /// Whether `table` has a row whose `column` is `key`.
  func exists(_ table: String, _ column: String, _ key: String) throws -> Bool

  /// Inserts one row; `orIgnore` says the caller expects the key may be stored already.
  func insert(
    into table: Contract.Table, columns: [String], values: [DatabaseValue], orIgnore: Bool
  ) throws -> RowInsertion

  /// The stored row under `key` (the table's primary key, column by column), its `columns`
  /// in the importers' form, or `nil` when there is none.
  func storedRow(
    in table: Contract.Table, columns: [String], key: [(column: String, value: DatabaseValue)]
  ) throws -> [DatabaseValue]?

  /// Overwrites `columns` of the row under `key`; returns the broken rule's wording when the
  /// store refuses the new values.
  func update(
    _ table: Contract.Table, columns: [String], values: [DatabaseValue],
    key: [(column: String, value: DatabaseValue)]
  ) throws -> String?
}

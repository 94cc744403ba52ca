import CredenceRecords

/// One side of the merge join: a cursor over a child table ordered by learner id, decoding
/// each row as soon as it is read (GRDB reuses the row object).
struct ChildRows<Item> {
  /// A decoded row: its learner id and the item, or the errors that stop it.
  private struct Pending {
    let learnerID: String
    let item: Item?
    let errors: [RecordError]
  }

  private var cursor: RawRows
  private let decode: (RawRows, inout [RecordError]) -> (learnerID: String?, item: Item?)
  private var pending: Pending?
  private var exhausted = false

  /// `decode` reads a row: its learner id (nil when missing) and the item, appending
  /// contract errors to its second argument.
  init(
    cursor: RawRows,
    decode: @escaping (RawRows, inout [RecordError]) -> (learnerID: String?, item: Item?)
  ) {
    self.cursor = cursor
    self.decode = decode
  }

  private mutating func advance() throws {
    pending = nil
    while !exhausted {
      guard try cursor.next() else {
        exhausted = true
        return
      }
      var errors: [RecordError] = []
      let (learnerID, item) = decode(cursor, &errors)
      // A row without a learner touches no learner; nothing to report it on.
      guard let learnerID else { continue }
      pending = Pending(learnerID: learnerID, item: item, errors: errors)
      return
    }
  }

  /// Moves the rows of learner `id` into `items` (valid ones) and `errors` (broken ones).
  /// Rows of learners before `id` that no learner row claimed are skipped.
  mutating func take(for id: String, into items: inout [Item], errors: inout [RecordError])
    throws
  {
    if pending == nil { try advance() }
    while let row = pending {
      let order = LearnerID.compareBytes(row.learnerID, id)
      if order > 0 { return }
      if order == 0 {
        if row.errors.isEmpty, let item = row.item {
          items.append(item)
        } else {
          errors.append(contentsOf: row.errors)
        }
      }
      try advance()
    }
  }
}

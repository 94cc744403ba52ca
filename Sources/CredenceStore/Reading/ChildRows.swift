import CredenceRecords

/// One side of the merge join: a cursor over a child table ordered by learner id, decoding
/// each row as soon as it is read (GRDB reuses the row object).
struct ChildRows<Item> {
  private var cursor: RawRows
  private let decode: (RawRows, inout [RecordError]) -> (learnerID: String?, item: Item?)
  /// The decoded row read ahead, when ``hasPending``: its learner id and the item, or the
  /// errors that stop it. Kept in separate fields and read in place, so that looking at it
  /// copies (and retains) nothing.
  private var hasPending = false
  private var pendingLearnerID = ""
  private var pendingItem: Item?
  private var pendingErrors: [RecordError] = []
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
    hasPending = false
    pendingItem = nil
    if !pendingErrors.isEmpty { pendingErrors = [] }
    while !exhausted {
      guard try cursor.next() else {
        exhausted = true
        return
      }
      let (learnerID, item) = decode(cursor, &pendingErrors)
      // A row without a learner touches no learner; nothing to report it on.
      guard let learnerID else {
        pendingErrors = []
        continue
      }
      hasPending = true
      pendingLearnerID = learnerID
      pendingItem = item
      return
    }
  }

  /// Moves the rows of learner `id` into `items` (valid ones) and `errors` (broken ones).
  /// Rows of learners before `id` that no learner row claimed are skipped.
  mutating func take(for id: String, into items: inout [Item], errors: inout [RecordError])
    throws
  {
    if !hasPending { try advance() }
    while hasPending {
      let order = LearnerID.compareBytes(pendingLearnerID, id)
      if order > 0 { return }
      if order == 0 {
        if pendingErrors.isEmpty, let item = pendingItem.take() {
          items.append(item)
        } else {
          errors.append(contentsOf: pendingErrors)
        }
      }
      try advance()
    }
  }
}

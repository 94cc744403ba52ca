import CredenceRecords
import GRDBSQLite

/// One side of the merge join: a cursor over a child table ordered by learner id, decoding
/// each row as soon as it is read.
struct ChildRows<Item> {
  private var cursor: RawRows
  private let decode: (RawRows, inout [RecordError]) -> Item?
  /// Whether a decoded row is read ahead. Its learner id is still the cursor's column 0
  /// (the cursor does not move until the row is taken), compared there in place; the item,
  /// or the errors that stop it, are kept in separate fields and read in place, so that
  /// looking at the pending row copies (and retains) nothing.
  private var hasPending = false
  /// The pending row's learner id as text when it is not stored as ASCII TEXT (a number,
  /// read as its decimal text, or text compared after its UTF-8 is checked, as learner ids
  /// are); nil when it is compared in place.
  private var pendingOtherLearnerID: String?
  private var pendingItem: Item?
  private var pendingErrors: [RecordError] = []
  private var exhausted = false

  /// `decode` reads a row's item, appending contract errors to its second argument.
  init(cursor: RawRows, decode: @escaping (RawRows, inout [RecordError]) -> Item?) {
    self.cursor = cursor
    self.decode = decode
  }

  private mutating func advance() throws {
    hasPending = false
    pendingItem = nil
    pendingOtherLearnerID = nil
    if !pendingErrors.isEmpty { pendingErrors = [] }
    while !exhausted {
      guard try cursor.next() else {
        exhausted = true
        return
      }
      let learnerID = ColumnReader.value(cursor.handle, 0)
      let type = ColumnReader.type(learnerID)
      // A row without a learner touches no learner; nothing to report it on.
      if type == SQLITE_NULL || type == SQLITE_BLOB { continue }
      if type != SQLITE_TEXT {
        pendingOtherLearnerID = ColumnReader.text(learnerID)
      } else if !ColumnReader.withBytes(learnerID, { $0.allSatisfy { $0 < 0x80 } }) {
        // Not ASCII: compared as the text it reads as (invalid UTF-8 repaired), as the
        // learner's own id is.
        pendingOtherLearnerID = ColumnReader.text(learnerID)
      }
      pendingItem = decode(cursor, &pendingErrors)
      hasPending = true
      return
    }
  }

  /// The pending row's learner id compared with `id`'s bytes: negative, zero or positive.
  private func comparePending(to id: UnsafeBufferPointer<UInt8>) -> Int {
    if let other = pendingOtherLearnerID {
      var other = other
      return other.withUTF8 { LearnerID.compareBytes($0, id) }
    }
    return ColumnReader.withBytes(cursor.handle, 0) { LearnerID.compareBytes($0, id) }
  }

  /// Moves the rows of the learner whose id has the UTF-8 bytes `id` into `items` (valid
  /// ones) and `errors` (broken ones). Rows of learners before `id` that no learner row
  /// claimed are skipped.
  mutating func take(
    for id: UnsafeBufferPointer<UInt8>, into items: inout [Item], errors: inout [RecordError]
  ) throws {
    if !hasPending { try advance() }
    while hasPending {
      let order = comparePending(to: id)
      if order > 0 { return }
      if order == 0 {
        if pendingErrors.isEmpty, let item = pendingItem.take() {
          // Most learners have a few rows of each table: room for four at the first
          // saves growing the array twice.
          if items.capacity == 0 { items.reserveCapacity(4) }
          items.append(consume item)
        } else {
          errors.append(contentsOf: pendingErrors)
        }
      }
      try advance()
    }
  }
}

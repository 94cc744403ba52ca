import CredenceValues

/// The order in which policies see a learner's rows: awards by award date, enrolments by
/// start date, ledger rows by posting date, each then by id; unknown dates last
/// (docs/decisions.md, "Record details as policies see them").
public enum RecordOrder {
  /// Whether `left` comes before `right`.
  @inlinable public static func before(_ left: Award, _ right: Award) -> Bool {
    before(left.awardedOn, left.id, right.awardedOn, right.id)
  }

  @inlinable public static func before(_ left: Enrolment, _ right: Enrolment) -> Bool {
    before(left.startOn, left.id, right.startOn, right.id)
  }

  @inlinable public static func before(_ left: LedgerEntry, _ right: LedgerEntry) -> Bool {
    if left.postedOn != right.postedOn { return dateBefore(left.postedOn, right.postedOn) }
    return (left.id ?? .max) < (right.id ?? .max)
  }

  /// Unknown dates sort last.
  @inlinable public static func dateBefore(_ left: CivilDate?, _ right: CivilDate?) -> Bool {
    switch (left, right) {
    case (let l?, let r?): l < r
    case (.some, nil): true
    default: false
    }
  }

  @inlinable public static func before(
    _ leftDate: CivilDate?, _ leftID: String, _ rightDate: CivilDate?, _ rightID: String
  ) -> Bool {
    if leftDate != rightDate { return dateBefore(leftDate, rightDate) }
    return LearnerID.compareBytes(leftID, rightID) < 0
  }

  /// Lists longer than this are sorted by the standard library; shorter ones (nearly every
  /// learner's) by insertion, which moves rows without retaining their fields.
  public static let insertionSortLimit = 32

  /// Sorts `rows` by `before`, stably, unless they already are in order: checking is a pass
  /// over rows that are mostly in order already, and sorting an array that is shared (a
  /// batch still holds it) would copy it.
  @inlinable public static func sort<Row>(_ rows: inout [Row], by before: (Row, Row) -> Bool) {
    var index = 1
    while index < rows.count {
      if before(rows[index], rows[index - 1]) { break }
      index += 1
    }
    guard index < rows.count else { return }
    guard rows.count <= insertionSortLimit else {
      // The standard library's sort is stable too (a merge sort past its own small runs).
      rows.sort(by: before)
      return
    }
    rows.withUnsafeMutableBufferPointer { rows in
      // The rows before `index` are in order; each later row moves back past the rows it
      // comes before, by swaps that move memory (no copies, no reference counting).
      while index < rows.count {
        var position = index
        while position > 0, before(rows[position], rows[position - 1]) {
          rows.swapAt(position, position - 1)
          position -= 1
        }
        index += 1
      }
    }
  }
}

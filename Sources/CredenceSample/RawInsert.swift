import CredenceStore
import Foundation
import GRDB
import GRDBSQLite

/// A prepared INSERT with values bound straight through SQLite's C API, several rows per
/// statement: the sample generator writes millions of rows, and building GRDB
/// `StatementArguments` for each would cost an array allocation per row, while running
/// one statement per row costs SQLite a cursor opened and closed per row.
///
/// Bind a row's values with 1-based column indexes, then ``step()`` ends the row; the rows
/// go to SQLite ``rowsPerStatement`` at a time, and ``finish()`` writes the rest, one by
/// one. Rows are inserted in the order they were ended.
final class RawInsert {
  /// Rows per multi-row `INSERT … VALUES (…), (…)`.
  static let rowsPerStatement = 32

  private let batch: Statement
  private let single: Statement
  private let db: Database
  private let columns: Int
  /// One buffer per parameter of the batch statement, so values stay put until they run.
  private let slots: [TextScratch]
  /// What each parameter of the batch statement is bound to, for ``finish()``.
  private var bound: [Bound]
  /// How many rows are bound and waiting.
  private var pending = 0
  /// The column offset of the row being bound.
  private var base: Int32 = 0

  /// `sql` is a one-row `INSERT … VALUES (?, …, ?)`.
  init(_ db: Database, _ sql: String) throws {
    self.db = db
    single = try db.makeStatement(sql: sql)
    columns = Int(sqlite3_bind_parameter_count(single.sqliteStatement))
    guard let values = sql.range(of: "VALUES", options: .backwards) else {
      throw StoreError(.database, "a sample insert has no VALUES clause")
    }
    let row = sql[values.upperBound...].trimmingCharacters(in: .whitespaces)
    let rows = Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", ")
    batch = try db.makeStatement(sql: sql[..<values.upperBound] + " " + rows)
    slots = (0..<(columns * Self.rowsPerStatement)).map { _ in TextScratch() }
    bound = Array(repeating: .null, count: columns * Self.rowsPerStatement)
  }

  /// A bound value: SQLite cannot give one back, and the rows left over at the end are
  /// inserted through the one-row statement.
  private enum Bound {
    case null
    case integer(Int64)
    case text(UnsafePointer<CChar>?, Int32)
  }

  private var handle: OpaquePointer { batch.sqliteStatement }

  func bind(_ index: Int32, _ text: StaticString) {
    guard text.hasPointerRepresentation else {
      // A one-scalar literal has no stored bytes to point at.
      slot(index).append(text)
      return bindSlot(index)
    }
    // Static text lives for the whole program: no copy needed.
    let pointer = UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    let count = Int32(text.utf8CodeUnitCount)
    _ = sqlite3_bind_text(handle, base + index, pointer, count, nil)
    bound[Int(base + index) - 1] = .text(pointer, count)
  }

  /// The emptied buffer of parameter `index`; compose the value, then ``bindSlot(_:)``.
  func slot(_ index: Int32) -> TextScratch {
    let slot = slots[Int(base + index) - 1]
    slot.clear()
    return slot
  }

  /// Binds parameter `index` to what its buffer holds.
  func bindSlot(_ index: Int32) {
    let slot = slots[Int(base + index) - 1]
    slot.bind(to: handle, at: base + index)
    bound[Int(base + index) - 1] = .text(slot.pointer, Int32(slot.count))
  }

  /// Binds text through the parameter's buffer (a copy, but no allocation).
  func bind(_ index: Int32, _ text: String) {
    slot(index).append(text)
    bindSlot(index)
  }

  /// Binds a copy of what `text` holds.
  func bind(_ index: Int32, _ text: TextScratch) {
    slot(index).append(text)
    bindSlot(index)
  }

  func bind(_ index: Int32, _ integer: Int) {
    _ = sqlite3_bind_int64(handle, base + index, Int64(integer))
    bound[Int(base + index) - 1] = .integer(Int64(integer))
  }

  func bindNull(_ index: Int32) {
    _ = sqlite3_bind_null(handle, base + index)
    bound[Int(base + index) - 1] = .null
  }

  /// Ends the row being bound; runs the statement when a batch is full.
  func step() throws {
    pending += 1
    base = Int32(pending * columns)
    if pending == Self.rowsPerStatement {
      try run(handle)
      pending = 0
      base = 0
    }
  }

  /// Inserts the rows still waiting, one statement each.
  func finish() throws {
    let one = single.sqliteStatement
    for row in 0..<pending {
      for column in 0..<columns {
        let from = Int32(row * columns + column + 1)
        copy(parameter: from, to: Int32(column + 1), of: one)
      }
      try run(one)
    }
    pending = 0
    base = 0
  }

  /// Binds parameter `to` of `target` to what parameter `from` of the batch is bound to.
  private func copy(parameter from: Int32, to: Int32, of target: OpaquePointer) {
    switch bound[Int(from) - 1] {
    case .null: _ = sqlite3_bind_null(target, to)
    case .integer(let value): _ = sqlite3_bind_int64(target, to, value)
    case .text(let pointer, let count): _ = sqlite3_bind_text(target, to, pointer, count, nil)
    }
  }

  private func run(_ statement: OpaquePointer) throws {
    let code = sqlite3_step(statement)
    _ = sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }
}

/// A fixed byte buffer for composing ids, dates and amounts without allocating strings.
///
/// Values are bound from it with `SQLITE_STATIC` (no copy): it must not change between
/// the bind and the statement's step, which is why each statement parameter has its own.
final class TextScratch {
  /// More than any sample value needs (the longest is a course title).
  static let capacity = 256

  private let base = UnsafeMutablePointer<UInt8>.allocate(capacity: TextScratch.capacity)
  private(set) var count = 0

  deinit { base.deallocate() }

  func clear() { count = 0 }

  private func put(_ byte: UInt8) {
    guard count < Self.capacity else { return }
    base[count] = byte
    count += 1
  }

  func append(_ text: StaticString) {
    text.withUTF8Buffer { for byte in $0 { put(byte) } }
  }

  func append(_ text: String) {
    var text = text
    text.withUTF8 { for byte in $0 { put(byte) } }
  }

  func append(ascii: Unicode.Scalar) { put(UInt8(ascii: ascii)) }

  func append(_ other: TextScratch) {
    for index in 0..<other.count { put(other.base[index]) }
  }

  /// The bytes, for binding without a copy.
  var pointer: UnsafePointer<CChar> {
    UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
  }

  /// `value` in decimal, zero-padded to `width` digits.
  func append(_ value: Int, width: Int = 1) {
    if value < 0 { put(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var probe = magnitude
    while probe >= 10 {
      probe /= 10
      digits += 1
    }
    for _ in digits..<max(width, digits) { put(UInt8(ascii: "0")) }
    guard count + digits <= Self.capacity else { return }
    var index = count + digits - 1
    count += digits
    repeat {
      base[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
      index -= 1
    } while magnitude > 0
  }

  /// `YYYY-MM-DD`.
  func appendDate(year: Int, month: Int, day: Int) {
    append(year, width: 4)
    append(ascii: "-")
    append(month, width: 2)
    append(ascii: "-")
    append(day, width: 2)
  }

  /// An amount of cents as a plain decimal with two places: `-450.00`.
  func appendCents(_ cents: Int) {
    if cents < 0 { append(ascii: "-") }
    append(Int(cents.magnitude / 100))
    append(ascii: ".")
    append(Int(cents.magnitude % 100), width: 2)
  }

  /// Binds the bytes to parameter `index` of `handle` without copying.
  func bind(to handle: OpaquePointer, at index: Int32) {
    _ = sqlite3_bind_text(handle, index, pointer, Int32(count), nil)
  }
}

import GRDB
import GRDBSQLite

/// A prepared INSERT with values bound straight through SQLite's C API: the sample
/// generator writes millions of rows, and building GRDB `StatementArguments` for each
/// would cost an array allocation per row. The GRDB `Statement` owns the handle.
struct RawInsert {
  private let statement: Statement
  private let handle: OpaquePointer
  private let db: Database
  /// One buffer per parameter, so a row's values stay put until `step`.
  private let slots: [TextScratch]

  init(_ db: Database, _ sql: String) throws {
    self.db = db
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
    slots = (0..<Int(sqlite3_bind_parameter_count(handle))).map { _ in TextScratch() }
  }

  func bind(_ index: Int32, _ text: StaticString) {
    text.withUTF8Buffer { bytes in
      // Static text lives for the whole program: no copy needed.
      _ = sqlite3_bind_text(
        handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
        Int32(bytes.count), nil)
    }
  }

  /// The emptied buffer of parameter `index`; compose the value, then ``bindSlot(_:)``.
  func slot(_ index: Int32) -> TextScratch {
    let slot = slots[Int(index) - 1]
    slot.clear()
    return slot
  }

  /// Binds parameter `index` to what its buffer holds.
  func bindSlot(_ index: Int32) {
    slots[Int(index) - 1].bind(to: handle, at: index)
  }

  /// Binds text through the parameter's buffer (a copy, but no allocation).
  func bind(_ index: Int32, _ text: String) {
    slot(index).append(text)
    bindSlot(index)
  }

  /// Binds a buffer that the caller keeps unchanged until ``step()``.
  func bind(_ index: Int32, _ text: TextScratch) {
    text.bind(to: handle, at: index)
  }

  func bind(_ index: Int32, _ integer: Int) {
    _ = sqlite3_bind_int64(handle, index, Int64(integer))
  }

  func bindNull(_ index: Int32) {
    _ = sqlite3_bind_null(handle, index)
  }

  /// Runs the insert and readies the statement for the next row.
  func step() throws {
    let code = sqlite3_step(handle)
    _ = sqlite3_reset(handle)
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
    base.withMemoryRebound(to: CChar.self, capacity: count) { pointer in
      _ = sqlite3_bind_text(handle, index, pointer, Int32(count), nil)
    }
  }
}

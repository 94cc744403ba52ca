import GRDB
import GRDBSQLite

/// A prepared INSERT with values bound straight through SQLite's C API: the sample
/// generator writes millions of rows, and building GRDB `StatementArguments` for each
/// would cost an array allocation per row. The GRDB `Statement` owns the handle.
struct RawInsert {
  private let statement: Statement
  private let handle: OpaquePointer
  private let db: Database

  /// Tells SQLite to copy the bytes before `bind` returns, so scratch buffers can be reused.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database, _ sql: String) throws {
    self.db = db
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
  }

  func bind(_ index: Int32, _ text: StaticString) {
    text.withUTF8Buffer { bytes in
      // Static text lives for the whole program: no copy needed.
      _ = sqlite3_bind_text(
        handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
        Int32(bytes.count), nil)
    }
  }

  func bind(_ index: Int32, _ text: String) {
    var text = text
    text.withUTF8 { bytes in
      _ = sqlite3_bind_text(
        handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
        Int32(bytes.count), Self.transient)
    }
  }

  func bind(_ index: Int32, _ text: TextScratch) {
    text.withBytes { bytes in
      _ = sqlite3_bind_text(
        handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
        Int32(bytes.count), Self.transient)
    }
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

/// A reusable byte buffer for composing ids, dates and amounts without allocating strings.
struct TextScratch {
  private var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(64) }

  mutating func clear() { bytes.removeAll(keepingCapacity: true) }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func append(ascii: Unicode.Scalar) { bytes.append(UInt8(ascii: ascii)) }

  /// `value` in decimal, zero-padded to `width` digits.
  mutating func append(_ value: Int, width: Int = 1) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var probe = magnitude
    while probe >= 10 {
      probe /= 10
      digits += 1
    }
    let count = max(width, digits)
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
    var index = start + count - 1
    repeat {
      bytes[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
      index -= 1
    } while magnitude > 0
  }

  /// `YYYY-MM-DD`.
  mutating func appendDate(year: Int, month: Int, day: Int) {
    append(year, width: 4)
    append(ascii: "-")
    append(month, width: 2)
    append(ascii: "-")
    append(day, width: 2)
  }

  /// An amount of cents as a plain decimal with two places: `-450.00`.
  mutating func appendCents(_ cents: Int) {
    if cents < 0 { append(ascii: "-") }
    append(Int(cents.magnitude / 100))
    append(ascii: ".")
    append(Int(cents.magnitude % 100), width: 2)
  }

  func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    bytes.withUnsafeBufferPointer(body)
  }
}

import CredenceRecords
import CredenceValues
import GRDB
import GRDBSQLite

/// Reads the columns of the current row of a ``RawRows`` into record values, collecting
/// contract errors instead of failing, so a broken row becomes an error for its learner.
///
/// Values are read by storage class, straight from SQLite: a database written by another
/// tool may hold anything in any column, and every case is either read or reported.
struct ColumnReader {
  let handle: OpaquePointer
  let table: String
  /// The row's key as errors name it.
  var key: String
  /// Errors found so far in this row.
  var errors: [RecordError] = []

  init(_ rows: RawRows, table: String, key: String = "?") {
    self.handle = rows.handle
    self.table = table
    self.key = key
  }

  private mutating func fail(_ column: String, _ problem: RecordError.Problem) {
    errors.append(RecordError(table: table, row: key, column: column, problem: problem))
  }

  // MARK: Storage

  /// Column `index` of the current row, valid until the next step.
  ///
  /// Each `sqlite3_column_*` call looks the column up again and runs SQLite's API exit
  /// checks; a column's type and bytes are read from its value instead, one look-up per
  /// column. The value is only read, on the thread stepping the statement, before the next
  /// step: what the column calls do with it.
  @inline(__always) static func value(_ handle: OpaquePointer, _ index: Int) -> OpaquePointer? {
    sqlite3_column_value(handle, Int32(index))
  }

  /// The storage class of a column's value (`SQLITE_NULL` for none).
  @inline(__always) static func type(_ value: OpaquePointer?) -> Int32 {
    guard let value else { return SQLITE_NULL }
    return sqlite3_value_type(value)
  }

  /// The storage class of column `index`.
  @inline(__always) static func type(_ handle: OpaquePointer, _ index: Int) -> Int32 {
    type(value(handle, index))
  }

  /// The UTF-8 bytes of a TEXT value, valid until the next step.
  @inline(__always) static func withBytes<T>(
    _ value: OpaquePointer?, _ body: (UnsafeBufferPointer<UInt8>) -> T
  ) -> T {
    // Text first, then its length: the order SQLite documents for a value it may convert.
    guard let value, let start = sqlite3_value_text(value) else {
      return body(UnsafeBufferPointer(start: nil, count: 0))
    }
    return body(UnsafeBufferPointer(start: start, count: Int(sqlite3_value_bytes(value))))
  }

  /// The UTF-8 bytes of a TEXT column, valid until the next step.
  @inline(__always) static func withBytes<T>(
    _ handle: OpaquePointer, _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T
  ) -> T {
    withBytes(value(handle, index), body)
  }

  /// A column as text (integers and reals in decimal), or `nil` when NULL or a BLOB; texts
  /// come from `cache` when given.
  static func text(_ handle: OpaquePointer, _ index: Int, cache: TextCache<String>? = nil)
    -> String?
  {
    text(value(handle, index), cache: cache)
  }

  /// A value as text (integers and reals in decimal), or `nil` when NULL or a BLOB.
  static func text(_ value: OpaquePointer?, cache: TextCache<String>? = nil) -> String? {
    guard let value else { return nil }
    switch sqlite3_value_type(value) {
    case SQLITE_TEXT:
      if let cache { return withBytes(value, cache.text) }
      return withBytes(value) { String(decoding: $0, as: UTF8.self) }
    case SQLITE_INTEGER:
      return String(sqlite3_value_int64(value))
    case SQLITE_FLOAT:
      let double = sqlite3_value_double(value)
      return ExactDecimal(shortestRoundTrip: double)?.description ?? "\(double)"
    default:
      return nil
    }
  }

  /// The payload `cache` keeps for the bytes of TEXT column `index` (made by `make` when it
  /// has none), or nil when the column is not TEXT or `make` gives nil.
  func cached<Payload>(_ index: Int, _ cache: TextCache<Payload>, _ make: () -> Payload?)
    -> Payload?
  {
    let value = Self.value(handle, index)
    guard Self.type(value) == SQLITE_TEXT else { return nil }
    return Self.withBytes(value) { cache.value($0, make) }
  }

  /// The payload `cache` keeps for the bytes of TEXT column `index` (made from the bytes by
  /// `make` when it has none), or nil when the column is not TEXT or `make` gives nil.
  func cached<Payload>(
    _ index: Int, _ cache: TextCache<Payload>, _ make: (UnsafeBufferPointer<UInt8>) -> Payload?
  ) -> Payload? {
    let value = Self.value(handle, index)
    guard Self.type(value) == SQLITE_TEXT else { return nil }
    return Self.withBytes(value) { bytes in cache.value(bytes) { make(bytes) } }
  }

  /// Whether column `index` of the current row is NULL.
  func isNull(_ index: Int) -> Bool { Self.type(handle, index) == SQLITE_NULL }

  // MARK: Typed reads

  /// A TEXT column (integers and reals in decimal); a column whose values repeat reads
  /// through a `cache`.
  mutating func text(
    _ index: Int, _ column: String, required: Bool = false, cache: TextCache<String>? = nil
  ) -> String? {
    let value = Self.value(handle, index)
    if Self.type(value) == SQLITE_BLOB {
      fail(column, .notText)
      return nil
    }
    guard let text = Self.text(value, cache: cache) else {
      if required { fail(column, .missing) }
      return nil
    }
    return text
  }

  mutating func date(_ index: Int, _ column: String, required: Bool = false) -> CivilDate? {
    let value = Self.value(handle, index)
    switch Self.type(value) {
    case SQLITE_NULL:
      if required { fail(column, .missing) }
      return nil
    case SQLITE_TEXT:
      if let date = Self.withBytes(value, CivilDate.init(utf8:)) { return date }
    default:
      break
    }
    fail(column, .notADate)
    return nil
  }

  mutating func decimal(_ index: Int, _ column: String, required: Bool = false) -> ExactDecimal? {
    let decimal: ExactDecimal?
    let value = Self.value(handle, index)
    switch Self.type(value) {
    case SQLITE_NULL:
      if required { fail(column, .missing) }
      return nil
    case SQLITE_INTEGER: decimal = value.map { ExactDecimal(Int(sqlite3_value_int64($0))) }
    case SQLITE_FLOAT:
      decimal = value.flatMap { ExactDecimal(shortestRoundTrip: sqlite3_value_double($0)) }
    case SQLITE_TEXT: decimal = Self.withBytes(value, ExactDecimal.init(utf8:))
    default: decimal = nil
    }
    if decimal == nil { fail(column, .notANumber) }
    return decimal
  }

  mutating func integer(_ index: Int, _ column: String) -> Int? {
    switch Self.type(handle, index) {
    case SQLITE_NULL: return nil
    case SQLITE_INTEGER: return Int(sqlite3_column_int64(handle, Int32(index)))
    case SQLITE_FLOAT:
      let double = sqlite3_column_double(handle, Int32(index))
      if let exact = ExactDecimal(shortestRoundTrip: double), let whole = exact.intValue {
        return whole
      }
    case SQLITE_TEXT:
      if let text = Self.text(handle, index), let whole = Int(text) { return whole }
    default: break
    }
    fail(column, .notAWholeNumber)
    return nil
  }

  /// A whole number stored as INTEGER, or `nil` for any other storage class.
  func storedInteger(_ index: Int) -> Int64? {
    Self.type(handle, index) == SQLITE_INTEGER ? sqlite3_column_int64(handle, Int32(index)) : nil
  }

  mutating func choice<Word: RawRepresentable<String>>(
    _ index: Int, _ column: String, _ words: [String], required: Bool = false,
    as: Word.Type = Word.self, cache: TextCache<String>? = nil
  ) -> Word? {
    let value = Self.value(handle, index)
    switch Self.type(value) {
    case SQLITE_NULL:
      if required { fail(column, .missing) }
      return nil
    case SQLITE_TEXT:
      if let text = Self.text(value, cache: cache), let word = Word(rawValue: text) {
        return word
      }
    default:
      break
    }
    fail(column, .notOneOf(words))
    return nil
  }

  /// A choice column read through `table`: the word its bytes spell, else as
  /// ``choice(_:_:_:required:as:cache:)`` reads it.
  mutating func choice<Word>(
    _ index: Int, _ column: String, _ table: WordTable<Word>, required: Bool = false
  ) -> Word? {
    let value = Self.value(handle, index)
    if Self.type(value) == SQLITE_TEXT, let word = Self.withBytes(value, table.word) {
      return word
    }
    return choice(index, column, table.words, required: required, as: Word.self)
  }

  mutating func currency(_ index: Int, _ column: String, required: Bool = false) -> CurrencyCode? {
    let value = Self.value(handle, index)
    switch Self.type(value) {
    case SQLITE_NULL:
      if required { fail(column, .missing) }
      return nil
    case SQLITE_TEXT:
      if let code = Self.withBytes(value, CurrencyCode.init(utf8:)) { return code }
    default:
      break
    }
    fail(column, .notACurrency)
    return nil
  }

  mutating func money(
    amount amountIndex: Int, _ amountColumn: String, currency currencyIndex: Int,
    _ currencyColumn: String, required: Bool = false, fallback: CurrencyCode? = nil
  ) -> Money? {
    let amount = decimal(amountIndex, amountColumn, required: required)
    let currency = self.currency(currencyIndex, currencyColumn, required: required)
    guard let amount else { return nil }
    guard let code = currency ?? fallback else {
      if !isNull(currencyIndex) || required { return nil }
      fail(currencyColumn, .noCurrency)
      return nil
    }
    return Money(amount, code)
  }
}

extension ColumnReader {
  /// A GRDB value as text (integers and reals in decimal), or `nil` when NULL or a BLOB.
  static func text(_ value: DatabaseValue) -> String? {
    switch value.storage {
    case .null, .blob: nil
    case .string(let text): text
    case .int64(let integer): String(integer)
    case .double(let double): ExactDecimal(shortestRoundTrip: double)?.description ?? "\(double)"
    }
  }
}

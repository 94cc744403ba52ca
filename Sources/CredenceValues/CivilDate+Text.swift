extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
  /// Reads exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year, two-digit month and
  /// day) naming a real date in 0001–9999.
  ///
  /// Rejected: impossible dates (2026-02-30, 2026-13-01, 2025-02-29), missing zero padding
  /// (2026-1-1), signs, spaces, times or zones (2026-01-01T00:00), year 0000.
  public init?(parsing text: String) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a date from a substring; see ``init(parsing:)-(String)``.
  public init?(parsing text: Substring) {
    guard let value = text.withUTF8Bytes(Self.parse) else { return nil }
    self = value
  }

  /// Reads a date from UTF-8 bytes (SQLite's text, without a `String`).
  public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let value = Self.parse(bytes) else { return nil }
    self = value
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard isDigit(byte) else { return nil }
        value = value * 10 + Int(byte &- UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    return CivilDate(year: year, month: month, day: day)
  }

  /// Same as ``init(parsing:)``; `LosslessStringConvertible` conformance.
  public init?(_ description: String) {
    self.init(parsing: description)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = components
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { bytes in
      func put(_ value: Int, at end: Int, width: Int) {
        var value = value
        for offset in 0..<width {
          bytes[end - offset] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
          value /= 10
        }
      }
      put(year, at: 3, width: 4)
      bytes[4] = UInt8(ascii: "-")
      put(month, at: 6, width: 2)
      bytes[7] = UInt8(ascii: "-")
      put(day, at: 9, width: 2)
      return String(decoding: bytes, as: UTF8.self)
    }
  }
}

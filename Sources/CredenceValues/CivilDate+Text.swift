extension CivilDate: CustomStringConvertible, LosslessStringConvertible {
  /// Reads exactly `YYYY-MM-DD` (ISO 8601 calendar date, four-digit year, two-digit month and
  /// day) naming a real date in 0001–9999.
  ///
  /// Rejected: impossible dates (2026-02-30, 2026-13-01, 2025-02-29), missing zero padding
  /// (2026-1-1), signs, spaces, times or zones (2026-01-01T00:00), year 0000.
  public init?(parsing text: some StringProtocol) {
    var fields = (year: 0, month: 0, day: 0)
    var count = 0
    for byte in text.utf8 {
      switch count {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      case 0..<10:
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        switch count {
        case 0..<4: fields.year = fields.year * 10 + digit
        case 5..<7: fields.month = fields.month * 10 + digit
        default: fields.day = fields.day * 10 + digit
        }
      default:
        return nil
      }
      count += 1
    }
    guard count == 10 else { return nil }
    self.init(year: fields.year, month: fields.month, day: fields.day)
  }

  /// Same as ``init(parsing:)``; `LosslessStringConvertible` conformance.
  public init?(_ description: String) {
    self.init(parsing: description)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = components
    var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
    func put(_ value: Int, at end: Int, width: Int) {
      var value = value
      for offset in 0..<width {
        bytes[end - offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
        value /= 10
      }
    }
    put(year, at: 3, width: 4)
    put(month, at: 6, width: 2)
    put(day, at: 9, width: 2)
    return String(decoding: bytes, as: UTF8.self)
  }
}

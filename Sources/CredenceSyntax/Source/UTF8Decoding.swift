/// Byte-level UTF-8 validation, so the lexer can report bad bytes instead of trapping.
enum UTF8Decoding {
  /// The length of the well-formed UTF-8 sequence at `index`, or 0 if the bytes there are
  /// not well-formed (overlong forms, surrogates and values above U+10FFFF are rejected).
  static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    guard index < bytes.count else { return 0 }
    let first = bytes[index]
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      index + offset < bytes.count && range.contains(bytes[index + offset])
    }
    switch first {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return continuation(1) ? 2 : 0
    case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
    case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
  }

  /// The scalar at `index` and its length, or nil if the bytes are not well-formed.
  static func scalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
    let length = sequenceLength(bytes, at: index)
    guard length > 0 else { return nil }
    var value = UInt32(bytes[index])
    switch length {
    case 2: value &= 0x1F
    case 3: value &= 0x0F
    case 4: value &= 0x07
    default: break
    }
    for offset in 1..<length {
      value = (value << 6) | UInt32(bytes[index + offset] & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }
}

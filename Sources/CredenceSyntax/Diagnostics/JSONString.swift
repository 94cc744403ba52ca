/// JSON string literals, written once for every JSON Credence produces: diagnostics,
/// results, reports, the server's envelopes and the pages' embedded data (the syntax
/// module has no Foundation, so this is the lowest place all of them can reach).
///
/// `"`, `\` and control characters (below U+0020, and DEL) are escaped; other text is
/// copied as UTF-8. With `escapingLessThan`, `<` is written `\u003c` too, so that the literal
/// can never close an HTML `<script>` element it is embedded in (`</script>` in an id).
public enum JSONString {
  /// `text` as a JSON string literal.
  public static func literal(_ text: String, escapingLessThan: Bool = false) -> String {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(text.utf8.count + 2)
    append(text, to: &buffer, escapingLessThan: escapingLessThan)
    return String(decoding: buffer, as: UTF8.self)
  }

  /// Appends `text` as a JSON string literal to `buffer` (the result writers' path: no
  /// intermediate string).
  public static func append(
    _ text: String, to buffer: inout [UInt8], escapingLessThan: Bool = false
  ) {
    buffer.append(34)
    for byte in text.utf8 {
      switch byte {
      case 34: buffer.append(contentsOf: [92, 34])
      case 92: buffer.append(contentsOf: [92, 92])
      case 10: buffer.append(contentsOf: [92, 110])
      case 13: buffer.append(contentsOf: [92, 114])
      case 9: buffer.append(contentsOf: [92, 116])
      case 0..<32, 127: unicodeEscape(byte, &buffer)
      case 60 where escapingLessThan: unicodeEscape(byte, &buffer)
      default: buffer.append(byte)
      }
    }
    buffer.append(34)
  }

  /// `\u00XX` for an ASCII byte.
  private static func unicodeEscape(_ byte: UInt8, _ buffer: inout [UInt8]) {
    buffer.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
  }

  private static let hex = Array("0123456789abcdef".utf8)
}

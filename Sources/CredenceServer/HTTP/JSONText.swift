/// JSON text for the server's own envelopes (errors, lists, versions). Decisions are never
/// written here: they come from the facade's `ResultWriter`, as `credence eval` writes them.
enum JSONText {
  /// `text` as a JSON string literal.
  static func string(_ text: String) -> String {
    var out: [UInt8] = [34]
    for byte in text.utf8 {
      switch byte {
      case 34: out += [92, 34]
      case 92: out += [92, 92]
      case 10: out += [92, 110]
      case 13: out += [92, 114]
      case 9: out += [92, 116]
      case 0..<32:
        let hex = Array("0123456789abcdef".utf8)
        out += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      default: out.append(byte)
      }
    }
    out.append(34)
    return String(decoding: out, as: UTF8.self)
  }

  /// An object of members already written as JSON, in the order given.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  static func array(_ elements: [String]) -> String {
    "[" + elements.joined(separator: ",") + "]"
  }
}

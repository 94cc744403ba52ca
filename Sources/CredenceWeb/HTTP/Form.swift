import Hummingbird

/// An `application/x-www-form-urlencoded` body or query string, read into names and values.
struct Form: Sendable {
  private var fields: [String: String] = [:]

  /// Forms posted by these pages are small; a larger body is refused.
  static let maximumBytes = 16 * 1024

  init(encoded text: Substring) {
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first.map(Self.decode), !name.isEmpty else { continue }
      // The first value wins: a field repeated by a crafted request cannot override it.
      if fields[name] == nil { fields[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
    }
  }

  /// The body of a posted form; nil when it is larger than ``maximumBytes``.
  static func read(_ request: Request) async -> Form? {
    var request = request
    guard let buffer = try? await request.collectBody(upTo: maximumBytes) else { return nil }
    return Form(encoded: Substring(String(buffer: buffer)))
  }

  /// The query string of a page address.
  init(query request: Request) {
    self.init(encoded: Substring(request.uri.query ?? ""))
  }

  /// The value of `name`, trimmed; nil when absent or blank.
  subscript(name: String) -> String? {
    guard let value = fields[name]?.trimmingWhitespace, !value.isEmpty else { return nil }
    return value
  }

  /// Percent-decoding with `+` for a space; bytes that do not decode stay as written.
  static func decode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"),
        let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
        high < utf8.endIndex,
        let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
        let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        index = low
      } else {
        bytes.append(byte)
      }
      index = utf8.index(after: index)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Percent-encoding for a value placed in a link's query string.
  static func encode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }
}

extension String {
  var trimmingWhitespace: String {
    String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

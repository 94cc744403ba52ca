/// A parsed JSON document. Numbers keep their text, so `4.0` and `7.5` stay exact.
indirect enum JSONValue: Equatable {
  case null
  case bool(Bool)
  /// The number exactly as written.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  var object: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  var string: String? {
    if case .string(let string) = self { return string }
    return nil
  }

  var array: [JSONValue]? {
    if case .array(let array) = self { return array }
    return nil
  }

  /// One value or a list of them, as JSON-LD allows for `type`, `alignment`, `result`.
  var asList: [JSONValue] {
    switch self {
    case .array(let items): items
    case .null: []
    default: [self]
    }
  }

  /// What a person calls this kind of value, for messages.
  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "true or false"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A JSON object's members in document order; lookups take the first member of a name.
struct JSONObject: Equatable {
  var members: [(key: String, value: JSONValue)] = []

  subscript(key: String) -> JSONValue? {
    members.first { $0.key == key }?.value
  }

  static func == (left: JSONObject, right: JSONObject) -> Bool {
    left.members.count == right.members.count
      && zip(left.members, right.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}

/// Parses JSON (RFC 8259) from UTF-8 bytes, reporting errors by line and column.
struct JSONParser {
  struct SyntaxError: Error, Equatable {
    let line: Int
    let column: Int
    let message: String
  }

  /// The deepest nesting of arrays and objects accepted. Credentials nest about eight
  /// levels (CLR → credential → subject → achievement → alignment); far deeper input is
  /// not a credential, and the limit keeps the recursive parser's stack bounded.
  static let maxDepth = 64

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0

  static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.index = 3
      parser.lineStart = 3
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw SyntaxError(line: 1, column: 1, message: "the file is not valid UTF-8")
    }
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.index < bytes.count {
      throw parser.error("unexpected text after the JSON value")
    }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func error(_ message: String) -> SyntaxError {
    SyntaxError(line: line, column: index - lineStart + 1, message: message)
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = current {
      switch byte {
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      default:
        return
      }
    }
  }

  private mutating func expect(_ word: String, _ value: JSONValue) throws -> JSONValue {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8
    else { throw error("expected a JSON value") }
    index += utf8.count
    return value
  }

  private mutating func parseValue() throws -> JSONValue {
    guard let byte = current else { throw error("the JSON ends where a value was expected") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try expect("true", .bool(true))
    case UInt8(ascii: "f"): return try expect("false", .bool(false))
    case UInt8(ascii: "n"): return try expect("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("expected a JSON value")
    }
  }

  private mutating func enter() throws {
    depth += 1
    if depth > Self.maxDepth {
      throw error("nested deeper than \(Self.maxDepth) levels")
    }
  }

  private mutating func parseObject() throws -> JSONValue {
    let open = error("")
    try enter()
    defer { depth -= 1 }
    index += 1
    var object = JSONObject()
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("expected `:` after the member name") }
      index += 1
      skipWhitespace()
      object.members.append((key, try parseValue()))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "}"):
        index += 1
        return .object(object)
      case nil:
        throw error("`}` expected to close `{` at line \(open.line), column \(open.column)")
      default:
        throw error("expected `,` or `}` after a member")
      }
    }
  }

  private mutating func parseArray() throws -> JSONValue {
    let open = error("")
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "]"):
        index += 1
        return .array(items)
      case nil:
        throw error("`]` expected to close `[` at line \(open.line), column \(open.column)")
      default:
        throw error("expected `,` or `]` after an array item")
      }
    }
  }

  private mutating func parseString() throws -> String {
    let open = error("")
    index += 1
    var utf8: [UInt8] = []
    while true {
      guard let byte = current else {
        throw SyntaxError(
          line: open.line, column: open.column, message: "the string starting here is never closed")
      }
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard let escape = current else { continue }
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("a lone UTF-16 surrogate in a `\\u` escape") }
            index += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else {
              throw error("a lone UTF-16 surrogate in a `\\u` escape")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let unicode = Unicode.Scalar(scalar) else {
            throw error("a lone UTF-16 surrogate in a `\\u` escape")
          }
          utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
          throw error("unknown escape in a string")
        }
      default:
        guard byte >= 0x20 else { throw error("a control character inside a string") }
        utf8.append(byte)
        index += 1
      }
    }
  }

  private mutating func parseHex4() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw error("expected four hex digits after `\\u`") }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected four hex digits after `\\u`")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws -> JSONValue {
    let start = index
    func digits() -> Int {
      let from = index
      while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
      return index - from
    }
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else if digits() == 0 {
      throw error("expected digits in a number")
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw error("expected digits after the decimal point") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw error("expected digits in the exponent") }
    }
    return .number(String(decoding: bytes[start..<index], as: UTF8.self))
  }
}

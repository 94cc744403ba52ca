/// Reads CSV text as RFC 4180 describes it: comma-separated fields, fields in double quotes
/// may hold commas, line breaks and doubled quotes (`""`). Lines end in CRLF or LF; a
/// leading UTF-8 byte-order mark is skipped; blank lines are skipped.
///
/// An unquoted empty field is NULL (unknown); a quoted empty field `""` is empty text.
struct CSVReader {
  /// One field with the place it starts, for messages.
  struct Field {
    /// The text, or `nil` for an unquoted empty field.
    let text: String?
    let line: Int
    let column: Int
  }

  /// One record: its fields and the line it starts on.
  struct Record {
    let fields: [Field]
    let line: Int
  }

  /// Why the text is not CSV, and where.
  struct SyntaxError: Error, Equatable {
    let line: Int
    let column: Int
    let message: String
  }

  /// The longest field accepted, in bytes. A field this long is no learner record; it is
  /// a wrong file or a quote left open, and stopping early keeps memory bounded.
  static let maxFieldBytes = 1 << 20

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      index = 3
      lineStart = 3
    }
  }

  private var column: Int { index - lineStart + 1 }

  /// The next non-blank record, or `nil` at the end of the text.
  mutating func next() throws -> Record? {
    while index < bytes.count {
      let record = try readRecord()
      let blank = record.fields.count == 1 && record.fields[0].text == nil
      if !blank { return record }
    }
    return nil
  }

  private mutating func readRecord() throws -> Record {
    let recordLine = line
    var fields: [Field] = []
    while true {
      fields.append(try readField())
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: ",") {
        index += 1
        continue
      }
      // Only a line end can follow a field here.
      consumeLineEnd()
      break
    }
    return Record(fields: fields, line: recordLine)
  }

  /// Consumes `\n` or `\r\n` (or a lone `\r`) at `index`.
  private mutating func consumeLineEnd() {
    if bytes[index] == UInt8(ascii: "\r") { index += 1 }
    if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
    line += 1
    lineStart = index
  }

  private mutating func readField() throws -> Field {
    let startLine = line
    let startColumn = column
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      let start = index
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
          break
        }
        if byte == UInt8(ascii: "\"") {
          throw SyntaxError(
            line: line, column: column,
            message: "a `\"` inside an unquoted field; quote the whole field and double the `\"`")
        }
        index += 1
        if index - start > Self.maxFieldBytes { throw tooLong(startLine, startColumn) }
      }
      let text = start == index ? nil : try decode(bytes[start..<index], startLine, startColumn)
      return Field(text: text, line: startLine, column: startColumn)
    }
    index += 1
    var content: [UInt8] = []
    while true {
      guard index < bytes.count else {
        throw SyntaxError(
          line: startLine, column: startColumn,
          message: "the quoted field starting here is never closed with `\"`")
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
          content.append(byte)
          index += 2
          continue
        }
        index += 1
        break
      }
      if byte == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      content.append(byte)
      index += 1
      if content.count > Self.maxFieldBytes { throw tooLong(startLine, startColumn) }
    }
    if index < bytes.count {
      let byte = bytes[index]
      if byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
        throw SyntaxError(
          line: line, column: column,
          message: "text after a closing `\"`; a quoted field must end at `,` or the line end")
      }
    }
    return Field(
      text: try decode(content[...], startLine, startColumn), line: startLine, column: startColumn)
  }

  private func tooLong(_ line: Int, _ column: Int) -> SyntaxError {
    SyntaxError(
      line: line, column: column,
      message: "a field longer than \(Self.maxFieldBytes) bytes; is a quote left open?")
  }

  private func decode(_ slice: ArraySlice<UInt8>, _ line: Int, _ column: Int) throws
    -> String
  {
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw SyntaxError(line: line, column: column, message: "the field is not valid UTF-8")
    }
    return text
  }
}

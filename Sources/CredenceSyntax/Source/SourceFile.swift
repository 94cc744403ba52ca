/// One policy file's text as UTF-8 bytes, with a line table for rendering positions.
public struct SourceFile: Sendable, Hashable {
  /// The identity spans use to point into this file.
  public let id: FileID
  /// The path as the user gave it (or a display name such as `<repl>`), used in messages.
  public let path: String
  /// The raw bytes; may contain invalid UTF-8, which the lexer reports.
  public let bytes: [UInt8]
  /// The byte offset at which each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]

  /// Wraps `bytes` read from `path`.
  public init(id: FileID, path: String, bytes: [UInt8]) {
    self.id = id
    self.path = path
    self.bytes = bytes
    self.lineStarts = Self.lineStarts(of: bytes)
  }

  /// The offset after every line end, and 0: one pass over the bytes in place (a file of a
  /// megabyte has ~30,000 lines, and this runs before anything else can start).
  ///
  /// LF, CRLF and a lone CR (old Mac files) each end a line, everywhere a line matters: here,
  /// in the lexer's layout rule, in comments and strings, and in `fmt --diff`.
  private static func lineStarts(of bytes: [UInt8]) -> [Int] {
    var starts = [0]
    starts.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      for offset in buffer.indices where buffer[offset] <= UInt8(ascii: "\r") {
        let byte = buffer[offset]
        if byte == UInt8(ascii: "\n")
          || (byte == UInt8(ascii: "\r")
            && (offset + 1 == buffer.count || buffer[offset + 1] != UInt8(ascii: "\n")))
        {
          starts.append(offset + 1)
        }
      }
    }
    return starts
  }

  /// Wraps Swift text (always valid UTF-8), convenient for tests and the REPL.
  public init(id: FileID = FileID(0), path: String, text: String) {
    self.init(id: id, path: path, bytes: Array(text.utf8))
  }

  /// The 1-based line containing `offset` (an offset past the end is on the last line).
  public func line(of offset: Int) -> Int {
    // Binary search for the last line start <= offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// The 1-based line and column of `offset`; the column counts Unicode characters
  /// (scalars), so a caret lines up under non-ASCII text.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = min(max(0, offset), bytes.count)
    let line = line(of: clamped)
    let start = lineStarts[line - 1]
    var column = 1
    var index = start
    while index < clamped {
      index += max(1, UTF8Decoding.sequenceLength(bytes, at: index))
      column += 1
    }
    return SourceLocation(line: line, column: column)
  }

  /// The byte range of 1-based `line`, without its line terminator.
  public func lineRange(_ line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    // A CRLF ends the line at its LF: the CR is not part of the line either.
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<max(start, end)
  }

  /// The text of 1-based `line`, with invalid UTF-8 shown as U+FFFD.
  public func lineText(_ line: Int) -> String {
    String(decoding: bytes[lineRange(line)], as: UTF8.self)
  }

  /// The text a span covers, with invalid UTF-8 shown as U+FFFD.
  public func text(of span: Span) -> String {
    let start = min(max(0, span.start), bytes.count)
    let end = min(max(start, span.end), bytes.count)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The number of lines (a file without a final newline still counts its last line).
  public var lineCount: Int { lineStarts.count }
}

/// A 1-based line and column, computed only when rendering.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, in Unicode characters.
  public var column: Int

  /// A location at `line`, `column`.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// The source files of one program, looked up by `FileID`.
public struct SourceSet: Sendable {
  /// The files, in load order; `files[i].id == FileID(i)`.
  public private(set) var files: [SourceFile] = []

  /// An empty set.
  public init() {}

  /// Adds a file and returns it with its new id.
  @discardableResult
  public mutating func add(path: String, bytes: [UInt8]) -> SourceFile {
    let file = SourceFile(id: FileID(files.count), path: path, bytes: bytes)
    files.append(file)
    return file
  }

  /// Adds Swift text as a file.
  @discardableResult
  public mutating func add(path: String, text: String) -> SourceFile {
    add(path: path, bytes: Array(text.utf8))
  }

  /// The file with `id`, if it belongs to this set.
  public subscript(id: FileID) -> SourceFile? {
    files.indices.contains(id.rawValue) ? files[id.rawValue] : nil
  }
}

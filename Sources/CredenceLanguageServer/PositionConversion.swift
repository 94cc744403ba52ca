import Credence

/// Byte offsets (the syntax tree's spans) to and from protocol positions (0-based line,
/// UTF-16 column).
extension SourceFile {
  func position(ofOffset offset: Int) -> Position {
    let clamped = min(max(0, offset), bytes.count)
    let line = line(of: clamped)
    let start = lineStarts[line - 1]
    let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
    return Position(line: line - 1, character: prefix.utf16.count)
  }

  func range(of span: Span) -> LSPRange {
    LSPRange(start: position(ofOffset: span.start), end: position(ofOffset: span.end))
  }
}

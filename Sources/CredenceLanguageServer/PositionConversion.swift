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

extension SourceFile {
  /// The byte offset of a protocol position, clamped to the line (a column past its end is
  /// its end) and to the file.
  func offset(of position: Position) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    let start = lineStarts[position.line]
    let end = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] : bytes.count
    var units = 0
    var offset = start
    let line = String(decoding: bytes[start..<end], as: UTF8.self)
    for scalar in line.unicodeScalars {
      if units >= position.character || scalar == "\n" { break }
      units += scalar.utf16.count
      offset += scalar.utf8.count
    }
    return offset
  }
}

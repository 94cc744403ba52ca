extension DiagnosticRenderer {
  /// The width a tab is drawn with in source excerpts.
  static let tabWidth = 4

  struct Mark {
    var span: Span
    var primary: Bool
    var message: String?
  }

  /// The rustc/Elm style: header, `-->` location, source lines with carets, help.
  public func renderHuman(_ d: Diagnostic, sources: SourceSet) -> String {
    var out =
      paint("\(d.severity.rawValue)[\(d.code)]", severityStyle(d.severity))
      + paint(": \(d.message)", .bold) + "\n"
    guard let file = sources[d.span.file] else { return out + "\n" }
    var marks = [Mark(span: d.span, primary: true, message: nil)]
    marks += d.labels.map { Mark(span: $0.span, primary: false, message: $0.message) }
    let sameFile = marks.filter { $0.span.file == file.id }
    let otherFiles = marks.filter { $0.span.file != file.id }
    let lines = marks.compactMap { mark in
      sources[mark.span.file].map { $0.location(of: mark.span.start).line }
    }
    let gutter = String(lines.max() ?? 1).count
    let pad = String(repeating: " ", count: gutter)
    out += pad + paint("--> ", .blue) + position(d.span, sources: sources) + "\n"
    // A binary file's first "line" is raw bytes, perhaps learner data: never drawn.
    if d.code != .binaryFile {
      out += snippet(sameFile, file: file, gutter: gutter, severity: d.severity)
    }
    for mark in otherFiles {
      guard let other = sources[mark.span.file] else { continue }
      out += pad + paint("::: ", .blue) + position(mark.span, sources: sources) + "\n"
      out += snippet([mark], file: other, gutter: gutter, severity: d.severity)
    }
    if let help = d.help {
      out += pad + " " + paint("= help", .bold) + ": " + help + "\n"
    }
    return out + "\n"
  }

  /// Source lines of `file` touched by `marks`, each followed by its underlines.
  func snippet(_ marks: [Mark], file: SourceFile, gutter: Int, severity: Diagnostic.Severity)
    -> String
  {
    let pad = String(repeating: " ", count: gutter)
    let bar = paint("|", .blue)
    var out = "\(pad) \(bar)\n"
    let byLine = Dictionary(grouping: marks) { file.line(of: $0.span.start) }
    for line in byLine.keys.sorted() {
      let range = file.lineRange(line)
      let lineMarks = (byLine[line] ?? []).sorted { a, b in
        a.primary != b.primary ? a.primary : a.span.start < b.span.start
      }
      let columns = lineMarks.map { mark in
        let start = displayWidth(
          file, from: range.lowerBound, to: max(range.lowerBound, mark.span.start))
        let end = min(mark.span.end, range.upperBound)
        let width = max(
          1, displayWidth(file, from: max(range.lowerBound, mark.span.start), to: end))
        return start..<(start + width)
      }
      let excerpt = Excerpt(
        line: file.lineText(line), around: columns.map(\.lowerBound).min() ?? 0)
      let number = String(line)
      out +=
        paint(String(repeating: " ", count: gutter - number.count) + number, .blue)
        + " \(bar) \(excerpt.text)\n"
      for (mark, column) in zip(lineMarks, columns) {
        let shown = excerpt.columns(of: column)
        let underline = String(repeating: mark.primary ? "^" : "-", count: shown.count)
        var row = String(repeating: " ", count: shown.lowerBound) + underline
        if let message = mark.message { row += " " + message }
        out += "\(pad) \(bar) " + paint(row, mark.primary ? severityStyle(severity) : .blue) + "\n"
      }
    }
    return out
  }

  /// The number of columns the bytes `from..<to` of `file` take when drawn.
  func displayWidth(_ file: SourceFile, from start: Int, to end: Int) -> Int {
    guard start < end else { return 0 }
    let text = String(decoding: file.bytes[start..<min(end, file.bytes.count)], as: UTF8.self)
    return text.unicodeScalars.reduce(0) { width, scalar in
      width + (scalar == "\t" ? DiagnosticRenderer.tabWidth : 1)
    }
  }

  /// A scalar as drawn in an excerpt: control characters (a NUL, an escape that would
  /// restyle the terminal) become their one-column Unicode control pictures (`␀`, `␛`), C1
  /// controls `�`; everything else is itself. One column each, so carets stay aligned.
  static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
    case 0x7F: "\u{2421}"
    case 0x80..<0xA0: "\u{FFFD}"
    default: scalar
    }
  }

}

/// The part of a source line a diagnostic draws. A line longer than `maxWidth` columns
/// (generated or minified policy text) is cut to a window around the first mark, with `…`
/// where it was cut, so a diagnostic stays one screen wide whatever the input.
struct Excerpt {
  /// The widest source line drawn in full, in columns.
  static let maxWidth = 200
  /// Columns kept before the first mark when a line is cut.
  static let leadingContext = 60

  let text: String
  /// The first column of the line that is shown.
  private let first: Int
  /// One past the last column of the line that is shown.
  private let last: Int
  /// Columns the leading `…` takes.
  private let shift: Int

  /// The excerpt of a source `line`'s text around display column `column`: tabs drawn as
  /// ``DiagnosticRenderer/tabWidth`` spaces, control characters as their pictures
  /// (``DiagnosticRenderer/visible(_:)``). One pass measures the line and a second builds only
  /// the window drawn, so a diagnostic on a line of megabytes (minified or generated text,
  /// a hundred errors on it) costs two walks over its scalars, not a copy of the line.
  init(line: String, around column: Int) {
    let tabWidth = DiagnosticRenderer.tabWidth
    let scalars = line.unicodeScalars
    var width = 0
    for scalar in scalars { width += scalar == "\t" ? tabWidth : 1 }
    var start = 0
    var end = width
    if width > Excerpt.maxWidth {
      start = max(0, column - Excerpt.leadingContext)
      end = min(width, start + Excerpt.maxWidth)
      start = max(0, end - Excerpt.maxWidth)
    }
    var drawn = String.UnicodeScalarView()
    var at = 0
    for scalar in scalars {
      guard at < end else { break }
      let columns = scalar == "\t" ? tabWidth : 1
      if at + columns > start {
        if scalar == "\t" {
          // A tab cut by the window's edge keeps only its columns inside the window.
          let shown = min(at + columns, end) - max(at, start)
          drawn.append(contentsOf: repeatElement(" ", count: shown))
        } else {
          drawn.append(DiagnosticRenderer.visible(scalar))
        }
      }
      at += columns
    }
    (first, last, shift) = (start, end, start > 0 ? 1 : 0)
    text = (start > 0 ? "…" : "") + String(drawn) + (end < width ? "…" : "")
  }

  /// Where the line's `columns` are drawn in the excerpt, clipped to it (at least one column,
  /// so a mark past the window still points at its edge).
  func columns(of columns: Range<Int>) -> Range<Int> {
    let lower = min(max(columns.lowerBound, first), last)
    let upper = max(min(columns.upperBound, last), lower + 1)
    return (lower - first + shift)..<(upper - first + shift)
  }
}

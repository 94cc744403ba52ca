/// Draws diagnostics for people and tools: the one place output formats are decided.
///
/// `human` is the rustc/Elm style (`--> file:line:col`, the source line, `^^^` under the
/// span, `= help:`); `plain` is one `file:line:col: severity[code]: message` line per
/// diagnostic for editors and grep; `json` is one document for programs.
public struct DiagnosticRenderer: Sendable {
  /// The output formats of `--error-format`.
  public enum Format: String, CaseIterable, Sendable {
    case human
    case plain
    case json
  }

  /// Which format to draw.
  public var format: Format
  /// Whether to use ANSI colours (the caller decides: a terminal, and no `NO_COLOR`).
  public var colour: Bool

  /// A renderer for `format`, coloured only if `colour` (ignored for plain and JSON).
  public init(format: Format = .human, colour: Bool = false) {
    self.format = format
    self.colour = colour && format == .human
  }

  /// Renders `diagnostics` (sorted by position here) and the "N more errors" notes for
  /// files whose errors were capped. The result ends with a newline unless it is empty.
  public func render(
    _ diagnostics: [Diagnostic], sources: SourceSet, omittedErrors: [FileID: Int] = [:]
  ) -> String {
    let sorted = diagnostics.sortedByPosition()
    switch format {
    case .json:
      return renderJSON(sorted, sources: sources, omittedErrors: omittedErrors)
    case .human, .plain:
      var out = ""
      var previousFile: FileID?
      for diagnostic in sorted {
        if let file = previousFile, file != diagnostic.span.file {
          out += omittedNote(file, sources: sources, omittedErrors: omittedErrors)
        }
        previousFile = diagnostic.span.file
        out +=
          format == .human
          ? renderHuman(diagnostic, sources: sources) : renderPlain(diagnostic, sources: sources)
      }
      if let file = previousFile {
        out += omittedNote(file, sources: sources, omittedErrors: omittedErrors)
      }
      for (file, _) in omittedErrors.sorted(by: { $0.key < $1.key })
      where !sorted.contains(where: { $0.span.file == file }) {
        out += omittedNote(file, sources: sources, omittedErrors: omittedErrors)
      }
      return out
    }
  }

  func omittedNote(_ file: FileID, sources: SourceSet, omittedErrors: [FileID: Int]) -> String {
    guard let count = omittedErrors[file], count > 0 else { return "" }
    let path = sources[file]?.path ?? "?"
    let noun = count == 1 ? "error" : "errors"
    switch format {
    case .human:
      return paint("error", .red) + paint(": \(count) more \(noun) in `\(path)` not shown", .bold)
        + "\n\n"
    default:
      return "\(path): error: \(count) more \(noun) not shown\n"
    }
  }

  // MARK: Colour

  enum Style: String {
    case red = "\u{1B}[1;31m"
    case yellow = "\u{1B}[1;33m"
    case blue = "\u{1B}[1;34m"
    case cyan = "\u{1B}[1;36m"
    case bold = "\u{1B}[1m"
  }

  func paint(_ text: String, _ style: Style) -> String {
    colour ? style.rawValue + text + "\u{1B}[0m" : text
  }

  func severityStyle(_ severity: Diagnostic.Severity) -> Style {
    switch severity {
    case .error: .red
    case .warning: .yellow
    case .note: .cyan
    }
  }

  // MARK: Plain

  func position(_ span: Span, sources: SourceSet) -> String {
    guard let file = sources[span.file] else { return "?" }
    let location = file.location(of: span.start)
    return "\(file.path):\(location.line):\(location.column)"
  }

  /// `file:line:col: error[E0201]: message`, then labels and help on their own lines.
  public func renderPlain(_ d: Diagnostic, sources: SourceSet) -> String {
    var out =
      "\(position(d.span, sources: sources)): \(d.severity.rawValue)[\(d.code)]: \(d.message)\n"
    for label in d.labels {
      out += "\(position(label.span, sources: sources)): note: \(label.message)\n"
    }
    if let help = d.help {
      out += "\(position(d.span, sources: sources)): help: \(help)\n"
    }
    return out
  }
}

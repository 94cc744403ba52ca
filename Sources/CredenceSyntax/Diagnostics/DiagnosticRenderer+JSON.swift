extension DiagnosticRenderer {
  /// One JSON document: `{"diagnostics": […], "omitted": […], "errors": N, "warnings": M}`.
  /// Lines and columns are 1-based; `start`/`end` are UTF-8 byte offsets.
  func renderJSON(_ diagnostics: [Diagnostic], sources: SourceSet, omittedErrors: [FileID: Int])
    -> String
  {
    func location(_ span: Span) -> String {
      guard let file = sources[span.file] else { return "\"file\":null" }
      let start = file.location(of: span.start)
      let end = file.location(of: span.end)
      return
        "\"file\":\(JSON.string(file.path)),\"line\":\(start.line),\"column\":\(start.column),"
        + "\"endLine\":\(end.line),\"endColumn\":\(end.column),"
        + "\"start\":\(span.start),\"end\":\(span.end)"
    }
    let items = diagnostics.map { d in
      let labels = d.labels.map { "{\(location($0.span)),\"message\":\(JSON.string($0.message))}" }
      return
        "{\"severity\":\(JSON.string(d.severity.rawValue)),\"code\":\(JSON.string(d.code.rawValue)),"
        + "\"message\":\(JSON.string(d.message)),\(location(d.span)),"
        + "\"labels\":[\(labels.joined(separator: ","))],"
        + "\"help\":\(d.help.map(JSON.string) ?? "null")}"
    }
    let omitted = omittedErrors.sorted { $0.key < $1.key }.map { file, count in
      "{\"file\":\(JSON.string(sources[file]?.path ?? "?")),\"errors\":\(count)}"
    }
    let errors = diagnostics.filter(\.isError).count + omittedErrors.values.reduce(0, +)
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    return "{\"diagnostics\":[\(items.joined(separator: ","))],"
      + "\"omitted\":[\(omitted.joined(separator: ","))],"
      + "\"errors\":\(errors),\"warnings\":\(warnings)}\n"
  }
}

/// Minimal JSON text encoding, so the syntax module needs no Foundation.
enum JSON {
  /// `text` as a JSON string literal.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

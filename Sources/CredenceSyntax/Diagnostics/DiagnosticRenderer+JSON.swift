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
        "\"file\":\(JSONString.literal(file.path)),\"line\":\(start.line),\"column\":\(start.column),"
        + "\"endLine\":\(end.line),\"endColumn\":\(end.column),"
        + "\"start\":\(span.start),\"end\":\(span.end)"
    }
    let items = diagnostics.map { d in
      let labels = d.labels.map {
        "{\(location($0.span)),\"message\":\(JSONString.literal($0.message))}"
      }
      return
        "{\"severity\":\(JSONString.literal(d.severity.rawValue)),\"code\":\(JSONString.literal(d.code.rawValue)),"
        + "\"message\":\(JSONString.literal(d.message)),\(location(d.span)),"
        + "\"labels\":[\(labels.joined(separator: ","))],"
        + "\"help\":\(d.help.map { JSONString.literal($0) } ?? "null")}"
    }
    let omitted = omittedErrors.sorted { $0.key < $1.key }.map { file, count in
      "{\"file\":\(JSONString.literal(sources[file]?.path ?? "?")),\"errors\":\(count)}"
    }
    let errors = diagnostics.filter(\.isError).count + omittedErrors.values.reduce(0, +)
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    return "{\"diagnostics\":[\(items.joined(separator: ","))],"
      + "\"omitted\":[\(omitted.joined(separator: ","))],"
      + "\"errors\":\(errors),\"warnings\":\(warnings)}\n"
  }
}

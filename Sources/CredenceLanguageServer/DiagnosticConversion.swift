import Credence

/// A check's diagnostics as the protocol publishes them: one list per file, with the same
/// code, message and help as `credence check` (help and labels kept, help after the message
/// as the CLI's `= help:` line).
enum DiagnosticConversion {
  static func published(_ result: CheckResult, uris: [FileID: String]) -> [String: [LSPDiagnostic]]
  {
    var byURI: [String: [LSPDiagnostic]] = [:]
    for file in result.sources.files {
      guard let uri = uris[file.id] else { continue }
      byURI[uri] = []
    }
    for diagnostic in result.diagnostics {
      guard let file = result.sources[diagnostic.span.file], let uri = uris[file.id] else {
        continue
      }
      byURI[uri, default: []].append(
        convert(diagnostic, in: file, sources: result.sources, uris: uris))
    }
    for (id, count) in result.omittedErrors where count > 0 {
      guard let uri = uris[id] else { continue }
      let start = Position(line: 0, character: 0)
      byURI[uri, default: []].append(
        LSPDiagnostic(
          range: LSPRange(start: start, end: start), severity: 3, code: "", source: "credence",
          message: "\(count) more error\(count == 1 ? "" : "s") not shown", relatedInformation: nil)
      )
    }
    return byURI
  }

  static func convert(
    _ diagnostic: Diagnostic, in file: SourceFile, sources: SourceSet, uris: [FileID: String]
  ) -> LSPDiagnostic {
    var message = diagnostic.message
    if let help = diagnostic.help { message += "\nhelp: " + help }
    let related = diagnostic.labels.compactMap { label -> DiagnosticRelatedInformation? in
      guard let labelFile = sources[label.span.file], let uri = uris[labelFile.id] else {
        return nil
      }
      return DiagnosticRelatedInformation(
        location: Location(uri: uri, range: labelFile.range(of: label.span)), message: label.message
      )
    }
    let severity =
      switch diagnostic.severity {
      case .error: 1
      case .warning: 2
      case .note: 3
      }
    return LSPDiagnostic(
      range: file.range(of: diagnostic.span), severity: severity, code: diagnostic.code.rawValue,
      source: "credence", message: message, relatedInformation: related.isEmpty ? nil : related)
  }
}

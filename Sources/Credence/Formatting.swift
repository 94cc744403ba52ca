import CredenceFormat
import CredenceSyntax

/// One policy file put through the formatter.
public struct FormattedFile: Sendable {
  /// The file as read.
  public var source: SourceFile
  /// The canonical text, the syntax errors that stop it, or the formatter's failure.
  public var outcome: FormatOutcome

  /// The canonical text when it differs from the file's bytes; nil when the file is
  /// already formatted or could not be formatted.
  public var changedText: String? {
    guard case .formatted(let text) = outcome, Array(text.utf8) != source.bytes else { return nil }
    return text
  }
}

extension FrontEnd {
  /// Formats every file of `sources`. A file with a load diagnostic (too large to read) is
  /// rejected with it, so an unread file is never overwritten.
  public static func format(_ sources: SourceSet, loadDiagnostics: [Diagnostic] = [])
    -> [FormattedFile]
  {
    sources.files.map { source in
      let problems = loadDiagnostics.filter { $0.span.file == source.id }
      if !problems.isEmpty { return FormattedFile(source: source, outcome: .rejected(problems)) }
      return FormattedFile(source: source, outcome: Formatter.format(source))
    }
  }
}

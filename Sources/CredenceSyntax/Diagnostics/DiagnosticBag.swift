/// Collects diagnostics, keeping at most `Limits.maximumErrorsPerFile` errors per file and
/// counting the rest, so a file of garbage cannot flood the output or the memory.
public struct DiagnosticBag: Sendable {
  /// The diagnostics kept, in the order they were added.
  public private(set) var diagnostics: [Diagnostic] = []
  /// Per file, how many errors were dropped by the cap.
  public private(set) var omittedErrors: [FileID: Int] = [:]
  private var errorCounts: [FileID: Int] = [:]
  private let errorLimit: Int

  /// An empty bag that keeps `errorLimit` errors per file.
  public init(errorLimit: Int = Limits.maximumErrorsPerFile) {
    self.errorLimit = errorLimit
  }

  /// Adds a diagnostic, or counts it if its file already has the maximum number of errors.
  public mutating func append(_ diagnostic: Diagnostic) {
    if diagnostic.isError {
      let count = errorCounts[diagnostic.span.file, default: 0]
      errorCounts[diagnostic.span.file] = count + 1
      if count >= errorLimit {
        omittedErrors[diagnostic.span.file, default: 0] += 1
        return
      }
    }
    diagnostics.append(diagnostic)
  }

  /// Adds every diagnostic of `more`.
  public mutating func append(contentsOf more: some Sequence<Diagnostic>) {
    for diagnostic in more { append(diagnostic) }
  }

  /// Whether any error was added (kept or omitted).
  public var hasErrors: Bool { errorCounts.values.contains { $0 > 0 } }

  /// The number of errors added, kept or omitted.
  public var errorCount: Int { errorCounts.values.reduce(0, +) }

  /// The number of warnings kept.
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// A problem found in a program, as a value: what, where, and what to do about it.
///
/// Messages follow cedar's style guide: one lowercase sentence without a final period,
/// user input in backticks, no host-language type names; detail goes in `help`.
public struct Diagnostic: Hashable, Sendable {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A secondary span with a short explanation ("`(` opened here").
  public struct Label: Hashable, Sendable {
    /// Where the label points.
    public var span: Span
    /// What the label says.
    public var message: String

    /// A label saying `message` at `span`.
    public init(_ message: String, at span: Span) {
      self.span = span
      self.message = message
    }
  }

  /// Error, warning or note.
  public var severity: Severity
  /// The stable code (`E0201`), documented in `DiagnosticCode`.
  public var code: DiagnosticCode
  /// The one-sentence message.
  public var message: String
  /// The primary location, underlined with `^`.
  public var span: Span
  /// Secondary locations, underlined with `-`.
  public var labels: [Label]
  /// What to do about it, if there is something useful to say.
  public var help: String?

  /// A diagnostic with every part given.
  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at span: Span,
    labels: [Label] = [], help: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.span = span
    self.labels = labels
    self.help = help
  }

  /// An error.
  public static func error(
    _ code: DiagnosticCode, _ message: String, at span: Span, labels: [Label] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: span, labels: labels, help: help)
  }

  /// A warning.
  public static func warning(
    _ code: DiagnosticCode, _ message: String, at span: Span, labels: [Label] = [],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: span, labels: labels, help: help)
  }

  /// Whether this is an error (as opposed to a warning or note).
  public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
  /// Whether any element is an error.
  public var containsErrors: Bool { contains { $0.isError } }

  /// The diagnostics ordered by file, then position, then severity: the order they print in.
  public func sortedByPosition() -> [Diagnostic] {
    enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.span.file != y.span.file { return x.span.file < y.span.file }
      if x.span.start != y.span.start { return x.span.start < y.span.start }
      if x.severity != y.severity { return x.severity < y.severity }
      return a.offset < b.offset
    }.map(\.element)
  }
}

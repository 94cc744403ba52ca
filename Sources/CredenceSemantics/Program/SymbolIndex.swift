import CredenceSyntax

/// Where each name of a program is declared and used, for editors: go to definition, find
/// references, hover, outlines. Built by the checker from what it resolved while checking
/// (no second resolver), also when the program has errors: what could be resolved is here.
public struct SymbolIndex: Sendable {
  /// What kind of thing a name is.
  public enum Kind: String, Sendable {
    case scale, param, fact, `let`, stack, fund, equivalence
    /// A local: a let's parameter, a fund's enrolment, an example column.
    case local
  }

  /// A declared name.
  public struct Declaration: Sendable {
    public var name: String
    public var kind: Kind
    /// Where the name is written in its declaration.
    public var nameSpan: Span
    /// The whole declaration (the name's own span for a local).
    public var span: Span
    /// Its type as policies write it (`Money(SGD)`), when known; nil for decisions and
    /// scales.
    public var type: String?
    /// A let function's parameters as written: `(e: Enrolment, n: Number)`.
    public var parameters: String?
    /// A stack's, fund's or equivalence's title.
    public var title: String?
    /// The `##` lines above it.
    public var documentation: [String]
    /// A param's values in date order, each from a date (nil: since always).
    public var values: [DatedValue]
    /// A scale's grades, lowest first, as written (without quotes).
    public var grades: [String] = []
  }

  /// One value of a param: the source of its expression and the date it applies from.
  public struct DatedValue: Sendable {
    public var from: CivilDateText?
    public var value: Span
  }

  /// A date as written in a param's `from`.
  public typealias CivilDateText = String

  /// A use of a name.
  public struct Occurrence: Sendable {
    /// Where the name is written.
    public var span: Span
    public var target: Target
  }

  /// What a use refers to.
  public enum Target: Sendable, Equatable {
    /// A declaration, by its index in `declarations`.
    case declaration(Int)
    /// A field of the records (`e.start_on`, `credits` inside a `where`).
    case field(FieldInfo)
  }

  /// A record field as the records contract describes it.
  public struct FieldInfo: Sendable, Equatable {
    /// `enrolment.start_on`.
    public var qualifiedName: String
    /// Its type as policies write it.
    public var type: String
    /// Its meaning (docs: the learner-record store's contract).
    public var meaning: String
  }

  /// Every declaration: the program's names in file order, then the locals used.
  public var declarations: [Declaration] = []
  /// Every use resolved, in the order checked.
  public var occurrences: [Occurrence] = []

  public init() {}
}

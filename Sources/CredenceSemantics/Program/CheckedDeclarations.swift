import CredenceSyntax
import CredenceValues

/// One policy file: its header and the file it came from.
public struct CheckedPolicy: Hashable, Sendable {
  /// The file.
  public var file: FileID
  /// `policy "title"`.
  public var title: String
  /// `authority "…"`.
  public var authority: String?
  /// `version "…"`.
  public var version: String?
  /// `source "…"`.
  public var source: String?
  /// `effective D`: decisions of the file are *not in effect* before D.
  public var effective: CredenceValues.CivilDate?
  /// `until E`: … and after E (both days included in the policy).
  public var until: CredenceValues.CivilDate?
  /// The scale award grades are read on in this file (`grades S`, or its only scale).
  public var gradeScale: ScaleID?
  /// The header.
  @IgnoredInEquality public var span: Span

  /// Whether the policy is in force on `date`.
  public func isInEffect(on date: CredenceValues.CivilDate) -> Bool {
    if let effective, date < effective { return false }
    if let until, date > until { return false }
    return true
  }
}

/// A grade scale.
public struct CheckedScale: Hashable, Sendable {
  /// Its name.
  public var name: String
  /// The validated scale (ranks, aliases, points).
  public var scale: GradeScale
  /// Whether every grade has points (`points(g)` is allowed).
  public var hasPoints: Bool
  /// The `##` documentation.
  public var documentation: [String]
  /// The declaration's name.
  @IgnoredInEquality public var span: Span
}

/// A param with its effective-dated values.
public struct CheckedParam: Hashable, Sendable {
  /// One value and the date it applies from.
  public struct Value: Hashable, Sendable {
    /// nil: since always (only the first value).
    public var from: CredenceValues.CivilDate?
    /// The value; evaluated in a frame of the param's `localCount`. Params it names are
    /// read on the same date as this one.
    public var value: TypedExpr
  }

  /// Its name.
  public var name: String
  /// Its declared type.
  public var type: ValueType
  /// The values, in strictly increasing date order (checked). The value in force on a
  /// date is the last one whose `from` is on or before it; before the first `from`, unknown.
  public var values: [Value]
  /// Locals the value expressions need (elements of `where`s in them).
  public var localCount: Int
  /// The policy (file) it is declared in.
  public var policy: PolicyID
  /// The `##` documentation.
  public var documentation: [String]
  /// The declaration's name.
  @IgnoredInEquality public var span: Span
}

/// A fact read from `learner_facts` with a declared type.
public struct CheckedFact: Hashable, Sendable {
  /// The fact's name, as stored in `learner_facts.name`.
  public var name: String
  /// The type the stored text is read as: Bool, Number, Percent, Money(c), Text, Date,
  /// Duration or Grade(scale).
  public var type: ValueType
  /// The policy (file) it is declared in.
  public var policy: PolicyID
  /// The `##` documentation.
  public var documentation: [String]
  /// The declaration's name.
  @IgnoredInEquality public var span: Span
}

/// A `let`: a named value, or a function when it has parameters.
public struct CheckedLet: Hashable, Sendable {
  /// A parameter: its value goes in `slot` (always `0..<parameters.count`, in order).
  public struct Parameter: Hashable, Sendable {
    public var name: String
    public var type: ValueType
    public var slot: LocalSlot
    @IgnoredInEquality public var span: Span
  }

  /// Its name.
  public var name: String
  /// nil for a plain value (memoised per learner); the parameters of a function otherwise.
  public var parameters: [Parameter]?
  /// The result type (declared, or inferred from the body).
  public var type: ValueType
  /// The body.
  public var body: TypedExpr
  /// The size of the frame the body is evaluated in (parameters first).
  public var localCount: Int
  /// The policy (file) it is declared in.
  public var policy: PolicyID
  /// The `##` documentation.
  public var documentation: [String]
  /// The declaration's name.
  @IgnoredInEquality public var span: Span
}

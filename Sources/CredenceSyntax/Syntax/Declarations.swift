/// The file's header: which policy this is and when it is in effect.
///
/// grammar: `policy_header = "policy" , STRING , { header_clause } ;`
public struct PolicyHeader: Hashable, Sendable {
  /// The policy's title.
  public var title: TextLiteral
  /// The clauses in source order (duplicates are the checker's to report).
  public var clauses: [HeaderClause]

  /// A header titled `title`.
  public init(title: TextLiteral, clauses: [HeaderClause] = []) {
    self.title = title
    self.clauses = clauses
  }

  /// The first `authority`, if any.
  public var authority: TextLiteral? {
    clauses.lazy.compactMap { if case .authority(let t) = $0.kind { t } else { nil } }.first
  }
  /// The first `version`, if any.
  public var version: TextLiteral? {
    clauses.lazy.compactMap { if case .version(let t) = $0.kind { t } else { nil } }.first
  }
  /// The first `source`, if any.
  public var source: TextLiteral? {
    clauses.lazy.compactMap { if case .source(let t) = $0.kind { t } else { nil } }.first
  }
  /// The first `effective … [until …]`, if any.
  public var effective: (from: DateLiteral, until: DateLiteral?)? {
    for clause in clauses {
      if case .effective(let from, let until) = clause.kind { return (from, until) }
    }
    return nil
  }
  /// The first `grades SCALE`, if any.
  public var grades: Name? {
    clauses.lazy.compactMap { if case .grades(let n) = $0.kind { n } else { nil } }.first
  }
}

/// One clause of a policy header.
///
/// grammar: `header_clause = "authority" , STRING | "version" , STRING | "source" , STRING
///   | "effective" , DATE , [ "until" , DATE ] | "grades" , IDENT ;`
public struct HeaderClause: Hashable, Sendable {
  /// The kinds of header clause.
  public enum Kind: Hashable, Sendable {
    case authority(TextLiteral)
    case version(TextLiteral)
    case source(TextLiteral)
    case effective(from: DateLiteral, until: DateLiteral?)
    case grades(Name)
  }
  /// What the clause says.
  public var kind: Kind
  /// From the clause's word to its last token.
  @IgnoredInEquality public var span: Span

  /// A clause of `kind`.
  public init(_ kind: Kind, span: Span) {
    self.kind = kind
    self.span = span
  }
}

/// A grade scale, lowest grade first, with aliases.
///
/// grammar: `scale_decl = "scale" , IDENT , ":" , grade , { "<" , grade } ,
///   [ "where" , grade_alias , { "," , grade_alias } ] ;`
public struct ScaleDeclaration: Hashable, Sendable {
  /// The scale's name.
  public var name: Name
  /// The grades, lowest first.
  public var grades: [Grade]
  /// `"Pass" = "C"` aliases.
  public var aliases: [GradeAlias]

  /// A scale `name` of `grades`.
  public init(name: Name, grades: [Grade], aliases: [GradeAlias] = []) {
    self.name = name
    self.grades = grades
    self.aliases = aliases
  }
}

/// One grade on a scale, optionally with grade points.
///
/// grammar: `grade = STRING , [ "points" , NUMBER ] ;`
public struct Grade: Hashable, Sendable {
  /// The grade as written on transcripts (`"B-"`).
  public var label: TextLiteral
  /// Its grade points, if given.
  public var points: NumberLiteral?

  /// A grade `label` worth `points`.
  public init(label: TextLiteral, points: NumberLiteral? = nil) {
    self.label = label
    self.points = points
  }
}

/// Another spelling of a grade on the scale.
///
/// grammar: `grade_alias = STRING , "=" , STRING ;`
public struct GradeAlias: Hashable, Sendable {
  /// The alias (`"Pass"`).
  public var alias: TextLiteral
  /// The grade it ranks as (`"C"`).
  public var grade: TextLiteral

  /// `alias = grade`.
  public init(alias: TextLiteral, grade: TextLiteral) {
    self.alias = alias
    self.grade = grade
  }
}

/// A parameter whose value changes over time.
///
/// grammar: `param_decl = "param" , IDENT , ":" , type , "=" , param_value , { param_value } ;`
public struct ParamDeclaration: Hashable, Sendable {
  /// The parameter's name.
  public var name: Name
  /// Its declared type.
  public var type: TypeSyntax
  /// Its values in source order; only the first may lack `from`.
  public var values: [ParamValue]

  /// A param `name: type = values`.
  public init(name: Name, type: TypeSyntax, values: [ParamValue]) {
    self.name = name
    self.type = type
    self.values = values
  }
}

/// One effective-dated value of a param.
///
/// grammar: `param_value = expression , [ "from" , DATE ] ;`
public struct ParamValue: Hashable, Sendable {
  /// The value.
  public var value: Expr
  /// The date it takes effect; nil means "since always" (first value only).
  public var from: DateLiteral?

  /// `value from date`.
  public init(value: Expr, from: DateLiteral? = nil) {
    self.value = value
    self.from = from
  }
}

/// A learner fact read from `learner_facts`, typed here.
///
/// grammar: `fact_decl = "fact" , IDENT , ":" , type ;`
public struct FactDeclaration: Hashable, Sendable {
  /// The fact's name, as stored in the records.
  public var name: Name
  /// Its type.
  public var type: TypeSyntax

  /// A fact `name: type`.
  public init(name: Name, type: TypeSyntax) {
    self.name = name
    self.type = type
  }
}

/// A named definition, optionally with parameters (a function) and a declared type.
///
/// grammar: `let_decl = "let" , IDENT , [ "(" , parameter , { "," , parameter } , ")" ] ,
///   [ ":" , type ] , "=" , expression ;`
public struct LetDeclaration: Hashable, Sendable {
  /// The definition's name.
  public var name: Name
  /// The parameters; nil for a plain value (`let age = …`), never empty otherwise.
  public var parameters: [Parameter]?
  /// The declared result type, if written.
  public var type: TypeSyntax?
  /// The defining expression.
  public var body: Expr

  /// `let name(parameters): type = body`.
  public init(name: Name, parameters: [Parameter]? = nil, type: TypeSyntax? = nil, body: Expr) {
    self.name = name
    self.parameters = parameters
    self.type = type
    self.body = body
  }
}

/// A typed parameter of a `let` function.
///
/// grammar: `parameter = IDENT , ":" , type ;`
public struct Parameter: Hashable, Sendable {
  /// The parameter's name.
  public var name: Name
  /// Its type.
  public var type: TypeSyntax

  /// `name: type`.
  public init(name: Name, type: TypeSyntax) {
    self.name = name
    self.type = type
  }
}

/// The syntax tree of one file: its declarations in order, and every comment.
///
/// grammar: `program = { declaration } ;`
public struct FileSyntax: Hashable, Sendable {
  /// The file parsed.
  public var file: FileID
  /// The declarations in source order; a declaration that failed to parse is kept as
  /// `.invalid` so later passes see that something stood there.
  public var declarations: [Declaration]
  /// Every `#` and `##` comment in source order, for the formatter (which re-inserts them
  /// by span) and for documentation. Doc comments are also attached to their declaration.
  public var comments: [Comment]

  /// A tree of `declarations` in `file`.
  public init(file: FileID, declarations: [Declaration], comments: [Comment] = []) {
    self.file = file
    self.declarations = declarations
    self.comments = comments
  }

  /// The policy header, if the file has one.
  public var header: PolicyHeader? {
    for declaration in declarations {
      if case .policy(let header) = declaration.kind { return header }
    }
    return nil
  }
}

/// One declaration, with the doc comment that precedes it.
///
/// grammar: `declaration = { DOC_COMMENT } , ( policy_header | scale_decl | … ) ;`
public struct Declaration: Hashable, Sendable {
  /// The kinds of declaration.
  public enum Kind: Hashable, Sendable {
    case policy(PolicyHeader)
    case scale(ScaleDeclaration)
    case param(ParamDeclaration)
    case fact(FactDeclaration)
    case `let`(LetDeclaration)
    case stack(StackDeclaration)
    case fund(FundDeclaration)
    case equivalence(EquivalenceDeclaration)
    case test(TestDeclaration)
    /// Text that could not be parsed as a declaration; already reported.
    case invalid
  }

  /// What the declaration is.
  public var kind: Kind
  /// The `##` lines before it, markers removed, one element per line.
  public var documentation: [String]
  /// From the declaration keyword to its last token (doc comments not included).
  @IgnoredInEquality public var span: Span
  /// The deepest nesting of brackets, operators and blocks inside it (at most
  /// `Limits.maximumNestingDepth`): how deep evaluating its own text recurses, which the
  /// checker adds up along chains of definitions (`CheckerLimits.maximumEvaluationDepth`).
  @IgnoredInEquality public var nesting: Int = 0
  /// For an `.invalid` declaration, the name it was declaring when parsing failed after
  /// the name (`let total = (…`), so the checker knows the name exists and does not report
  /// its uses as unknown.
  @IgnoredInEquality public var recoveredName: Name? = nil

  /// A declaration of `kind`.
  public init(_ kind: Kind, documentation: [String] = [], span: Span) {
    self.kind = kind
    self.documentation = documentation
    self.span = span
  }

  /// The declared name, for declarations that have one.
  public var name: Name? {
    switch kind {
    case .scale(let d): d.name
    case .param(let d): d.name
    case .fact(let d): d.name
    case .let(let d): d.name
    case .stack(let d): d.name
    case .fund(let d): d.name
    case .equivalence(let d): d.name
    case .policy, .test, .invalid: nil
    }
  }
}

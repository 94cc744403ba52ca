/// A test carried by a policy, run by `credence test`.
///
/// grammar: `test_decl = "test" , STRING , [ "as" , "of" , DATE ] , { test_clause } ;`
public struct TestDeclaration: Hashable, Sendable {
  /// What the test checks, in words.
  public var description: TextLiteral
  /// The evaluation date, if fixed.
  public var asOf: DateLiteral?
  /// Fixtures, expectations and example tables in source order (none when skimmed).
  public var clauses: [TestClause]
  /// When the clauses were skimmed rather than parsed (`TestBodies.skimmed`): every name
  /// written in them, so that a name only a test uses still counts as used. Nil when the
  /// clauses were parsed.
  public var mentionedNames: [String]?

  /// A test `"description" as of date clauses`.
  public init(
    description: TextLiteral, asOf: DateLiteral? = nil, clauses: [TestClause],
    mentionedNames: [String]? = nil
  ) {
    self.description = description
    self.asOf = asOf
    self.clauses = clauses
    self.mentionedNames = mentionedNames
  }
}

/// One clause of a test.
///
/// grammar: `test_clause = "given" , fixture | "expect" , path_expectation
///   | "expect" , expression | "examples" , example_table ;`
public struct TestClause: Hashable, Sendable {
  /// The kinds of test clause.
  public enum Kind: Hashable, Sendable {
    case given(Fixture)
    case expect(Expr)
    /// `expect path to …`.
    case expectPath(PathExpectation)
    case examples(ExampleTable)
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

/// `expect path to TARGET [for N credits] [by OBJECTIVE] is CODES`: the best path a
/// pathway search finds from the test's learner, over the credentials the test gives, is
/// the credentials `CODES` (`[]`: the target is already achieved).
///
/// grammar: `path_expectation = "path" , "to" , IDENT , [ "for" , expression ,
///   ( "credits" | "credit" ) ] , [ "by" , IDENT ] , "is" , expression ;`
public struct PathExpectation: Hashable, Sendable {
  /// The stack, or the equivalence with a credit goal.
  public var target: Name
  /// The credit goal of an equivalence.
  public var credits: Expr?
  /// `fewest`, `cost`, `hours` or `credits`; nil: `fewest`.
  public var objective: Name?
  /// The codes of the expected path: a list of texts.
  public var codes: Expr

  /// `path to target for credits by objective is codes`.
  public init(target: Name, credits: Expr?, objective: Name?, codes: Expr) {
    self.target = target
    self.credits = credits
    self.objective = objective
    self.codes = codes
  }
}

/// Inline records a test needs instead of a database.
///
/// grammar: `fixture = "learner" , record | "award" , ( record | STRING , "on" , expression ,
///   [ "grade" , expression ] ) | "credential" , record | "enrolment" , record
///   | "ledger" , ( record | STRING , expression , "on" , expression ,
///   [ "until" , expression ] ) | "fact" , IDENT , "=" , expression ;`
public enum Fixture: Hashable, Sendable {
  /// `learner { … }`.
  case learner(RecordLiteral)
  /// `award { … }` or `award "CODE" on DATE [grade G]`.
  case award(AwardFixture)
  /// `credential { … }`: a catalogue entry.
  case credential(RecordLiteral)
  /// `enrolment { … }`.
  case enrolment(RecordLiteral)
  /// `ledger { … }` or `ledger "scheme" AMOUNT on DATE [until DATE]`.
  case ledger(LedgerFixture)
  /// `fact name = value`.
  case fact(Name, Expr)
}

/// The two spellings of an award fixture.
public enum AwardFixture: Hashable, Sendable {
  /// `award { … }`.
  case record(RecordLiteral)
  /// `award "CODE" on DATE [grade G]`.
  case short(code: TextLiteral, on: Expr, grade: Expr?)
}

/// The two spellings of a ledger fixture.
public enum LedgerFixture: Hashable, Sendable {
  /// `ledger { … }`.
  case record(RecordLiteral)
  /// `ledger "scheme" AMOUNT on DATE [until DATE]`.
  case short(scheme: TextLiteral, amount: Expr, on: Expr, until: Expr?)
}

/// A table of examples; the first row names the columns.
///
/// grammar: `example_table = example_row , { example_row } ;`
public struct ExampleTable: Hashable, Sendable {
  /// The rows, the header first.
  public var rows: [ExampleRow]

  /// A table of `rows`.
  public init(rows: [ExampleRow]) { self.rows = rows }

  /// The first row: the column names.
  public var header: ExampleRow? { rows.first }
  /// Every row after the header.
  public var examples: ArraySlice<ExampleRow> { rows.dropFirst() }
}

/// One row of an example table.
///
/// grammar: `example_row = "|" , expression , "|" , { expression , "|" } ;`
public struct ExampleRow: Hashable, Sendable {
  /// The cells, left to right.
  public var cells: [Expr]
  /// The whole row, bars included.
  @IgnoredInEquality public var span: Span

  /// A row of `cells`.
  public init(cells: [Expr], span: Span) {
    self.cells = cells
    self.span = span
  }
}

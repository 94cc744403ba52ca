import CredenceSyntax
import CredenceValues

/// A checked expression: what to compute, its type, and where it was written.
///
/// Every name is resolved: declarations to table indices (`ParamID`, `LetID`, …), locals
/// (let parameters, a fund's enrolment, the element of a `where` or aggregate, example
/// columns) to `LocalSlot`s of the enclosing frame, fields to enum cases, operators to the
/// operation for their operand types. Literals are already values. The evaluator needs no
/// lookup by string and no type test beyond switching on `node`.
public struct TypedExpr: Hashable, Sendable {
  /// What to compute.
  public var node: Node
  /// The static type of the result (which may still be unknown at run time).
  public var type: ValueType
  /// Where the expression was written, for explanations and run-time errors.
  @IgnoredInEquality public var span: Span

  /// An expression of `type` computing `node`.
  public init(_ node: Node, _ type: ValueType, span: Span) {
    self.node = node
    self.type = type
    self.span = span
  }

  /// The computations.
  public indirect enum Node: Hashable, Sendable {
    /// A literal, already a value.
    case constant(Constant)
    /// `[a, b, c]`.
    case list([TypedExpr])
    /// A local of the current frame.
    case local(LocalSlot)
    /// The evaluation date.
    case asOf
    /// The learner being decided.
    case learner
    /// A declared fact of the learner (also what `learner.NAME` becomes).
    case fact(FactID)
    /// A param's value on the evaluation date.
    case param(ParamID)
    /// A param's value on another date: `p as of d`.
    case paramOn(ParamID, date: TypedExpr)
    /// A `let` without parameters: evaluated once per learner and memoised.
    case value(LetID)
    /// A `let` with parameters: the arguments fill slots `0..<n` of a fresh frame of the
    /// let's `localCount`, then its body is evaluated in that frame.
    case call(LetID, arguments: [TypedExpr])
    /// A per-learner decision (a stack, a fund without `per enrolment`, an equivalence).
    case decision(DecisionID)
    /// A per-enrolment fund's decision for the learner's enrolment with this id.
    case claim(FundID, enrolmentID: TypedExpr)
    /// A field of a record.
    case field(TypedExpr, Field)
    /// The field of every element of a list of records, in order.
    case projection(TypedExpr, Field)
    /// A value a decision reports.
    case decisionField(TypedExpr, DecisionField)
    /// `-x`.
    case negate(Negation, TypedExpr)
    /// `not x` (Kleene).
    case not(TypedExpr)
    /// `a and b` (Kleene; `b` is needed only when `a` is not false).
    case and(TypedExpr, TypedExpr)
    /// `a or b` (Kleene; `b` is needed only when `a` is not true).
    case or(TypedExpr, TypedExpr)
    /// `+ - * /` on the operand types the operation names.
    case arithmetic(Arithmetic, TypedExpr, TypedExpr)
    /// `== != < <= > >=`.
    case compare(Comparison, TypedExpr, TypedExpr)
    /// `x in xs` (`negated`: `x not in xs`).
    case contains(element: TypedExpr, list: TypedExpr, negated: Bool)
    /// `d is eligible`: always true or false, never unknown.
    case status(TypedExpr, DecisionStatus)
    /// `x is known` / `x is unknown`: always true or false.
    case presence(TypedExpr, Presence)
    /// `if c then a else b`.
    case conditional(TypedExpr, then: TypedExpr, else: TypedExpr)
    /// A first-match table.
    case firstMatch(CheckedTable)
    /// `xs where c`: `c` is evaluated with each element in `element`.
    case filter(TypedExpr, element: LocalSlot, condition: TypedExpr)
    /// `distinct xs by k`: `k` is evaluated with each element in `element`.
    case distinct(TypedExpr, element: LocalSlot, key: TypedExpr)
    /// `count`, `sum`, `min`, `max`, `any`, `all` over a list, optionally of a per-element
    /// expression (`sum(xs, e)`: `e` evaluated with each element in `perElement.element`).
    case aggregate(Aggregate, TypedExpr, perElement: PerElement?)
    /// `min(a, b, …)` / `max(a, b, …)` of single values (two or more).
    case extremum(Extremum, [TypedExpr])
    /// `round(x, places, rule)`; `x` is a number, money or a percentage.
    case round(TypedExpr, places: TypedExpr, rule: RoundingRule)
    /// A built-in function.
    case builtin(Builtin, arguments: [TypedExpr])
    /// Money (or a list of money) whose currency comes from the records, where the program
    /// needs `currency`: a run-time error names the expression if it is another currency.
    case assertCurrency(TypedExpr, CurrencyCode)
  }
}

/// A literal value.
public enum Constant: Hashable, Sendable {
  case bool(Bool)
  case number(ExactDecimal)
  case percent(Percent)
  case money(Money)
  case text(String)
  case date(CredenceValues.CivilDate)
  case duration(CalendarDuration)
  /// A grade literal on a scale (`grade >= "B-"`): its rank is resolved.
  case grade(ScaleID, rank: Int, mark: String)
  /// `unknown`.
  case unknown
}

/// The element binding of a per-element aggregate argument.
public struct PerElement: Hashable, Sendable {
  /// The slot each element is put in.
  public var element: LocalSlot
  /// What is computed per element.
  public var body: TypedExpr

  /// `body` evaluated with each element in `element`.
  public init(element: LocalSlot, body: TypedExpr) {
    self.element = element
    self.body = body
  }
}

/// A checked first-match table.
public struct CheckedTable: Hashable, Sendable {
  /// A row: a condition (nil for `otherwise`) and its value.
  public struct Row: Hashable, Sendable {
    /// The condition; nil for `otherwise`.
    public var condition: TypedExpr?
    /// The value when the row matches.
    public var result: TypedExpr
    /// The whole row.
    @IgnoredInEquality public var span: Span

    /// `| condition -> result`.
    public init(condition: TypedExpr?, result: TypedExpr, span: Span) {
      self.condition = condition
      self.result = result
      self.span = span
    }
  }

  /// Whether no row matching gives unknown (`partial`) rather than being impossible.
  public var isPartial: Bool
  /// The rows, tried in order. Unless `isPartial`, one always matches.
  public var rows: [Row]

  /// A table of `rows`.
  public init(isPartial: Bool, rows: [Row]) {
    self.isPartial = isPartial
    self.rows = rows
  }
}

import CredenceSyntax

/// The checker's diagnostic codes (issue 3). A code is never reused for another meaning;
/// `docs/diagnostics.md`-style explanations live in the doc comments here.
///
/// Ranges: `E03xx` names, `E04xx` types, `E05xx` cycles, `E06xx` tables, `E07xx` effective
/// dating, `E08xx` stacks, funds and equivalences, `E09xx` tests; `W03xx`… the warnings of
/// the same areas.
extension DiagnosticCode {
  // MARK: Names (E03xx)

  /// A name declared twice in the program (both places are shown).
  public static let duplicateDeclaration: DiagnosticCode = "E0301"
  /// A name that is not declared, not a local and not predefined.
  public static let unknownName: DiagnosticCode = "E0302"
  /// A field that the record, grade or decision does not have.
  public static let unknownField: DiagnosticCode = "E0303"
  /// A declaration that takes a predefined name (`learner`, `as_of`, `it`) or a built-in
  /// function's name.
  public static let reservedName: DiagnosticCode = "E0304"
  /// Two parameters, example columns or record fields with one name.
  public static let duplicateLocalName: DiagnosticCode = "E0305"
  /// A type annotation that names no type, or lacks or has a wrong argument.
  public static let unknownType: DiagnosticCode = "E0306"
  /// A currency code that is not ISO 4217.
  public static let unknownCurrency: DiagnosticCode = "E0307"
  /// A name used as a scale that is not one.
  public static let unknownScale: DiagnosticCode = "E0308"
  /// A grade literal that is not on its scale.
  public static let unknownGrade: DiagnosticCode = "E0309"
  /// A name used as something it is not: calling a value, a function without arguments,
  /// `as of` on something other than a param, a scale as a value.
  public static let wrongKindOfName: DiagnosticCode = "E0310"
  /// A call with the wrong number of arguments.
  public static let wrongArgumentCount: DiagnosticCode = "E0311"
  /// `it` outside a `where` or an aggregate's per-element argument.
  public static let itOutsideElement: DiagnosticCode = "E0312"
  /// A fact named like a column of the learners table.
  public static let factShadowsColumn: DiagnosticCode = "E0313"
  /// A file without a policy header, with two, or a header clause given twice.
  public static let policyHeader: DiagnosticCode = "E0314"

  // MARK: Types (E04xx)

  /// A value of the wrong type where a declared or required type is known.
  public static let typeMismatch: DiagnosticCode = "E0401"
  /// An operator applied to operand types it is not defined for.
  public static let invalidOperands: DiagnosticCode = "E0402"
  /// Money in two different currencies combined or compared.
  public static let currencyMismatch: DiagnosticCode = "E0403"
  /// Two values compared that have no common order or equality.
  public static let invalidComparison: DiagnosticCode = "E0404"
  /// A condition (`where`, `if`, a table row, `eligible when`, `expect`, …) that is not a
  /// truth value.
  public static let conditionNotBool: DiagnosticCode = "E0405"
  /// A list operation (`where`, an aggregate, `in`, `distinct`) on something not a list.
  public static let notAList: DiagnosticCode = "E0406"
  /// `is STATUS` on something that is not a decision, or a status the decision never has.
  public static let invalidStatus: DiagnosticCode = "E0407"
  /// `points(g)` on a scale without grade points.
  public static let scaleWithoutPoints: DiagnosticCode = "E0408"
  /// A literal that is not a value of the language (too many digits, year 0).
  public static let invalidLiteral: DiagnosticCode = "E0409"
  /// A record literal outside a test fixture.
  public static let recordOutsideFixture: DiagnosticCode = "E0410"
  /// A built-in's argument with a value it does not accept (an unknown rounding rule, a
  /// number of places out of range).
  public static let invalidArgument: DiagnosticCode = "E0411"
  /// A scale declaration that is not a scale (duplicate grade, bad alias, partial points).
  public static let invalidScale: DiagnosticCode = "E0412"
  /// A type that is not allowed in this place (a list as a fact, a record as a param).
  public static let typeNotAllowed: DiagnosticCode = "E0413"
  /// A param value that depends on the learner or the evaluation date.
  public static let paramNotConstant: DiagnosticCode = "E0414"

  // MARK: Cycles (E05xx)

  /// Definitions that depend on each other in a cycle.
  public static let dependencyCycle: DiagnosticCode = "E0501"
  /// A type inferred through more than `CheckerLimits.maximumInferenceDepth` bodies that
  /// mention each other.
  public static let inferenceTooDeep: DiagnosticCode = "E0502"
  /// A definition whose evaluation, through the definitions it uses, recurses more than
  /// `CheckerLimits.maximumEvaluationDepth` levels.
  public static let evaluationTooDeep: DiagnosticCode = "E0503"

  // MARK: Tables (E06xx)

  /// A first-match table without `otherwise` that is not marked `partial`.
  public static let tableWithoutOtherwise: DiagnosticCode = "E0601"

  // MARK: Effective dating (E07xx)

  /// A param's values not in date order.
  public static let paramDatesOutOfOrder: DiagnosticCode = "E0701"
  /// Two values of a param from the same date.
  public static let duplicateParamDate: DiagnosticCode = "E0702"
  /// A policy's `until` before its `effective`.
  public static let effectiveRangeReversed: DiagnosticCode = "E0703"

  // MARK: Decisions (E08xx)

  /// A fund with two `rate` or two `amount` clauses.
  public static let duplicateClause: DiagnosticCode = "E0801"
  /// A count that can never be reached (`at least 4 of` three items).
  public static let impossibleCount: DiagnosticCode = "E0802"
  /// A quantity that is not a whole number, or not a Number param or let.
  public static let invalidQuantity: DiagnosticCode = "E0803"
  /// A requirement naming a fund or equivalence instead of a condition or stack.
  public static let invalidRequirement: DiagnosticCode = "E0804"
  /// A cap on a category no rule counts in.
  public static let unknownCategory: DiagnosticCode = "E0805"
  /// Two caps on the same category, or two overall caps.
  public static let duplicateCap: DiagnosticCode = "E0806"
  /// A fund's `rate` that refers to itself.
  public static let rateSelfReference: DiagnosticCode = "E0807"
  /// A stack with more requirements than `CheckerLimits.maximumStackRequirements`.
  public static let tooManyRequirements: DiagnosticCode = "E0808"
  /// A credit threshold beyond `CheckerLimits.maximumScaledCredits`.
  public static let creditsOutOfRange: DiagnosticCode = "E0809"

  // MARK: Tests (E09xx)

  /// A fixture without the field that identifies its record.
  public static let missingFixtureField: DiagnosticCode = "E0901"
  /// A second `given learner` in one test.
  public static let duplicateLearnerFixture: DiagnosticCode = "E0902"
  /// An example row with a different number of cells than the header.
  public static let exampleRowWidth: DiagnosticCode = "E0903"
  /// An example header cell that is not a plain name.
  public static let exampleHeader: DiagnosticCode = "E0904"
  /// Two `examples` tables in one test.
  public static let duplicateExamples: DiagnosticCode = "E0905"
  /// `expect path to` a fund, to an equivalence without a credit goal, to a stack with one,
  /// or ranked by a word that is no ranking.
  public static let invalidPathExpectation: DiagnosticCode = "E0906"

  // MARK: Warnings

  /// A `let` or `param` that nothing uses.
  public static let unusedDefinition: DiagnosticCode = "W0301"
  /// A `fact` that nothing uses.
  public static let unusedFact: DiagnosticCode = "W0302"
  /// A `let` parameter its body never uses.
  public static let unusedParameter: DiagnosticCode = "W0303"
  /// A record field inside `where` hiding a declaration or local of the same name.
  public static let fieldShadowsName: DiagnosticCode = "W0304"
  /// `x == unknown` / `x != unknown`, which is always unknown.
  public static let comparisonWithUnknown: DiagnosticCode = "W0305"
  /// A first-match row that can never be reached.
  public static let unreachableRow: DiagnosticCode = "W0601"
  /// `partial` on a table that has `otherwise`.
  public static let partialWithOtherwise: DiagnosticCode = "W0602"
  /// A test without `as of` whose outcome depends on the evaluation date.
  public static let testDependsOnToday: DiagnosticCode = "W0901"
  /// A test with no `expect`.
  public static let testWithoutExpectation: DiagnosticCode = "W0902"
  /// An example column the test never uses.
  public static let unusedExampleColumn: DiagnosticCode = "W0903"
}

extension DiagnosticCode {
  /// Every code the checker reports, errors first, in code order.
  public static let checkerCodes: [DiagnosticCode] = [
    .duplicateDeclaration, .unknownName, .unknownField, .reservedName, .duplicateLocalName,
    .unknownType, .unknownCurrency, .unknownScale, .unknownGrade, .wrongKindOfName,
    .wrongArgumentCount, .itOutsideElement, .factShadowsColumn, .policyHeader,
    .typeMismatch, .invalidOperands, .currencyMismatch, .invalidComparison, .conditionNotBool,
    .notAList, .invalidStatus, .scaleWithoutPoints, .invalidLiteral, .recordOutsideFixture,
    .invalidArgument, .invalidScale, .typeNotAllowed, .paramNotConstant,
    .dependencyCycle, .inferenceTooDeep, .evaluationTooDeep, .tableWithoutOtherwise,
    .paramDatesOutOfOrder, .duplicateParamDate, .effectiveRangeReversed,
    .duplicateClause, .impossibleCount, .invalidQuantity, .invalidRequirement, .unknownCategory,
    .duplicateCap, .rateSelfReference, .tooManyRequirements, .creditsOutOfRange,
    .missingFixtureField, .duplicateLearnerFixture, .exampleRowWidth, .exampleHeader,
    .duplicateExamples, .invalidPathExpectation,
    .unusedDefinition, .unusedFact, .unusedParameter, .fieldShadowsName,
    .comparisonWithUnknown, .unreachableRow, .partialWithOtherwise, .testDependsOnToday,
    .testWithoutExpectation, .unusedExampleColumn,
  ]
}

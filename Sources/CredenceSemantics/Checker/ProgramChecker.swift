import CredenceSuggestions
import CredenceSyntax
import CredenceValues

/// A declaration found in a file, with where it came from.
struct Declared<Syntax> {
  var syntax: Syntax
  var file: FileID
  var policy: PolicyID
  var documentation: [String]
  /// The whole declaration.
  var span: Span
  /// The deepest nesting inside it (``Declaration/nesting``).
  var nesting: Int = 0
}

/// The progress of checking a body that others may need first (a let's inferred type, a
/// fund's currency).
enum CheckState {
  case pending
  case inProgress
  case done
}

/// The checker's state for one run. Not shared: built, run once, dropped.
final class ProgramChecker {
  let files: [FileSyntax]
  var diagnostics: [Diagnostic] = []
  /// Whether some declaration failed to parse (unknown names and unused warnings are then
  /// not reported).
  var hasInvalidDeclarations = false
  /// The names declarations that failed to parse were declaring: their uses are not
  /// reported as unknown (the rest of the program is checked as usual).
  var invalidDeclarationNames: Set<String> = []

  // MARK: Declarations, by kind; the index is the id.

  var policies: [CheckedPolicy] = []
  var awardGrades: [AwardGrades] = []
  var policyOfFile: [FileID: PolicyID] = [:]
  var scaleDecls: [Declared<ScaleDeclaration>] = []
  var paramDecls: [Declared<ParamDeclaration>] = []
  var factDecls: [Declared<FactDeclaration>] = []
  var letDecls: [Declared<LetDeclaration>] = []
  var stackDecls: [Declared<StackDeclaration>] = []
  var fundDecls: [Declared<FundDeclaration>] = []
  var equivalenceDecls: [Declared<EquivalenceDeclaration>] = []
  var testDecls: [Declared<TestDeclaration>] = []

  /// The program's namespace.
  var symbols: [String: Symbol] = [:]
  /// Where each symbol's name was written.
  var symbolSpans: [Symbol: Span] = [:]

  // MARK: Signatures (resolved before bodies)

  var scales: [CheckedScale?] = []
  var paramTypes: [ValueType] = []
  var factTypes: [ValueType] = []
  var letParameters: [[CheckedLet.Parameter]?] = []
  var letDeclaredTypes: [ValueType?] = []

  // MARK: Bodies

  var lets: [CheckedLet?] = []
  var letStates: [CheckState] = []
  var params: [CheckedParam?] = []
  var stacks: [CheckedStack?] = []
  var funds: [CheckedFund?] = []
  var fundStates: [CheckState] = []
  var equivalences: [CheckedEquivalence?] = []
  var tests: [CheckedTest] = []

  // MARK: Uses

  /// Dependency edges in the order found, with the span of the first use.
  var edges: [DefinitionID: [(target: DefinitionID, span: Span)]] = [:]
  private var edgeSet: Set<[DefinitionID]> = []
  /// Symbols used anywhere.
  var used: Set<Symbol> = []
  /// Every use of a name or field resolved, for the symbol index (`buildIndex`).
  var uses = RecordedUses()
  /// Lets, params and facts not yet used, by name, while the names tests mention are
  /// marked without checking them (`markNamesMentionedByTests`). Read and written once per
  /// name tests write, by one thread, never while another access is open: the run-time
  /// exclusivity check cost more than the comparison.
  @exclusivity(unchecked) var unmentioned = UnmentionedNames()
  /// Definitions whose value depends directly on the evaluation date.
  var readsEvaluationDate: Set<DefinitionID> = []
  /// The definitions each test uses directly, and the tests reading the date themselves.
  var testUses: [Int: Set<DefinitionID>] = [:]
  var testsReadingDate: Set<Int> = []
  /// Shadowing warnings already given (a field shadowing a name warns once per span).
  var shadowWarnings: Set<Span> = []
  /// How many did-you-mean searches this run has made.
  var suggestionsSearched = 0
  /// Files whose ambiguous award grades were reported (once per file).
  var ambiguousGradeFiles: Set<FileID> = []

  /// How deep bodies are checked on demand to infer a type (`CheckerLimits`).
  let inferenceDepthLimit: Int
  var onDemandDepth = 0
  /// Where on-demand checking stopped at the limit: the definition and the use.
  var inferenceCutoffs: [(DefinitionID, Span)] = []
  /// The definitions reported as part of a cycle.
  var cycleMembers: Set<DefinitionID> = []
  /// The deepest evaluation of any definition (`checkEvaluationDepth`), for the limit's test.
  var deepestEvaluation = 0
  /// Whether the bodies of tests are checked (`CheckScope`); when not, the names they
  /// mention are only marked as used.
  var checksTests = true
  /// From how many tests they are checked on several cores.
  var parallelTestThreshold = ProgramChecker.defaultParallelTestThreshold
  /// From how many lets and funds a wave of them is checked on several cores.
  var parallelBodyThreshold = ProgramChecker.defaultParallelBodyThreshold

  init(files: [FileSyntax], inferenceDepthLimit: Int = CheckerLimits.maximumInferenceDepth) {
    self.files = files
    self.inferenceDepthLimit = inferenceDepthLimit
  }

  /// A fork of `parent` for checking tests on another thread
  /// (`ProgramChecker+ParallelTests.swift`): the same tables (shared copy-on-write
  /// storage), the same "once" sets and suggestion count, and empty accumulators, so that
  /// what the fork finds can be appended to what the parent found. Every stored property
  /// is named here, either copied or left empty on purpose.
  init(forking parent: ProgramChecker) {
    files = parent.files
    inferenceDepthLimit = parent.inferenceDepthLimit
    hasInvalidDeclarations = parent.hasInvalidDeclarations
    invalidDeclarationNames = parent.invalidDeclarationNames
    policies = parent.policies
    awardGrades = parent.awardGrades
    policyOfFile = parent.policyOfFile
    scaleDecls = parent.scaleDecls
    paramDecls = parent.paramDecls
    factDecls = parent.factDecls
    letDecls = parent.letDecls
    stackDecls = parent.stackDecls
    fundDecls = parent.fundDecls
    equivalenceDecls = parent.equivalenceDecls
    testDecls = parent.testDecls
    symbols = parent.symbols
    symbolSpans = parent.symbolSpans
    scales = parent.scales
    paramTypes = parent.paramTypes
    factTypes = parent.factTypes
    letParameters = parent.letParameters
    letDeclaredTypes = parent.letDeclaredTypes
    lets = parent.lets
    letStates = parent.letStates
    params = parent.params
    stacks = parent.stacks
    funds = parent.funds
    fundStates = parent.fundStates
    equivalences = parent.equivalences
    shadowWarnings = parent.shadowWarnings
    suggestionsSearched = parent.suggestionsSearched
    ambiguousGradeFiles = parent.ambiguousGradeFiles
    onDemandDepth = parent.onDemandDepth
    cycleMembers = parent.cycleMembers
    checksTests = parent.checksTests
    parallelTestThreshold = parent.parallelTestThreshold
    parallelBodyThreshold = parent.parallelBodyThreshold
    // Left empty, filled by the fork and merged: diagnostics, tests, edges, edgeSet, used, uses,
    // readsEvaluationDate, testUses, testsReadingDate, inferenceCutoffs. Left empty and
    // unused by forks (tests are marked, not checked, only without forks): unmentioned.
  }

  // MARK: Running

  func run() -> CheckOutcome {
    collectDeclarations()
    resolveSignatures()
    checkBodies()
    let order = checkCycles()
    checkEvaluationDepth(order: order)
    reportInferenceCutoffs()
    reportUnused()
    if checksTests { reportTestsDependingOnToday() }
    let sorted = diagnostics.sortedByPosition()
    let index = buildIndex()
    guard !sorted.containsErrors, let program = buildProgram(order: order) else {
      return CheckOutcome(program: nil, diagnostics: sorted, index: index)
    }
    return CheckOutcome(program: program, diagnostics: sorted, index: index)
  }

  // MARK: Reporting

  /// Whether an unknown `name` may be the name of a declaration that failed to parse,
  /// which would make reporting it an echo of the syntax error.
  func mayBeDeclaredByInvalid(_ name: String) -> Bool {
    invalidDeclarationNames.contains(name)
  }

  func error(
    _ code: DiagnosticCode, _ message: String, at span: Span, labels: [Diagnostic.Label] = [],
    help: String? = nil
  ) {
    diagnostics.append(.error(code, message, at: span, labels: labels, help: help))
  }

  func warning(
    _ code: DiagnosticCode, _ message: String, at span: Span, labels: [Diagnostic.Label] = [],
    help: String? = nil
  ) {
    diagnostics.append(.warning(code, message, at: span, labels: labels, help: help))
  }

  /// "a" or "an" for a word.
  func article(_ word: String) -> String {
    "aeiou".contains(word.first ?? "x") ? "an" : "a"
  }

  /// `a`, `a or b`, `a, b or c`.
  func alternatives(_ items: [String], _ conjunction: String = "or") -> String {
    guard let last = items.last else { return "" }
    guard items.count > 1 else { return last }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }

  /// `did you mean `x`?` for `word` among `candidates`, or nil.
  ///
  /// Candidates whose length differs by more than an edit budget cannot be close and are
  /// skipped before measuring; after `CheckerLimits.maximumSuggestions` searches a run stops
  /// suggesting, so a file of thousands of misspellings stays fast.
  func suggestion(for word: String, among candidates: @autoclosure () -> [String]) -> String? {
    closest(to: word, among: candidates()).map { "did you mean `\($0)`?" }
  }

  /// The closest candidate to `word`, within the limits above; the candidates are only
  /// gathered when a search is still allowed.
  func closest(to word: String, among candidates: @autoclosure () -> [String]) -> String? {
    guard suggestionsSearched < CheckerLimits.maximumSuggestions else { return nil }
    suggestionsSearched += 1
    let budget = max(1, word.count / 3)
    let plausible = candidates().filter { abs($0.count - word.count) <= budget }
    return Suggestions.closest(to: word, among: plausible)
  }

  // MARK: Uses and edges

  /// Records that the body being checked in `context` uses `symbol` at `span`.
  func recordUse(_ symbol: Symbol, at span: Span, in context: Context) {
    used.insert(symbol)
    uses.symbols.append((span, symbol))
    guard let target = symbol.definition else { return }
    if let test = context.test { testUses[test, default: []].insert(target) }
    guard let owner = context.owner else { return }
    recordEdge(from: owner, to: target, at: span)
  }

  func recordEdge(from owner: DefinitionID, to target: DefinitionID, at span: Span) {
    guard edgeSet.insert([owner, target]).inserted else { return }
    edges[owner, default: []].append((target, span))
  }

  /// Records that the body being checked reads the evaluation date.
  func recordReadsDate(in context: Context) {
    if let owner = context.owner { readsEvaluationDate.insert(owner) }
    if let test = context.test { testsReadingDate.insert(test) }
  }

  // MARK: Collecting declarations

  /// Names nobody may declare: predefined names and built-in functions.
  static let predefinedNames: Set<String> = ["learner", "as_of", "it"]
  static let builtinFunctionNames: Set<String> = [
    "count", "sum", "min", "max", "any", "all", "round", "years_between", "months_between",
    "age_by_year_of_birth", "end_of_year", "balance", "points",
  ]

  /// Pass 1: every file's header and declarations, the namespace, duplicates.
  func collectDeclarations() {
    for file in files {
      let policy = PolicyID(policies.count)
      policyOfFile[file.file] = policy
      policies.append(collectHeader(of: file))
      for declaration in file.declarations {
        collect(declaration, in: file.file, policy: policy)
      }
    }
  }

  private func collect(_ declaration: Declaration, in file: FileID, policy: PolicyID) {
    let docs = declaration.documentation
    let span = declaration.span
    switch declaration.kind {
    case .policy, .invalid:
      if case .invalid = declaration.kind {
        hasInvalidDeclarations = true
        if let name = declaration.recoveredName { invalidDeclarationNames.insert(name.text) }
      }
    case .scale(let d):
      let id = ScaleID(scaleDecls.count)
      scaleDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .scale(id))
    case .param(let d):
      let id = ParamID(paramDecls.count)
      paramDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .param(id))
    case .fact(let d):
      let id = FactID(factDecls.count)
      factDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .fact(id))
    case .let(let d):
      let id = LetID(letDecls.count)
      letDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .let(id))
    case .stack(let d):
      let id = StackID(stackDecls.count)
      stackDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .stack(id))
    case .fund(let d):
      let id = FundID(fundDecls.count)
      fundDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .fund(id))
    case .equivalence(let d):
      let id = EquivalenceID(equivalenceDecls.count)
      equivalenceDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
      declare(d.name, as: .equivalence(id))
    case .test(let d):
      testDecls.append(
        Declared(
          syntax: d, file: file, policy: policy, documentation: docs, span: span,
          nesting: declaration.nesting))
    }
  }

  /// Adds `name` to the namespace, or reports why it cannot be.
  private func declare(_ name: Name, as symbol: Symbol) {
    symbolSpans[symbol] = name.span
    if Self.predefinedNames.contains(name.text) {
      error(
        .reservedName, "`\(name.text)` is a predefined name and cannot be declared",
        at: name.span,
        help: "choose another name; `learner`, `as_of` and `it` always mean the learner, "
          + "the evaluation date and the current element")
      return
    }
    if Self.builtinFunctionNames.contains(name.text) {
      error(
        .reservedName, "`\(name.text)` is a built-in function and cannot be declared",
        at: name.span, help: "choose another name")
      return
    }
    if let existing = symbols[name.text], let first = symbolSpans[existing] {
      error(
        .duplicateDeclaration, "`\(name.text)` is declared twice", at: name.span,
        labels: [.init("first declared here, as a \(existing.kindName)", at: first)],
        help: "all files of a program share one namespace: rename one of the two")
      return
    }
    symbols[name.text] = symbol
  }
}

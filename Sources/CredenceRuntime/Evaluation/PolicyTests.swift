import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// The outcome of one policy `test` (or one row of its `examples`).
public struct PolicyTestOutcome: Sendable, Hashable {
  /// The test's description.
  public var description: String
  /// The example row (0-based) for a table-driven test.
  public var row: Int?
  /// Where the test (or the row) is written.
  public var span: Span
  /// Expectations that did not hold; empty when the test passed.
  public var failures: [PolicyTestFailure]

  public var passed: Bool { failures.isEmpty }
}

/// An `expect` that was false or unknown, with what was found.
public struct PolicyTestFailure: Sendable, Hashable {
  public var span: Span
  /// The expectation as written.
  public var expectation: String
  /// What was found instead ("is ineligible", "left is 0 SGD, right is 500 SGD").
  public var actual: String
  /// The explanations of the decisions the expectation reads.
  public var explanations: [Explanation]
}

/// Runs the `test` declarations of a program: each builds one learner from its fixtures,
/// evaluates on its date and checks its expectations. No database is involved.
public struct PolicyTestRunner {
  public let program: CompiledProgram
  /// The date of tests without `as of`.
  public let today: CredenceValues.CivilDate
  public let options: EvaluationOptions
  /// Records the rules each test exercises, when coverage is asked for.
  public let coverage: CoverageRecorder?

  public init(
    program: CompiledProgram, today: CredenceValues.CivilDate,
    options: EvaluationOptions = EvaluationOptions(), coverage: CoverageRecorder? = nil
  ) {
    self.program = program
    self.today = today
    self.options = options
    self.coverage = coverage
  }

  /// Every test of the program, each example row separately, in declaration order.
  public func runAll() -> [PolicyTestOutcome] {
    program.checked.tests.flatMap(run)
  }

  /// One test: one outcome, or one per example row.
  public func run(_ test: CheckedTest) -> [PolicyTestOutcome] {
    if test.examples.isEmpty { return [run(test, row: nil)] }
    return test.examples.indices.map { run(test, row: $0) }
  }

  private func run(_ test: CheckedTest, row: Int?) -> PolicyTestOutcome {
    let machine = Machine(program: program, asOf: test.asOf ?? today, options: options)
    // A failing expectation is explained: the decisions keep what explanations show.
    machine.recordsExplanations = true
    machine.coverage = coverage
    let compiler = Compiler(program: program.checked)
    let span = row.map { test.examples[$0].span } ?? test.span
    func outcome(_ failures: [PolicyTestFailure]) -> PolicyTestOutcome {
      PolicyTestOutcome(description: test.description, row: row, span: span, failures: failures)
    }
    // Example values first (they are evaluated without columns).
    var columns: [(slot: Int, value: Value)] = []
    if let row {
      for (column, value) in zip(test.columns, test.examples[row].values) {
        let compiled = compiler.compile(value)
        let result =
          (try? machine.inFrame(test.localCount) { m throws(EvaluationFailure) in
            try compiled.code(m)
          }) ?? .unknown
        columns.append((column.slot.index, result))
      }
    }
    func bindColumns(_ m: Machine) {
      for (slot, value) in columns { m.setLocal(slot, value) }
    }
    let learner: (learner: Learner, facts: GivenFacts, catalogue: [Credential])
    do {
      learner = try machine.inFrame(test.localCount) { m throws(EvaluationFailure) in
        bindColumns(m)
        return try FixtureBuilder(compiler: compiler, machine: m).build(test.fixtures)
      }
    } catch {
      return outcome([
        PolicyTestFailure(
          span: error.span ?? span, expectation: "the fixtures",
          actual: machine.describe(error), explanations: [])
      ])
    }
    machine.reset(for: learner.learner, given: learner.facts)
    var failures: [PolicyTestFailure] = []
    for expectation in test.expectations {
      let compiled = compiler.compile(expectation.condition)
      do {
        let failure = try machine.inFrame(test.localCount) { m throws(EvaluationFailure) in
          bindColumns(m)
          return m.check(compiled, span: expectation.span)
        }
        if let failure { failures.append(failure) }
      } catch {
        failures.append(
          PolicyTestFailure(
            span: expectation.span,
            expectation: program.text(of: expectation.span) ?? "expectation",
            actual: machine.describe(error), explanations: []))
      }
    }
    for expectation in test.pathExpectations {
      // Read in the test's frame (columns bound) before the planner resets anything.
      let values = try? machine.inFrame(test.localCount) { m throws(EvaluationFailure) in
        bindColumns(m)
        let codes = try compiler.compile(expectation.codes).code(m)
        var credits: Value?
        if let goal = expectation.credits { credits = try compiler.compile(goal).code(m) }
        return (codes, credits)
      }
      if let failure = checkPath(
        expectation, codes: values?.0, credits: values?.1 ?? nil, learner: learner.learner,
        facts: learner.facts, catalogue: learner.catalogue, asOf: test.asOf ?? today)
      {
        failures.append(failure)
      }
    }
    coverage?.collect(from: machine)
    return outcome(failures)
  }
}

extension Machine {
  /// Nil when the expectation holds; otherwise what was found.
  func check(_ expectation: CompiledExpr, span: Span) -> PolicyTestFailure? {
    let written = program.text(of: span) ?? source(expectation)
    let value: Value
    do {
      value = try expectation.code(self)
    } catch {
      let explanations = sidePass { m in m.decisionExplanations(in: expectation) }
      return PolicyTestFailure(
        span: span, expectation: written, actual: "error: " + describe(error),
        explanations: explanations)
    }
    if case .bool(true) = value { return nil }
    // What was found is computed aside, so that explaining one expectation cannot change
    // what the next one finds.
    return sidePass { m in m.failure(of: expectation, value, written: written, span: span) }
  }

  /// A failed expectation's values, reasons and explanations (in a side pass).
  private func failure(of expectation: CompiledExpr, _ value: Value, written: String, span: Span)
    -> PolicyTestFailure
  {
    var actual = value.isUnknown ? "unknown" : "false"
    if let facts = expectationFacts(expectation) { actual += ": " + facts }
    if value.isUnknown {
      let reasons = unknownReasons(expectation)
      if !reasons.isEmpty { actual += " (" + reasons.joined(separator: "; ") + ")" }
    }
    return PolicyTestFailure(
      span: span, expectation: written, actual: actual,
      explanations: decisionExplanations(in: expectation))
  }

  /// The values on each side of a comparison, or the status found.
  private func expectationFacts(_ expr: CompiledExpr) -> String? {
    switch expr.expr.node {
    case .compare:
      guard expr.children.count == 2 else { return nil }
      let left = tryValue(expr.children[0]).map(describe) ?? "an error"
      let right = tryValue(expr.children[1]).map(describe) ?? "an error"
      return "`\(source(expr.children[0]))` is \(left), `\(source(expr.children[1]))` is \(right)"
    case .status:
      guard let child = expr.children.first, case .decision(let outcome)? = tryValue(child) else {
        return nil
      }
      return "it is \(outcome.status.rawValue)"
    default:
      return comparisonFacts(expr, holds: false)
    }
  }

  /// Explanations of the decisions an expression reads.
  func decisionExplanations(in expr: CompiledExpr) -> [Explanation] {
    var found: [Explanation] = []
    var seen = Set<String>()
    func visit(_ node: CompiledExpr) {
      switch node.expr.node {
      case .decision(let id):
        let key = "\(id)"
        if seen.insert(key).inserted { found.append(explain(id, outcome(of: id))) }
      case .claim(let fund, _):
        guard let child = node.children.first, case .text(let id)? = tryValue(child) else { return }
        let key = "\(fund)/\(id)"
        guard seen.insert(key).inserted else { return }
        if let index = learner.enrolments.firstIndex(where: { $0.id == id }) {
          found.append(
            explain(.fund(fund), claimOutcome(fund: fund.index, enrolment: index), enrolment: index)
          )
        } else {
          found.append(explain(.fund(fund), claimOutcome(fund: fund.index, enrolmentID: id)))
        }
      default:
        node.children.forEach(visit)
      }
    }
    visit(expr)
    return found
  }
}

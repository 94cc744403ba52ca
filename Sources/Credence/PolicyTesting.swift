import CredenceRuntime
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// `credence test` without the terminal: picks the tests a filter names, runs them, and
/// gathers the outcomes with their places in the policy files.
public enum PolicyTesting {
  /// Runs every test of `policies` (loaded with their tests checked: `.everything`) whose
  /// description or file path contains `filter` (all of them when `filter` is nil or empty),
  /// on `today` when a test has no `as of`.
  public static func run(
    _ policies: Policies, today: CredenceValues.CivilDate, filter: String? = nil,
    coverage: Bool = false
  ) -> PolicyTestRun {
    run(
      policies.program, sources: policies.checked.sources, today: today, filter: filter,
      coverage: coverage)
  }

  static func run(
    _ program: CompiledProgram, sources: SourceSet, today: CredenceValues.CivilDate,
    filter: String? = nil, coverage: Bool = false
  ) -> PolicyTestRun {
    let recorder = coverage ? CoverageRecorder() : nil
    let runner = PolicyTestRunner(program: program, today: today, coverage: recorder)
    var results: [PolicyTestResult] = []
    var filesRun: Set<FileID> = []
    for test in program.checkedTests {
      let path = sources[test.span.file]?.path ?? ""
      guard matches(test, path: path, filter: filter) else { continue }
      filesRun.insert(test.span.file)
      for outcome in runner.run(test) {
        results.append(PolicyTestResult(outcome, path: path, sources: sources))
      }
    }
    // Filtered, coverage covers the files whose tests ran; otherwise every file, so a file
    // without tests shows all its rules.
    let files = (filter ?? "").isEmpty ? nil : filesRun
    let report = recorder.map { recorder in
      CoverageReport(recorder.report(for: program), sources: sources, files: files)
    }
    return PolicyTestRun(results: results, coverage: report)
  }

  /// Whether the filter selects a test: a plain, case-sensitive substring of the test's
  /// description or of its file's path (docs/decisions.md, "credence test --filter").
  static func matches(_ test: CheckedTest, path: String, filter: String?) -> Bool {
    guard let filter, !filter.isEmpty else { return true }
    return test.description.contains(filter) || path.contains(filter)
  }
}

/// Every test run, in file and declaration order.
public struct PolicyTestRun: Sendable {
  public var results: [PolicyTestResult]
  /// With `--coverage`: the rules the tests run left unexercised.
  public var coverage: CoverageReport?

  public var passed: Int { results.count { $0.passed } }
  public var failed: Int { results.count { !$0.passed } }

  /// The last line of the human output: `N passed, M failed`.
  public var summary: String { "\(passed) passed, \(failed) failed" }
}

/// One test (or one example row) with where it is written.
public struct PolicyTestResult: Sendable {
  /// One expectation that did not hold, located.
  public struct Failure: Sendable {
    public var location: SourceLocation
    public var expectation: String
    public var actual: String
    public var explanations: [Explanation]
  }

  public var path: String
  public var description: String
  /// The example row, counted from 1; nil for a test without `examples`.
  public var row: Int?
  /// The test's (or the row's) place.
  public var location: SourceLocation
  public var failures: [Failure]

  public var passed: Bool { failures.isEmpty }

  /// The description with its row: `… (row 2)`.
  public var name: String { description + (row.map { " (row \($0))" } ?? "") }

  init(_ outcome: PolicyTestOutcome, path: String, sources: SourceSet) {
    func locate(_ span: Span) -> SourceLocation {
      sources[span.file]?.location(of: span.start) ?? SourceLocation(line: 1, column: 1)
    }
    self.path = path
    description = outcome.description
    row = outcome.row.map { $0 + 1 }
    location = locate(outcome.span)
    failures = outcome.failures.map {
      Failure(
        location: locate($0.span), expectation: Self.withoutKeyword($0.expectation),
        actual: $0.actual, explanations: $0.explanations)
    }
  }

  /// `expect x is eligible` → `x is eligible`: the expectation as a value.
  static func withoutKeyword(_ text: String) -> String {
    text.hasPrefix("expect ") ? String(text.dropFirst("expect ".count)) : text
  }
}

/// The coverage of a test run, located for printing.
public struct CoverageReport: Sendable {
  /// A rule no test exercised.
  public struct Gap: Sendable {
    public var path: String
    public var location: SourceLocation
    public var item: PolicyCoverage.Item

    /// `path:line:column: fund grant: condition "aged 40 and above": no test where it fails`
    /// (a rule without `because` is quoted in backquotes).
    public var line: String {
      "\(path):\(location.line):\(location.column): \(item.owner): \(item.kind.rawValue) "
        + "\(item.text): \(item.gap ?? "exercised")"
    }
  }

  /// How many rules the program has, and how many the tests exercised.
  public var rules: Int
  public var exercised: Int
  public var gaps: [Gap]

  /// `coverage: 240 of 252 rules exercised`.
  public var summary: String { "coverage: \(exercised) of \(rules) rules exercised" }

  /// The rules of `files` (all files when nil).
  init(_ coverage: PolicyCoverage, sources: SourceSet, files: Set<FileID>?) {
    let items = coverage.items.filter { files?.contains($0.span.file) ?? true }
    rules = items.count
    let unexercised = items.filter { !$0.exercised }
    exercised = rules - unexercised.count
    gaps = unexercised.map { item in
      let file = sources[item.span.file]
      return Gap(
        path: file?.path ?? "",
        location: file?.location(of: item.span.start) ?? SourceLocation(line: 1, column: 1),
        item: item)
    }
  }
}

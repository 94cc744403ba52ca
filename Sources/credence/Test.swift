import ArgumentParser
import Credence
import Foundation

extension PolicyTestFormat: ExpressibleByArgument {}

/// `credence test PATH…`: run the `test` blocks of policies.
struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run the tests written in policy files.",
    discussion: """
      Checks the policies as `credence check` does, then runs every `test` (each row of an \
      `examples` table counts as one test). Human output lists each failing test with its \
      place, what was expected, what was found and the explanations of the decisions it \
      reads; its last line is `N passed, M failed`. Tests without `as of` run on --today \
      (default: the local date). --coverage lists, before that last line, the rules no \
      test exercised (docs/language.md, "Running tests").

      Exit status: 0 when every test passed; 1 when a test failed; 65 when the policies \
      have errors; 64 for wrong options; 66 when a path does not exist; 74 on a read error.
      """
  )

  @Argument(help: "Policy files or folders (searched recursively for *.credence).")
  var paths: [String]

  @Option(help: "Run only tests whose description or file path contains this text.")
  var filter: String?

  @Option(help: "Output format: human, json or junit (JUnit XML for CI).")
  var format: PolicyTestFormat = .human

  @Option(help: "The date of tests without `as of`, YYYY-MM-DD (default: today).")
  var today: String?

  @Flag(
    help:
      "Also list the rules (decisions, conditions, requirements, table rows, equivalence rules, caps) no test exercised."
  )
  var coverage = false

  func validate() throws {
    if let today, CivilDate(parsing: today) == nil {
      throw ValidationError("`\(today)` is not a date: write it as YYYY-MM-DD")
    }
  }

  func run() throws {
    let date = today.flatMap { CivilDate(parsing: $0) } ?? Eval.today()
    let policies = try Self.load(paths)
    let run = PolicyTesting.run(policies, today: date, filter: filter, coverage: coverage)
    Terminal.write(PolicyTestReport.render(run, format: format))
    // JUnit has no place for coverage: it goes to standard error, as in human output.
    if format == .junit, let report = run.coverage {
      Terminal.writeError(PolicyTestReport.human(report))
    }
    if let filter, run.results.isEmpty {
      Terminal.printError("warning: no test matches `\(filter)` (in a description or a path)")
    }
    if run.failed > 0 { throw ExitStatus.failure.exitCode }
  }

  /// Loads and checks the policies; diagnostics (warnings too) go to standard error, so
  /// standard output stays the report.
  static func load(_ paths: [String]) throws -> Policies {
    let result: CheckResult
    do {
      result = try FrontEnd.check(paths: paths)
    } catch {
      let status: ExitStatus =
        switch error {
        case .noSuchPath, .noPolicyFiles: .noInput
        case .unreadable: .ioError
        }
      Terminal.printError("error[\(error.code)]: \(error.message)")
      throw status.exitCode
    }
    if !result.diagnostics.isEmpty || !result.omittedErrors.isEmpty {
      let renderer = DiagnosticRenderer(format: .human, colour: Terminal.colourOnStandardError)
      Terminal.writeError(
        renderer.render(
          result.diagnostics, sources: result.sources, omittedErrors: result.omittedErrors))
    }
    do {
      return try Policies.compile(result)
    } catch {
      Terminal.printError(
        "error: the policies have errors; fix them first (`credence check` lists them)")
      throw ExitStatus.dataError.exitCode
    }
  }
}

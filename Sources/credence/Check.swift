import ArgumentParser
import Credence
import Foundation

extension DiagnosticRenderer.Format: ExpressibleByArgument {}

/// `credence check PATH…`: parse and check policies without running them.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check policy files for errors without evaluating them.",
    discussion: """
      Exit status: 0 when the policies are clean (warnings allowed, unless \
      --warnings-as-errors), 65 when they have errors, 66 when a path does not exist.
      """
  )

  @Argument(help: "Policy files or folders (searched recursively for *.credence).")
  var paths: [String]

  @Option(help: "How to print diagnostics: human, plain or json.")
  var errorFormat: DiagnosticRenderer.Format = .human

  @Flag(help: "Fail (exit status 65) on warnings too, as continuous integration wants.")
  var warningsAsErrors = false

  func run() throws {
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
    let renderer = DiagnosticRenderer(format: errorFormat, colour: Terminal.colourOnStandardOutput)
    var output = renderer.render(
      result.diagnostics, sources: result.sources, omittedErrors: result.omittedErrors)
    if errorFormat == .human {
      output += Check.summary(result)
    }
    Terminal.write(output)
    ExitCleanup.skipFreeing(result)
    if result.hasErrors || (warningsAsErrors && result.warningCount > 0) {
      throw ExitStatus.dataError.exitCode
    }
  }

  /// "checked 4 files: 2 errors, 1 warning".
  static func summary(_ result: CheckResult) -> String {
    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    var parts: [String] = []
    if result.errorCount > 0 { parts.append(count(result.errorCount, "error")) }
    if result.warningCount > 0 { parts.append(count(result.warningCount, "warning")) }
    let found = parts.isEmpty ? "no problems found" : parts.joined(separator: ", ")
    return "checked \(count(result.sources.files.count, "file")): \(found)\n"
  }
}

/// Memory the process leaves to the operating system.
enum ExitCleanup {
  /// Keeps `value` alive until the process exits. A command that ends right after calling
  /// this skips freeing what it built: for a 1 MB program, freeing the trees and the checked
  /// program node by node took 7% of `credence check` (docs/performance.md).
  static func skipFreeing<T>(_ value: T) {
    _ = Unmanaged.passRetained(Kept(value))
  }

  private final class Kept<T> {
    let value: T
    init(_ value: T) { self.value = value }
  }
}

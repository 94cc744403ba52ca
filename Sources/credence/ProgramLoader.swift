import ArgumentParser
import Credence
import CredenceRuntime
import CredenceSyntax
import Foundation

/// Loading policies for a command that evaluates them (`path`): checked without their
/// tests, as `eval` does; errors go to standard error with the exit status they call for.
enum ProgramLoader {
  static func load(_ paths: [String]) throws -> CompiledProgram {
    let result: CheckResult
    do {
      result = try FrontEnd.check(paths: paths, scope: .withoutTests)
    } catch {
      let status: ExitStatus =
        switch error {
        case .noSuchPath, .noPolicyFiles: .noInput
        case .unreadable: .ioError
        }
      Terminal.printError("error[\(error.code)]: \(error.message)")
      throw status.exitCode
    }
    guard !result.hasErrors, let program = Evaluation.compile(result) else {
      let renderer = DiagnosticRenderer(format: .human, colour: false)
      FileHandle.standardError.write(
        Data(
          renderer.render(
            result.diagnostics.filter(\.isError), sources: result.sources,
            omittedErrors: result.omittedErrors
          ).utf8))
      Terminal.printError(
        "error: the policies have errors; fix them first (`credence check` lists them)")
      throw ExitStatus.dataError.exitCode
    }
    return program
  }
}

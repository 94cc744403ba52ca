import Credence
import Foundation

/// Loading policies for a command that evaluates them (`eval`, `path`): checked without
/// their tests (checking them is `credence check`'s and `credence test`'s:
/// docs/decisions.md); errors go to standard error with the exit status they call for.
enum PolicyLoading {
  static func load(_ paths: [String], scope: CheckScope = .withoutTests) throws -> Policies {
    let policies: Policies
    do {
      policies = try Policies.load(paths: paths, scope: scope)
    } catch {
      Terminal.writeError(error.rendered)
      switch error {
      case .unreadable(let failure):
        throw (failure.isMissing ? ExitStatus.noInput : ExitStatus.ioError).exitCode
      case .invalid:
        Terminal.printError(
          "error: the policies have errors; fix them first (`credence check` lists them)")
        throw ExitStatus.dataError.exitCode
      }
    }
    // The process ends right after the results are written: the OS reclaims the program
    // and its trees, which freeing node by node would spend time on (`ExitCleanup`).
    ExitCleanup.skipFreeing(policies)
    return policies
  }
}

import ArgumentParser
import CredenceStore
import Foundation

/// Shared by the `db` subcommands: how store errors reach the terminal and the exit status.
enum DBSupport {
  /// Prints `error: …` (and its help) to standard error and returns the matching exit code.
  static func report(_ error: StoreError) -> ExitCode {
    Terminal.printError("error: \(error.description)")
    return status(for: error.category).exitCode
  }

  static func status(for category: StoreError.Category) -> ExitStatus {
    switch category {
    case .noSuchStore, .unreadableInput: .noInput
    case .notAStore, .newerStore, .needsUpgrade, .contract, .invalidInput: .dataError
    case .database: .ioError
    }
  }

  /// Runs `body`, turning a store error into a message and an exit code.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as StoreError {
      throw report(error)
    }
  }
}

import ArgumentParser
import CredenceLanguageServer
import Foundation

/// `credence lsp`: the language server for editors, over standard input and output.
struct Lsp: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server (Language Server Protocol over stdin and stdout).",
    discussion: """
      Editors start this command themselves (see the README). The server checks every \
      *.credence file of the workspace folder as you type, with the codes and messages of \
      `credence check`.
      """
  )

  func run() throws {
    // Every response through the sink: an output that cannot be written exits 74.
    let status = LanguageServer.run(writingThrough: { Terminal.write(bytes: $0) })
    if status != 0 { throw ExitCode(status) }
  }
}

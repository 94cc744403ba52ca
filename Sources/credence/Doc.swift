import ArgumentParser
import Credence

/// `credence doc PATH…`: a Markdown reference of policies for the people who apply them.
struct Doc: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doc",
    abstract: "Write a Markdown reference of policy files.",
    discussion: """
      Checks the policies as `credence check` does, then writes, per policy file, its \
      header, decisions (with their conditions and `because` texts), parameters with their \
      dated values, facts and documented definitions, each with its `##` documentation. \
      Exit status: 0 on success; 65 when the policies have errors; 66 when a path does not \
      exist; 74 on a read error.
      """
  )

  @Argument(help: "Policy files or folders (searched recursively for *.credence).")
  var paths: [String]

  func run() throws {
    // Loading is the same as for `credence test`: diagnostics to standard error, so standard
    // output stays the reference.
    Terminal.write(PolicyReference(try Test.load(paths)).markdown())
  }
}

import Foundation
import Testing

/// The README's REPL session is what `credence repl` prints for those inputs.
@Suite struct ReplReadmeTests {
  /// The README block under "## The REPL" that shows a session: lines after a prompt are
  /// typed, the others printed.
  static func session() throws -> (inputs: [String], output: String) {
    let readme = try String(
      contentsOf: EvalFixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let section = readme.range(of: "## The REPL\n") else { return ([], "") }
    let rest = readme[section.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    let parts = rest[..<end].components(separatedBy: "```")
    guard
      let block = stride(from: 1, to: parts.count, by: 2).map({ parts[$0] })
        .first(where: { $0.hasPrefix("\n") && $0.contains("credence> ") })
    else { return ([], "") }
    var inputs: [String] = []
    var output = ""
    for line in block.dropFirst().split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast()
    {
      if line.hasPrefix("credence> ") {
        inputs.append(String(line.dropFirst("credence> ".count)))
      } else if line.hasPrefix("     ...> ") {
        inputs.append(String(line.dropFirst("     ...> ".count)))
      } else {
        output += line + "\n"
      }
    }
    return (inputs, output)
  }

  @Test func theSessionIsWhatTheREPLPrints() throws {
    let (inputs, expected) = try Self.session()
    #expect(inputs.contains(":learner L0000002"))
    #expect(inputs.contains { $0.hasPrefix(":why ") })
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "20", "--seed", "1"]).status == 0)
    let script = try dir.write("session.txt", inputs.joined(separator: "\n") + "\n")
    let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path
    let process = Process()
    process.executableURL = DBCommand.executable
    process.arguments = ["repl", policies, "--db", store, "--as-of", "2026-06-30"]
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: script))
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let printed = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(
      printed.hasSuffix(expected), "README session differs from what the REPL prints:\n\(printed)")
  }
}

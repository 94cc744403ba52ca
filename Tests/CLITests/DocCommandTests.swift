import Foundation
import Testing

/// `credence doc`: the Markdown reference of policies, as a reader of policies sees it.
@Suite struct DocCommandTests {
  static let golden = EvalFixtures.packageRoot.appendingPathComponent("Tests/CLITests/Golden/doc")

  @Test("the reference of the eval fixtures matches its golden file")
  func referenceOfTheFixtures() throws {
    let outcome = try DBCommand.run(["doc", "policies"], in: EvalFixtures.folder)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let file = Self.golden.appendingPathComponent("fixtures.md")
    if ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1" {
      try Data(outcome.standardOutput.utf8).write(to: file)
      return
    }
    let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    #expect(
      outcome.standardOutput == expected,
      "fixtures.md differs; re-record with CREDENCE_RECORD_GOLDEN=1 and review the diff")
  }

  @Test("every decision, param and fact of the library is in its reference")
  func libraryIsComplete() throws {
    let outcome = try DBCommand.run(["doc", "policies"], in: EvalFixtures.packageRoot)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let text = outcome.standardOutput
    let sources = try FileManager.default.subpathsOfDirectory(
      atPath: EvalFixtures.packageRoot.appendingPathComponent("policies").path
    ).filter { $0.hasSuffix(".credence") }
    #expect(sources.count > 20)
    var declared = 0
    for path in sources {
      let url = EvalFixtures.packageRoot.appendingPathComponent("policies/" + path)
      for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
        let words = line.split(separator: " ")
        guard words.count > 1, ["stack", "fund", "equivalence", "param", "fact"].contains(words[0])
        else { continue }
        let name = words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        declared += 1
        #expect(text.contains("`\(name)`"), "\(name) (\(path)) is missing from the reference")
      }
    }
    #expect(declared > 100)
  }

  @Test("policies with errors give the located errors and exit 65, nothing on standard output")
  func errorsAreReported() throws {
    try CheckCommandTests.withFolder(["bad.credence": "policy \"Bad\"\nlet a = (1 +\n"]) { dir in
      let outcome = try DBCommand.run(["doc", "bad.credence"], in: dir)
      #expect(outcome.status == 65)
      #expect(outcome.standardOutput.isEmpty)
      #expect(outcome.standardError.contains("--> bad.credence:2:13"))
    }
  }
}

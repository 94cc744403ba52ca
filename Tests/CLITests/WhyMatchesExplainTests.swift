import Foundation
import Testing

/// One renderer for explanations (`ExplanationText`): the REPL's `:why` prints, line for
/// line, what `eval --explain` prints for the same learner and decision, over the whole
/// policy library (the rule as written, `k >= 0`, never "a condition"), a stack's cheapest
/// completion included. The eval side is a golden file, so a change to either the text or
/// the agreement shows up in review.
@Suite struct WhyMatchesExplainTests {
  static let learners = 8
  static let asOf = "2026-06-30"

  @Test func theREPLsWhyPrintsWhatEvalExplainPrintsForTheWholeLibrary() throws {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    let made = try DBCommand.run([
      "db", "sample", store, "--learners", "\(Self.learners)", "--seed", "1",
    ])
    #expect(made.status == 0, "\(made.standardError)")
    let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path

    // Learners named one by one, as `:learner` picks them: a stack not achieved then names
    // its cheapest completion in both (`eval --all` leaves that search to `path --all`).
    let ids = (1...Self.learners).map { String(format: "L%07d", $0) }
    let explained = try DBCommand.run(
      ["eval", policies, "--db", store, "--as-of", Self.asOf, "--explain"]
        + ids.flatMap { ["--learner", $0] })
    #expect(explained.status == 0, "\(explained.standardError)")
    try EvalFixtures.expectGolden(explained.standardOutput, "library-explained.txt")

    // The decisions in the order eval gives them (each once, per-enrolment funds too).
    let csv = try DBCommand.run([
      "eval", policies, "--db", store, "--learner", "L0000001", "--as-of", Self.asOf,
      "--format", "csv",
    ])
    var decisions: [String] = []
    for line in csv.standardOutput.split(separator: "\n").dropFirst() {
      let name = String(line.split(separator: ",", omittingEmptySubsequences: false)[1])
      if decisions.last != name { decisions.append(name) }
    }
    #expect(decisions.count > 20, "the library's decisions: \(decisions)")

    // The REPL, scripted: each learner, then `:why` for every decision in eval's order.
    var script = ""
    for id in ids {
      script += ":learner \(id)\n"
      for decision in decisions { script += ":why \(decision)\n" }
    }
    let input = try dir.write("session.txt", script)
    let process = Process()
    process.executableURL = DBCommand.executable
    process.arguments = ["repl", policies, "--db", store, "--as-of", Self.asOf]
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let printed = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    // eval's blocks with their two-space indent taken off and the blank line between
    // learners left out are the REPL's lines after its "loaded" line.
    var expected: [Substring] = []
    for line in explained.standardOutput.split(separator: "\n") {
      expected.append(line.hasPrefix("  ") ? line.dropFirst(2) : line)
    }
    let repl = printed.split(separator: "\n").drop { !$0.hasPrefix("learner ") }
    #expect(!repl.isEmpty, "the REPL printed no learner:\n\(printed.prefix(2000))")
    let pairs = zip(expected, repl).enumerated().filter { $0.element.0 != $0.element.1 }
    #expect(
      Array(repl) == expected,
      "first differences (line, eval, :why): \(pairs.prefix(5).map { ($0.offset, $0.element.0, $0.element.1) })"
    )
  }
}

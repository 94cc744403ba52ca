import Foundation
import Testing

/// `credence repl --db` on a real store, scripted through standard input: `:learners`,
/// `:learner ID` and `:what-if` read SQLite through the executable's adapters.
@Suite struct ReplStoreTests {
  @Test func learnersListingAndWhatIfReadTheStore() throws {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "20", "--seed", "1"]).status == 0)
    let script = try dir.write(
      "session.txt",
      """
      :learners
      :learners L000001
      :learners Q
      :learner L0000099
      :learner L0000002
      :what-if +award IS5003:2026-01-10:A
      :learner given learner { id: "Ann" }
      learner.id

      """)
    let policies = [
      "common/nus-grades.credence", "common/award-validity.credence",
      "stacking/nus-soc-graduate-certificate.credence",
    ]
    .map { EvalFixtures.packageRoot.appendingPathComponent("policies/" + $0).path }
    let process = Process()
    process.executableURL = DBCommand.executable
    process.arguments = ["repl"] + policies + ["--db", store, "--as-of", "2026-06-30"]
    process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: script))
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let printed = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let expected = [
      "L0000001\nL0000002\n", "(20 learners)\n",
      (10...19).map { "L00000\($0)\n" }.joined() + "(10 learners starting with `L000001`)\n",
      "no learners starting with `Q`\n",
      "error: no learner `L0000099` in the database; `:learners` lists them\n",
      "learner L0000002\n",
      "what if learner L0000002 also had IS5003 (2026-01-10, grade A):\n",
      "learner Ann (inline, 0 awards)\n\"Ann\" : Text\n",
    ]
    var rest = printed[...]
    for part in expected {
      guard let found = rest.range(of: part) else {
        Issue.record("`\(part)` is missing (or out of order) in:\n\(printed)")
        return
      }
      rest = rest[found.upperBound...]
    }
  }
}

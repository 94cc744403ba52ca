import Testing

@testable import credence

/// `Eval.quickParse` reads the common `eval` command lines exactly as the argument parser
/// does, and leaves everything else to it.
@Suite struct EvalQuickParseTests {
  static let accepted: [[String]] = [
    ["eval", "policies", "--db", "s.db", "--learner", "L1"],
    [
      "eval", "--db", "s.db", "a", "--learner", "L1", "b", "--learner", "L2", "--as-of",
      "2026-03-01",
    ],
    [
      "eval", "p", "--db", "s.db", "--all", "--format", "csv", "--decision", "x", "--decision", "y",
    ],
    ["eval", "p", "--db", "s.db", "--learner", "L1", "--explain", "--format", "json"],
    [
      "eval", "p", "--db", "s.db", "--learner", "L1", "--what-if", "--with-award", "C:2026-01-01",
      "--with-award", "D",
    ],
  ]

  static let refused: [[String]] = [
    ["check", "p"], ["eval", "--help"], ["eval", "-h"], ["eval", "help"], ["eval", "--version"],
    ["eval", "p", "--db=s.db", "--learner", "L1"], ["eval", "p", "--db", "s.db", "--", "L1"],
    ["eval", "p", "--db", "a.db", "--db", "b.db", "--all"],
    ["eval", "p", "--db", "s.db", "--all", "--all"],
    ["eval", "p", "--db", "--learner", "L1"], ["eval", "p", "--db", "s.db", "--learner"],
    ["eval", "--db", "s.db", "--learner", "L1"], ["eval", "p", "--learner", "L1"],
    ["eval", "p", "--db", "s.db", "--learner", "L1", "--format", "xml"],
    ["eval", "p", "--db", "s.db", "--learner", "L1", "--all"],
    ["eval", "p", "--db", "s.db", "--learner", "L1", "--as-of", "tomorrow"],
    ["eval", "p", "--db", "s.db", "--learner", "L1", "--with-award", "C"],
    ["eval", "p", "--db", "s.db", "--learner", "L1", "--unknown"],
    ["eval", "p", "--db", "s.db", "--learner", "-L1"],
  ]

  @Test(arguments: accepted)
  func readsAsTheArgumentParserDoes(_ arguments: [String]) throws {
    let quick = try #require(Eval.quickParse(arguments))
    let full = try #require(try CredenceCommand.parseAsRoot(arguments) as? Eval)
    #expect(quick.paths == full.paths)
    #expect(quick.db == full.db)
    #expect(quick.learners == full.learners)
    #expect(quick.all == full.all)
    #expect(quick.asOf == full.asOf)
    #expect(quick.decisions == full.decisions)
    #expect(quick.explain == full.explain)
    #expect(quick.format == full.format)
    #expect(quick.whatIf == full.whatIf)
    #expect(quick.withAwards == full.withAwards)
  }

  @Test(arguments: refused)
  func leavesEverythingElseToTheArgumentParser(_ arguments: [String]) {
    #expect(Eval.quickParse(arguments) == nil)
  }
}

import Foundation
import Testing

/// `credence eval`, run as a user would: the built binary on a store made from CSV fixtures.
@Suite struct EvalCommandTests {
  static let date = ["--as-of", "2026-06-30"]

  @Test(arguments: ["table", "json", "ndjson", "csv"])
  func explainedResultsInEveryFormat(format: String) throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let outcome = try EvalFixtures.eval(
      store, ["--all", "--explain", "--format", format] + Self.date)
    // One decision fails (a division by zero), so the batch ends with status 65.
    #expect(outcome.status == 65)
    #expect(outcome.standardError.contains("1 learner has decisions that could not be made"))
    let suffix = format == "table" ? "txt" : format
    try EvalFixtures.expectGolden(outcome.standardOutput, "explained.\(suffix)")
  }

  @Test(arguments: ["table", "json", "ndjson", "csv"])
  func resultsWithoutExplanations(format: String) throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let outcome = try EvalFixtures.eval(store, ["--all", "--format", format] + Self.date)
    #expect(outcome.status == 65)
    let suffix = format == "table" ? "txt" : format
    try EvalFixtures.expectGolden(outcome.standardOutput, "results.\(suffix)")
  }

  @Test func csvHasOneRowPerLearnerAndDecision() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let outcome = try EvalFixtures.eval(
      store,
      ["--all", "--format", "csv", "--decision", "learning_credit", "--decision", "cyber"]
        + Self.date)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let rows = outcome.standardOutput.split(separator: "\n").map(String.init)
    #expect(rows.first?.hasPrefix("learner,decision,enrolment,status,amount,currency") == true)
    #expect(
      rows.dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",")
      }
        == [
          "L1,learning_credit,,eligible", "L1,cyber,,achieved",
          "L2,learning_credit,,undetermined", "L2,cyber,,undetermined",
          "L3,learning_credit,,ineligible", "L3,cyber,,not achieved",
        ])
  }

  @Test func chosenLearnersInTheOrderGiven() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let outcome = try EvalFixtures.eval(
      store,
      ["--learner", "L3", "--learner", "L1", "--decision", "learning_credit", "--format", "ndjson"]
        + Self.date)
    #expect(outcome.status == 0)
    let learners = outcome.standardOutput.split(separator: "\n").map {
      $0.contains("\"learner\":\"L3\"") ? "L3" : "L1"
    }
    #expect(learners == ["L3", "L1"])
    // A learner named twice is evaluated once, where it is first named.
    let twice = try EvalFixtures.eval(
      store,
      ["--learner", "L3", "--learner", "L1", "--learner", "L3", "--decision", "learning_credit"]
        + ["--format", "ndjson"] + Self.date)
    #expect(twice.standardOutput == outcome.standardOutput)
  }

  @Test func theEvaluationDateDecides() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let before = try EvalFixtures.eval(
      store,
      ["--learner", "L1", "--decision", "future_grant", "--format", "csv", "--as-of", "2026-12-31"])
    let after = try EvalFixtures.eval(
      store,
      ["--learner", "L1", "--decision", "future_grant", "--format", "csv", "--as-of", "2027-01-01"])
    #expect(before.standardOutput.contains("L1,future_grant,,not in effect"))
    #expect(after.standardOutput.contains("L1,future_grant,,eligible,300,SGD"))
  }

  @Test func whatIfShowsWhatAnAwardChanges() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let outcome = try EvalFixtures.eval(
      store,
      [
        "--learner", "L3", "--what-if", "--with-award", "CYB102:2026-06-01:A", "--with-award",
        "CYB103::B",
      ] + Self.date)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    try EvalFixtures.expectGolden(outcome.standardOutput, "what-if.txt")
    let json = try EvalFixtures.eval(
      store,
      [
        "--learner", "L3", "--what-if", "--with-award", "CYB102:2026-06-01:A", "--with-award",
        "CYB103::B", "--format", "json",
      ] + Self.date)
    try EvalFixtures.expectGolden(json.standardOutput, "what-if.json")
  }

  @Test func aMissingLearnerIsReportedAndTheOthersEvaluated() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let outcome = try EvalFixtures.eval(
      store,
      ["--learner", "L9", "--learner", "L1", "--decision", "cyber", "--format", "csv"] + Self.date)
    #expect(outcome.status == 65)
    #expect(outcome.standardError.contains("no learner `L9`"))
    #expect(outcome.standardOutput.contains("L1,cyber,,achieved"))
  }

  @Test func usageErrorsExit64() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let cases: [[String]] = [
      [],
      ["--all", "--learner", "L1"],
      ["--all", "--as-of", "2026-02-30"],
      ["--learner", "L1", "--what-if"],
      ["--all", "--what-if", "--with-award", "CYB101"],
      ["--learner", "L1", "--with-award", "CYB101"],
      ["--learner", "L1", "--what-if", "--with-award", "CYB101:soon"],
      ["--learner", "L1", "--format", "xml"],
    ]
    for arguments in cases {
      let outcome = try EvalFixtures.eval(store, arguments)
      #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
    }
    let misspelt = try EvalFixtures.eval(store, ["--all", "--decision", "learning_credti"])
    #expect(misspelt.status == 64)
    #expect(
      misspelt.standardError
        == "error: no decision named `learning_credti` in these policies; did you mean `learning_credit`?\n"
    )
  }

  @Test func missingInputsExit66AndBrokenPoliciesExit65() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let noStore = try EvalFixtures.eval(dir.path("nope.db"), ["--all"])
    #expect(noStore.status == 66)
    let noPolicies = try DBCommand.run(["eval", "nope", "--db", store, "--all"], in: dir.url)
    #expect(noPolicies.status == 66)
    try dir.write("broken.credence", "policy \"broken\"\nlet a = 1 + \"x\"\n")
    let broken = try DBCommand.run(
      ["eval", "broken.credence", "--db", store, "--all"], in: dir.url)
    #expect(broken.status == 65)
    #expect(broken.standardError.contains("broken.credence:2:"))
    #expect(broken.standardOutput.isEmpty)
  }
}

/// A learner whose records break the contract gets `error` results naming the row; the
/// batch goes on.
@Suite struct EvalContractErrorTests {
  @Test func aBrokenRowFailsOnlyItsLearner() throws {
    let (dir, store) = try EvalFixtures.store()
    defer { _ = dir }
    let update = Process()
    update.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    update.arguments = [
      "sqlite3", store,
      "UPDATE awards SET awarded_on = '2025-02-30' WHERE id = 'A9'; "
        + "UPDATE learner_facts SET value = value WHERE 0;",
    ]
    try update.run()
    update.waitUntilExit()
    #expect(update.terminationStatus == 0)
    let outcome = try EvalFixtures.eval(
      store, ["--all", "--decision", "learning_credit", "--format", "csv", "--as-of", "2026-06-30"])
    #expect(outcome.status == 65)
    #expect(outcome.standardError.contains("1 learner has decisions that could not be made"))
    let rows = outcome.standardOutput.split(separator: "\n").dropFirst().map(String.init)
    #expect(rows.count == 3)
    #expect(rows[0].hasPrefix("L1,learning_credit,,eligible,"))
    #expect(
      rows[1]
        == "L2,learning_credit,,error,,,,,,,,\"`awards` row `A9`, column `awarded_on`: "
        + "not a date (expected YYYY-MM-DD)\"")
    #expect(rows[2].hasPrefix("L3,learning_credit,,ineligible,"))
  }
}

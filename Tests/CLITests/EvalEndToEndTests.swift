import Foundation
import Testing

/// `credence db sample` → `credence eval --all --format csv`, checked against the same
/// decisions computed independently with hand-written SQL over the same file (sqlite3 CLI).
@Suite struct EvalEndToEndTests {
  static let asOf = "2025-06-30"
  static let policies = EvalFixtures.packageRoot
    .appendingPathComponent("Tests/CLITests/Fixtures/e2e/sample-checks.credence").path

  /// `sqlite3 -separator , DB QUERY`, rows as arrays of fields.
  static func sql(_ database: String, _ query: String) throws -> [[String]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", "-separator", ",", database, query]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// The opening credit: Kleene `and` of citizenship and age by year of birth.
  static let openingCredit = """
    SELECT id,
      CASE WHEN citizenship IS NOT NULL AND citizenship <> 'SG' THEN 'ineligible'
           WHEN birth_date IS NOT NULL
                AND 2025 - CAST(substr(birth_date, 1, 4) AS INTEGER) < 25 THEN 'ineligible'
           WHEN citizenship IS NULL OR birth_date IS NULL THEN 'undetermined'
           ELSE 'eligible' END AS status
    FROM learners ORDER BY id;
    """

  /// The top-up balance on a date before any top-up expires: the sample posts one top-up
  /// grant, so the balance is the grant less the claims posted on or after its day, floored
  /// at zero (a claim before the grant, or beyond what it holds, is not a debt). `amount` is
  /// an integer or a decimal text; `+ 0` makes either a number to compare.
  static let topUpBalance = """
    WITH posted AS (
      SELECT l.id AS id, f.amount + 0 AS amount, f.posted_on AS posted_on
      FROM learners l
      LEFT JOIN funding_ledger f
        ON f.learner_id = l.id AND f.scheme = 'sfc-top-up-2020' AND f.posted_on <= '2025-06-30'),
    grants AS (
      SELECT id, COALESCE(SUM(CASE WHEN amount > 0 THEN amount END), 0) AS granted,
             MIN(CASE WHEN amount > 0 THEN posted_on END) AS granted_on
      FROM posted GROUP BY id),
    balances AS (
      SELECT g.id AS id, MAX(0, g.granted - COALESCE((
        SELECT SUM(-r.amount) FROM posted r
        WHERE r.id = g.id AND r.amount < 0 AND r.posted_on >= g.granted_on), 0)) AS remaining
      FROM grants g)
    SELECT id, CASE WHEN remaining > 0 THEN 'eligible' ELSE 'ineligible' END,
           CASE WHEN remaining > 0 THEN remaining ELSE 0 END,
           CASE WHEN remaining > 0 THEN 'SGD' ELSE '' END
    FROM balances ORDER BY id;
    """

  /// Three distinct micro-credentials with 10 credits: a total over the pool.
  static let threeMicro = """
    WITH pool AS (
      SELECT DISTINCT a.learner_id, c.code, c.credits
      FROM awards a JOIN credentials c ON c.code = a.credential_code
      WHERE a.status = 'valid' AND c.type = 'micro-credential' AND a.awarded_on <= '2025-06-30')
    SELECT l.id,
      CASE WHEN COUNT(p.code) < 3 THEN 'not achieved'
           WHEN COALESCE(SUM(p.credits), 0) >= 10 THEN 'achieved'
           WHEN SUM(p.code IS NOT NULL AND p.credits IS NULL) > 0 THEN 'undetermined'
           ELSE 'not achieved' END
    FROM learners l LEFT JOIN pool p ON p.learner_id = l.id
    GROUP BY l.id ORDER BY l.id;
    """

  @Test func evalAgreesWithHandWrittenSQL() throws {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    let sample = try DBCommand.run(["db", "sample", store, "--learners", "3000", "--seed", "7"])
    #expect(sample.status == 0, "\(sample.standardError)")
    let eval = try DBCommand.run(
      ["eval", Self.policies, "--db", store, "--all", "--format", "csv", "--as-of", Self.asOf])
    #expect(eval.status == 0, "\(eval.standardError)")

    // learner,decision,enrolment,status,amount,currency,…
    var results: [String: [String: [String]]] = [:]
    var order: [String] = []
    for line in eval.standardOutput.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if results[fields[0]] == nil { order.append(fields[0]) }
      results[fields[0], default: [:]][fields[1]] = fields
    }

    let opening = try Self.sql(store, Self.openingCredit)
    #expect(opening.count == 3000)
    #expect(order == opening.map { $0[0] }, "learners in learner-id order")
    var statuses: [String: Int] = [:]
    for row in opening {
      let got = results[row[0]]?["opening_credit"] ?? []
      #expect(got.count > 5 && got[3] == row[1], "opening_credit for \(row[0]): \(got) vs \(row)")
      let amount: [String] =
        switch row[1] {
        case "eligible": ["500", "SGD"]
        case "ineligible": ["0", "SGD"]
        default: ["", ""]
        }
      #expect(Array(got[4...5]) == amount, "opening_credit amount for \(row[0])")
      statuses[row[1], default: 0] += 1
    }
    // The sample covers every outcome, so the comparison means something.
    #expect(Set(statuses.keys) == ["eligible", "ineligible", "undetermined"])

    let balances = try Self.sql(store, Self.topUpBalance)
    #expect(balances.count == 3000)
    var eligible = 0
    for row in balances {
      let got = results[row[0]]?["top_up_balance"] ?? []
      #expect(
        got.count > 5 && Array(got[3...5]) == Array(row[1...3]),
        "top_up_balance for \(row[0]): \(got) vs \(row)")
      if row[1] == "eligible" { eligible += 1 }
    }
    #expect(eligible > 100)

    let stacks = try Self.sql(store, Self.threeMicro)
    var stackStatuses: [String: Int] = [:]
    for row in stacks {
      let got = results[row[0]]?["three_micro"] ?? []
      #expect(got.count > 3 && got[3] == row[1], "three_micro for \(row[0]): \(got) vs \(row)")
      stackStatuses[row[1], default: 0] += 1
    }
    #expect(stackStatuses["achieved", default: 0] > 0)
    #expect(stackStatuses["not achieved", default: 0] > 0)
  }
}

/// Explanations are built only when asked for, and never change a result.
@Suite struct ExplainedResultsAreIdenticalTests {
  @Test func theExamplePoliciesGiveTheSameResultsWithAndWithoutExplanations() throws {
    let dir = try DBScratchDirectory()
    let store = dir.path("sample.db")
    #expect(
      try DBCommand.run(["db", "sample", store, "--learners", "250", "--seed", "3"]).status == 0)
    let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path
    let arguments = [
      "eval", policies, "--db", store, "--all", "--format", "ndjson", "--as-of", "2026-06-30",
    ]
    let plain = try DBCommand.run(arguments)
    let explained = try DBCommand.run(arguments + ["--explain"])
    #expect(plain.status == explained.status)
    let plainLines = plain.standardOutput.split(separator: "\n")
    let explainedLines = explained.standardOutput.split(separator: "\n")
    #expect(plainLines.count == explainedLines.count)
    #expect(plainLines.count > 250 * 10)
    for (without, with) in zip(plainLines, explainedLines) {
      // The explanation is the last field of each object.
      guard let cut = with.range(of: ",\"explanation\":") else {
        Issue.record("no explanation in \(with.prefix(80))")
        continue
      }
      #expect(String(with[..<cut.lowerBound]) + "}" == String(without))
    }
  }
}

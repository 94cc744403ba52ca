import Credence
import CredenceServer
import Foundation
import Testing

@testable import CredenceWeb

/// The dashboard against a count made here, learner by learner, through the facade.
@Suite struct CohortTests {
  /// Polls the dashboard until it is computed (bounded: 120 s).
  static func dashboard(_ server: WebServer, _ query: String) async throws -> WebServer.Reply {
    for _ in 0..<240 {
      let page = try await server.request(
        "GET", "/cohort?" + query, cookie: server.cookie(.decide))
      if !page.text.contains("http-equiv=\"refresh\"") { return page }
      #expect(page.text.contains("<progress") || page.text.contains("Waiting for"))
      try await Task.sleep(for: .milliseconds(500))
    }
    throw CancellationError()
  }

  /// The numbers of a table, row label → cells.
  static func table(_ page: String, id: String) -> [String: [String]] {
    guard let start = page.range(of: "id=\"\(id)\"") else { return [:] }
    let body = page[start.upperBound...].components(separatedBy: "</table>")[0]
    var rows: [String: [String]] = [:]
    for row in body.components(separatedBy: "<tr><th scope=\"row\">").dropFirst() {
      let label = row.components(separatedBy: "</th>")[0]
      let cells = row.components(separatedBy: "<td>").dropFirst().map {
        $0.components(separatedBy: "</td>")[0]
      }
      rows[label] = cells
    }
    return rows
  }

  @Test(arguments: ["stack", "fund"])
  func theOutcomesAreTheFacadesCounts(kind: String) async throws {
    let server = try await server()
    let set = server.state.policies.current
    let decision = try #require(
      set.decisions.first { $0.kind.rawValue == kind && !$0.perEnrolment })
    let page = try await Self.dashboard(server, "decision=\(decision.name)&as_of=2026-06-30")
    #expect(page.status == 200)
    var expected: [String: Int] = [:]
    var missing: [String: Int] = [:]
    var granted: [String: [(value: ExactDecimal, count: Int)]] = [:]
    var notGranted: [String: Int] = [:]
    let evaluator = try Evaluator(set.policies, asOf: WebServer.today, decisions: [decision.name])
    for record in try PageTests.learners(server) {
      for result in evaluator.evaluate(record).results {
        expected[result.status.rawValue, default: 0] += 1
        for text in result.missing { missing[text, default: 0] += 1 }
        if let amount = result.amount, result.status == .eligible {
          granted[amount.currency.description, default: []].append((amount.amount, 1))
        } else if result.status != .eligible {
          notGranted[result.status.rawValue, default: 0] += 1
        }
      }
    }
    let outcomes = Self.table(page.text, id: "chart-status-table")
    #expect(outcomes.mapValues { Int($0[0]) ?? -1 } == expected)
    #expect(page.text.contains("<svg class=\"chart\" id=\"chart-status\""))
    if kind == "stack" {
      let rows = Self.table(page.text, id: "chart-missing-table")
      for (label, cells) in rows {
        #expect(
          missing[
            String(label).replacingOccurrences(of: "&#39;", with: "'")
              .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
                of: "&amp;", with: "&"
              )
              .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
                of: "&gt;", with: ">")]
            == Int(cells[0]))
      }
    } else {
      // The amounts as the ranges rule draws them, and the results granted nothing apart.
      var bars: [String: Int] = notGranted
      for (currency, values) in granted {
        for bar in AmountRanges.bars(values, suffix: currency) { bars[bar.label] = bar.count }
      }
      let amounts = Self.table(page.text, id: "chart-amounts-table")
      #expect(amounts.mapValues { Int($0[0]) ?? -1 } == bars)
      #expect(!granted.isEmpty && !notGranted.isEmpty)
    }
  }

  @Test func anUnknownDecisionIsA404() async throws {
    let server = try await server()
    let page = try await server.request(
      "GET", "/cohort?decision=no_such_thing", cookie: server.cookie(.decide))
    #expect(page.status == 404)
    #expect(page.text.contains("no decision named `no_such_thing`"))
  }

  func server() async throws -> WebServer { try await WebServer.shared.value }
}

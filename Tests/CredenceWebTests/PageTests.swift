import Credence
import CredenceServer
import CredenceStore
import Foundation
import Testing

@testable import CredenceWeb

/// The pages over HTTP: sign-in, the learner page against the facade's own answers, the
/// what-if form and its CSRF check, the reference's anchors.
@Suite struct PageTests {
  func server() async throws -> WebServer { try await WebServer.shared.value }

  static func learners(_ server: WebServer) throws -> [LearnerRecord] {
    var records: [LearnerRecord] = []
    try server.state.store.source.forEachBatch(batchSize: 100) { records += $0 }
    return records
  }

  // MARK: Signing in

  @Test func pagesSendABrowserWithoutAKeyToTheLoginPage() async throws {
    let server = try await server()
    let reply = try await server.request("GET", "/learner?id=X")
    #expect(reply.status == 303)
    #expect(reply.header("Location") == "/login?next=%2Flearner%3Fid%3DX")
    let wrong = try await server.request(
      "GET", "/learner", cookie: "\(PageSession.cookieName)=credence_0000")
    #expect(wrong.status == 303)
    // A key without the decide scope reads no learner.
    let check = try await server.request("GET", "/learner", cookie: server.cookie(.check))
    #expect(check.status == 303)
    let login = try await server.request("GET", "/login?next=%2Flearner")
    #expect(login.status == 200)
    #expect(login.text.contains("<label for=\"key\">API key</label>"))
  }

  @Test func signingInSetsAnHttpOnlyStrictCookieAndReturnsToThePage() async throws {
    let server = try await server()
    let token = server.tokens[.decide]!
    let reply = try await server.request(
      "POST", "/login", form: [("key", token), ("next", "/cohort")])
    #expect(reply.status == 303)
    #expect(reply.header("Location") == "/cohort")
    #expect(
      reply.header("Set-Cookie")
        == "\(PageSession.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict")
    let refused = try await server.request(
      "POST", "/login", form: [("key", server.tokens[.metrics]!), ("next", "/cohort")])
    #expect(refused.status == 401)
    #expect(refused.header("Set-Cookie") == nil)
    #expect(refused.text.contains("this key is not accepted"))
    // The login page never sends a browser to another site.
    let away = try await server.request(
      "POST", "/login", form: [("key", token), ("next", "//elsewhere.example/")])
    #expect(away.header("Location") == "/learner")
  }

  @Test func signingOutNeedsTheFormToken() async throws {
    let server = try await server()
    let cookie = server.cookie(.decide)
    let forged = try await server.request("POST", "/logout", cookie: cookie, form: [("csrf", "00")])
    #expect(forged.header("Set-Cookie") == nil)
    let page = try await server.request("GET", "/learner", cookie: cookie)
    let csrf = try #require(page.hiddenField("csrf"))
    let out = try await server.request("POST", "/logout", cookie: cookie, form: [("csrf", csrf)])
    #expect(out.status == 303)
    #expect(out.header("Set-Cookie")?.contains("Max-Age=0") == true)
  }

  // MARK: The learner page

  @Test func theLearnerPageShowsEveryDecisionAndItsExplanationFolded() async throws {
    let server = try await server()
    let records = try Self.learners(server)
    let set = server.state.policies.current
    let evaluator = try Evaluator(set.policies, asOf: WebServer.today, explain: true)
    for record in records.prefix(5) {
      let id = record.id.description
      let page = try await server.request(
        "GET", "/learner?id=\(Form.encode(id))", cookie: server.cookie(.decide))
      #expect(page.status == 200)
      #expect(page.text.contains("Decided as of <strong>2026-06-30</strong>"))
      #expect(page.text.contains(set.version.description))
      for result in evaluator.evaluate(record).results {
        #expect(page.text.contains(HTML.escape(result.title)))
        #expect(page.text.contains("href=\"/reference#decision-\(result.decision)\""))
        let root = try #require(result.explanation)
        // The decision line itself is the heading; its lines are the tree.
        if root.children.isEmpty { #expect(page.text.contains(HTML.escape(root.text))) }
        for child in root.children { #expect(page.text.contains(HTML.escape(child.text))) }
        // Lines with lines under them are folded: a closed <details> per such line.
        for child in root.children where !child.children.isEmpty {
          #expect(
            page.text.contains("<details><summary><span class=\"mark mark-\(child.mark.rawValue)\"")
          )
        }
      }
      #expect(!page.text.contains("<details open"))
    }
  }

  @Test func stacksNotAchievedGetTheirPaths() async throws {
    let server = try await server()
    let set = server.state.policies.current
    let evaluator = try Evaluator(set.policies, asOf: WebServer.today)
    let records = try Self.learners(server)
    let record = try #require(
      records.first { record in
        evaluator.evaluate(record).results.contains {
          $0.kind == .stack && $0.status == .notAchieved
        }
      })
    let open = evaluator.evaluate(record).results.filter {
      $0.kind == .stack && ($0.status == .notAchieved || $0.status == .undetermined)
    }
    let page = try await server.request(
      "GET", "/learner?id=\(Form.encode(record.id.description))", cookie: server.cookie(.decide))
    let section = try #require(page.text.range(of: "id=\"paths-heading\""))
    let paths = String(page.text[section.lowerBound...])
    // Each open stack is planned (those in progress) or one link away.
    for result in open {
      let planned = paths.contains("<h3>\(HTML.escape(result.title))</h3>")
      let linked = paths.contains("&amp;plan=\(result.decision)#plan-\(result.decision)\">")
      #expect(planned != linked, "\(result.decision)")
    }
    let asked = try #require(open.first { result in result.used.isEmpty })
    let plan = try await server.request(
      "GET",
      "/learner?id=\(Form.encode(record.id.description))&as_of=2026-06-30&plan=\(asked.decision)",
      cookie: server.cookie(.decide))
    #expect(plan.text.contains("<article class=\"plan\" id=\"plan-\(asked.decision)\">"))
  }

  @Test func anUnknownLearnerIsA404WithIdsThatAreClose() async throws {
    let server = try await server()
    let first = try #require(try Self.learners(server).first).id.description
    let typo = first + "9"
    let page = try await server.request(
      "GET", "/learner?id=\(Form.encode(typo))", cookie: server.cookie(.decide))
    #expect(page.status == 404)
    #expect(page.text.contains(">\(first)</a>"))
    let suggest = try await server.request(
      "GET", "/learner/suggest?prefix=\(Form.encode(String(first.prefix(2))))",
      cookie: server.cookie(.decide))
    #expect(suggest.text.hasPrefix("[\"") && suggest.text.contains("\"\(first)\""))
  }

  @Test func aBadDateIsSaidInWords() async throws {
    let server = try await server()
    let page = try await server.request(
      "GET", "/learner?id=x&as_of=2026-13-01", cookie: server.cookie(.decide))
    #expect(page.status == 400)
    #expect(page.text.contains("is not a date: write it as YYYY-MM-DD"))
  }

  // MARK: What-if

  @Test func theWhatIfFormShowsWhatTheFacadeSaysChanges() async throws {
    let server = try await server()
    let set = server.state.policies.current
    let records = try Self.learners(server)
    let catalogue = try server.state.store.source.catalogue().credentials
    let evaluator = try Evaluator(set.policies, asOf: WebServer.today)
    // A learner and a credential that change something, found by trying.
    var found: (String, String, Int)?
    search: for record in records.prefix(20) {
      for credential in catalogue.prefix(40) {
        let answer = try evaluator.whatIf(
          learner: record.id.description, adding: [HypotheticalAward(code: credential.code)],
          from: server.state.store.source)
        let changed = answer.changes.filter(\.changed).count
        if changed > 0 {
          found = (record.id.description, credential.code, changed)
          break search
        }
      }
    }
    let (id, code, changed) = try #require(found)
    let cookie = server.cookie(.decide)
    let page = try await server.request(
      "GET", "/learner?id=\(Form.encode(id))", cookie: cookie)
    let csrf = try #require(page.hiddenField("csrf"))
    let form = [("csrf", csrf), ("id", id), ("as_of", "2026-06-30"), ("code-1", code)]
    let answer = try await server.request(
      "POST", "/learner/what-if", cookie: cookie, form: form)
    #expect(answer.status == 200)
    #expect(answer.text.contains("What changes with \(HTML.escape(code)) awarded on 2026-06-30"))
    let table = try #require(
      answer.text.range(of: "<caption>Decisions that would change</caption>"))
    let rows = String(answer.text[table.upperBound...])
      .components(separatedBy: "</table>")[0].components(separatedBy: "<tr><th scope=\"row\">")
    #expect(rows.count - 1 == changed)
    let forged = try await server.request(
      "POST", "/learner/what-if", cookie: cookie,
      form: [("csrf", String(repeating: "0", count: 64))] + form.dropFirst())
    #expect(forged.status == 403)
    #expect(!forged.text.contains("What changes with"))
  }

  /// Two awards together, through the form's rows, against the facade's answer for both.
  @Test func severalAwardsAreAddedTogether() async throws {
    let server = try await server()
    let set = server.state.policies.current
    let source = server.state.store.source
    let catalogue = try source.catalogue().credentials
    let evaluator = try Evaluator(set.policies, asOf: WebServer.today)
    // A learner and two credentials that change more together than the first alone.
    var found: (String, [HypotheticalAward], [WhatIf.Change])?
    search: for record in try Self.learners(server).prefix(20) {
      let id = record.id.description
      for first in catalogue.prefix(12) {
        let alone = try evaluator.whatIf(
          learner: id, adding: [HypotheticalAward(code: first.code)], from: source)
        for second in catalogue.prefix(12) where second.code != first.code {
          let awards = [
            HypotheticalAward(code: first.code),
            HypotheticalAward(code: second.code, date: CivilDate(year: 2026, month: 5, day: 1)),
          ]
          let both = try evaluator.whatIf(learner: id, adding: awards, from: source)
          if both.changes.filter(\.changed).count > alone.changes.filter(\.changed).count {
            found = (id, awards, both.changes.filter(\.changed))
            break search
          }
        }
      }
    }
    let (id, awards, changes) = try #require(found)
    let cookie = server.cookie(.decide)
    let page = try await server.request("GET", "/learner?id=\(Form.encode(id))", cookie: cookie)
    // Without a script the form has a few empty rows.
    for number in 1...WebLimits.whatIfEmptyRows {
      #expect(page.text.contains("name=\"code-\(number)\""))
    }
    let csrf = try #require(page.hiddenField("csrf"))
    // Row 2 left blank: only rows with something in them count.
    let answer = try await server.request(
      "POST", "/learner/what-if", cookie: cookie,
      form: [
        ("csrf", csrf), ("id", id), ("as_of", "2026-06-30"), ("code-1", awards[0].code),
        ("code-2", ""), ("code-3", awards[1].code), ("date-3", "2026-05-01"),
      ])
    #expect(answer.status == 200)
    #expect(
      answer.text.contains(
        "What changes with \(HTML.escape(awards[0].code)) awarded on 2026-06-30 and "
          + "\(HTML.escape(awards[1].code)) awarded on 2026-05-01</h2>"))
    let table = try #require(
      answer.text.range(of: "<caption>Decisions that would change</caption>"))
    let rows = String(answer.text[table.upperBound...])
      .components(separatedBy: "</table>")[0].components(separatedBy: "<tr><th scope=\"row\">")
      .dropFirst()
    #expect(rows.count == changes.count)
    for (row, change) in zip(rows, changes) {
      #expect(row.contains("<td>\(HTML.escape(ResultView.brief(change.after)))</td>"))
      // Every decision links to its policy in the reference.
      #expect(row.hasPrefix("<a href=\"/reference#decision-\(change.decision)\">"))
    }
    // The rows come back as typed, with one more empty row.
    #expect(answer.text.contains("value=\"\(HTML.escape(awards[1].code))\""))
    #expect(answer.text.contains("name=\"code-4\""))
  }

  /// Each row's mistakes are named beside its field and in a summary, and nothing is
  /// evaluated until they are corrected.
  @Test func aWhatIfRowWithMistakesSaysWhichFieldAndWhy() async throws {
    let server = try await server()
    let source = server.state.store.source
    let codes = try source.catalogue().credentials.map(\.code)
    let record = try #require(try Self.learners(server).first)
    let id = record.id.description
    let scales = server.state.policies.current.policies.gradeScales
    #expect(!scales.isEmpty)
    // A known code with its last character dropped: close enough to be suggested.
    let known = try #require(codes.first)
    let typo = String(known.dropLast())
    try #require(!codes.contains(typo))
    let cookie = server.cookie(.decide)
    let page = try await server.request("GET", "/learner?id=\(Form.encode(id))", cookie: cookie)
    let csrf = try #require(page.hiddenField("csrf"))
    let answer = try await server.request(
      "POST", "/learner/what-if", cookie: cookie,
      form: [
        ("csrf", csrf), ("id", id), ("as_of", "2026-06-30"), ("code-1", typo),
        ("code-2", known), ("date-2", "2026-02-30"), ("grade-2", "Q+"), ("grade-3", "A"),
      ])
    #expect(answer.status == 200)
    #expect(!answer.text.contains("What changes with"))
    #expect(answer.text.contains("The what-if form needs correcting"))
    #expect(
      answer.text.contains(
        "The catalogue has no credential `\(HTML.escape(typo))`; did you mean `\(HTML.escape(known))`"
      ))
    #expect(answer.text.contains("`2026-02-30` is not a date: write it as YYYY-MM-DD"))
    #expect(answer.text.contains("`Q+` is not a grade of the scale"))
    #expect(answer.text.contains("Give the code of the credential, or clear the row."))
    for field in ["code-1", "date-2", "grade-2", "code-3"] {
      #expect(answer.text.contains("<a href=\"#what-if-\(field)\">"))
      #expect(answer.text.contains("id=\"what-if-\(field)-problem\""))
    }
    #expect(!answer.text.contains("id=\"what-if-code-2-problem\""))
    // What was typed stays in the form.
    #expect(answer.text.contains("value=\"2026-02-30\"") && answer.text.contains("value=\"Q+\""))
    let empty = try await server.request(
      "POST", "/learner/what-if", cookie: cookie,
      form: [("csrf", csrf), ("id", id), ("as_of", "2026-06-30"), ("code-1", " ")])
    #expect(empty.text.contains("Give the code of at least one credential to add."))
  }

  // MARK: The reference

  @Test func theReferenceAnchorsEveryDecision() async throws {
    let server = try await server()
    let page = try await server.request("GET", "/reference", cookie: server.cookie(.decide))
    #expect(page.status == 200)
    for decision in server.state.policies.current.decisions {
      #expect(page.text.contains("<h4 id=\"decision-\(decision.name)\">"))
    }
  }

  @Test func assetsAreServedWithoutAKey() async throws {
    let server = try await server()
    let css = try await server.request("GET", "/assets/credence.css")
    #expect(css.status == 200 && css.header("Content-Type") == "text/css")
    let script = try await server.request("GET", "/assets/credence.js")
    #expect(script.status == 200 && script.text.contains("use strict"))
  }
}

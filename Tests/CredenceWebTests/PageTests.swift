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
    let form = [("csrf", csrf), ("id", id), ("as_of", "2026-06-30"), ("code", code)]
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

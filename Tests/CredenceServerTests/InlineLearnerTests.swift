import Credence
import CredenceStore
import Foundation
import Testing

@testable import CredenceServer

/// Learners sent inline: the same decisions as the same rows in the store, and every
/// malformed field named by its path.
@Suite struct InlineLearnerTests {
  /// The JSON a caller would send for `learner` (the store's rows, credentials by code).
  static func json(_ learner: Learner) -> [String: Any] {
    func value(_ text: String?) -> Any { text ?? NSNull() }
    return [
      "id": learner.id.description, "name": value(learner.name),
      "birth_date": value(learner.birthDate?.description),
      "citizenship": value(learner.citizenship),
      "residency": value(learner.residency),
      "awards": learner.awards.map { award in
        [
          "id": award.id, "credential_code": award.credential.code,
          "awarded_on": value(award.awardedOn?.description),
          "expires_on": value(award.expiresOn?.description),
          "grade": value(award.grade), "score": value(award.score?.description),
          "source": value(award.source),
        ] as [String: Any]
      },
      "enrolments": learner.enrolments.map { enrolment in
        [
          "id": enrolment.id, "credential_code": enrolment.credential.code,
          "start_on": value(enrolment.startOn?.description),
          "end_on": value(enrolment.endOn?.description),
          "fee": value(enrolment.fee?.amount.description),
          "currency": value(enrolment.fee?.currency.description),
          "status": value(enrolment.status),
        ] as [String: Any]
      },
      "funding_ledger": learner.ledger.map { entry in
        [
          "id": entry.id.map { $0 as Any } ?? NSNull(), "scheme": value(entry.scheme),
          "amount": value(entry.amount?.amount.description),
          "currency": value(entry.amount?.currency.description),
          "posted_on": value(entry.postedOn?.description),
          "expires_on": value(entry.expiresOn?.description), "memo": value(entry.memo),
        ] as [String: Any]
      },
      "facts": Dictionary(uniqueKeysWithValues: learner.facts.map { ($0.name, value($0.value)) }),
    ]
  }

  /// Every learner of the sample store, sent inline, gets exactly the results it gets
  /// from the store.
  @Test func inlineRecordsDecideAsStoredOnesDo() async throws {
    let server = try await TestServer.shared.value
    let source = SQLiteRecordSource(store: try RecordStore.openForReading(at: TestServer.store))
    var learners: [Learner] = []
    try source.forEachBatch(batchSize: 64) { batch in
      learners += batch.compactMap(\.learner)
    }
    #expect(learners.count >= 40)
    for learner in learners {
      let stored = try await server.post(
        "/v1/decide", scope: .decide,
        json: ["learner": learner.id.description, "as_of": "2026-06-30"])
      let inline = try await server.post(
        "/v1/decide", scope: .decide, json: ["record": Self.json(learner), "as_of": "2026-06-30"])
      #expect(inline.status == 200, "\(inline.text)")
      #expect(inline.text == stored.text, "\(learner.id)")
    }
  }

  @Test(arguments: [
    (
      #"{"id": "X", "birth_date": "1990-13-01"}"#,
      "`record.birth_date` must be a date written YYYY-MM-DD"
    ),
    (#"{"id": ""}"#, "`record.id` is empty"),
    (
      #"{"id": "X", "residency": "tourist"}"#,
      "`record.residency` must be `citizen`, `permanent_resident` or `other`"
    ),
    (
      #"{"id": "X", "awards": [{"id": "a", "credential_code": "NO-SUCH-CODE", "awarded_on": "2025-01-01"}]}"#,
      "`record.awards[0].credential_code` names no credential of the store's catalogue"
    ),
    (
      #"{"id": "X", "awards": [{"id": "a", "credential_code": "IS5003", "awarded_on": "2025-01-01", "score": 7.5}]}"#,
      "`record.awards[0].score`: write exact numbers as strings (\"7.5\") or integers, not fractions"
    ),
    (
      #"{"id": "X", "enrolments": [{"id": "e", "credential_code": "IS5003", "start_on": "2025-01-01", "status": "enrolled", "fee": "100"}]}"#,
      "`record.enrolments[0].currency` is needed with an amount"
    ),
    (
      #"{"id": "X", "funding_ledger": [{"scheme": "s", "amount": "1", "currency": "SGD"}]}"#,
      "`record.funding_ledger[0].posted_on` is missing"
    ),
    // The store's words (CredenceStore's Contract), listed as the contract has them.
    (
      #"{"id": "X", "awards": [{"id": "a", "credential_code": "IS5003", "awarded_on": "2025-01-01", "status": "lost"}]}"#,
      "`record.awards[0].status` must be `valid` or `revoked`"
    ),
    (
      #"{"id": "X", "enrolments": [{"id": "e", "credential_code": "IS5003", "start_on": "2025-01-01", "status": "paused"}]}"#,
      "`record.enrolments[0].status` must be `applied`, `enrolled`, `completed` or `withdrawn`"
    ),
  ])
  func malformedRecordsNameTheField(record: String, message: String) async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.request(
      "POST", "/v1/decide", scope: .decide, body: Data("{\"record\": \(record)}".utf8))
    #expect(reply.status == 400)
    #expect(reply.errorMessage == message)
  }

  @Test func revokedAwardsAreLeftOut() async throws {
    let server = try await TestServer.shared.value
    let award: [String: Any] = [
      "id": "a", "credential_code": "IS5003", "awarded_on": "2025-01-01", "grade": "A",
    ]
    var revoked = award
    revoked["status"] = "revoked"
    let without = try await server.post(
      "/v1/decide", scope: .decide, json: ["record": ["id": "X"], "as_of": "2026-06-30"])
    let withRevoked = try await server.post(
      "/v1/decide", scope: .decide,
      json: ["record": ["id": "X", "awards": [revoked]], "as_of": "2026-06-30"])
    let withValid = try await server.post(
      "/v1/decide", scope: .decide,
      json: ["record": ["id": "X", "awards": [award]], "as_of": "2026-06-30"])
    #expect(withRevoked.text == without.text)
    #expect(withValid.text != without.text)
  }

  @Test func whatIfTakesAnInlineRecord() async throws {
    let server = try await TestServer.shared.value
    let reply = try await server.post(
      "/v1/what-if", scope: .decide,
      json: ["record": ["id": "X"], "as_of": "2026-06-30", "with_awards": [["code": "IS5003"]]])
    #expect(reply.status == 200, "\(reply.text)")
    #expect((reply.json["what_if"] as? [String: Any])?["learner"] as? String == "X")
  }
}

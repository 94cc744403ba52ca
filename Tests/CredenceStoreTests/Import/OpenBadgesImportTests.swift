import CredenceRecords
import Foundation
import Testing

@testable import CredenceStore

/// Open Badges 3.0 / CLR 2.0 imports.
@Suite struct OpenBadgesImportTests {
  /// domain.md §4.1's minimal credential, with `{…}` placeholders filled per test.
  static func badge(
    id: String = "urn:uuid:b1", dates: String = #""validFrom": "2024-06-30T00:00:00Z""#,
    subject: String = #""id": "did:example:learner42""#, code: String = "IS5004"
  ) -> String {
    """
    { "@context": ["https://www.w3.org/ns/credentials/v2",
                   "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      "id": "\(id)", "type": ["VerifiableCredential", "OpenBadgeCredential"],
      "issuer": {"id": "https://uni.example/issuers/1", "type": ["Profile"], "name": "Example Univ"},
      \(dates),
      "credentialSubject": {"type": ["AchievementSubject"], \(subject),
        "creditsEarned": 4.0,
        "result": [{"type": ["Result"], "resultDescription": "urn:uuid:rd1", "value": "B+"},
                   {"type": ["Result"], "resultDescription": "urn:uuid:rd2", "value": "87.5"}],
        "achievement": {"id": "https://uni.example/ach/\(code)", "type": ["Achievement"],
          "achievementType": "MicroCredential", "name": "Platform Design", "description": "…",
          "criteria": {"narrative": "Pass with at least C"}, "creditsAvailable": 4.0,
          "humanCode": "\(code)", "fieldOfStudy": "computing",
          "alignment": [{"type": ["Alignment"], "targetName": "Network Security",
                         "targetCode": "skill:network-security", "targetUrl": "https://x.example"},
                        {"type": ["Alignment"], "targetName": "ssg-funded", "targetUrl": "https://y.example"}],
          "resultDescription": [
            {"id": "urn:uuid:rd1", "type": ["ResultDescription"], "name": "Grade",
             "resultType": "LetterGrade", "allowedValue": ["F","D","C","B-","B","B+","A-","A"]},
            {"id": "urn:uuid:rd2", "type": ["ResultDescription"], "name": "Mark",
             "resultType": "Percent"}]}}}
    """
  }

  static func json(_ name: String, _ text: String) -> ImportFile {
    ImportFile(name: name, bytes: Array(text.utf8))
  }

  @Test func aSingleCredentialBecomesLearnerCatalogueEntryAndAward() throws {
    let fixture = try ImportFixture()
    let summary = try fixture.importFiles([Self.json("badge.json", Self.badge())])
    #expect(
      summary.inserted.map(\.table) == ["learners", "credentials", "credential_tags", "awards"])
    let store = try RecordStore.openForReading(at: fixture.path)
    let learner = try #require(try store.recordSource.learner(id: "did:example:learner42")?.learner)
    let award = try #require(learner.awards.first)
    #expect(award.id == "urn:uuid:b1")
    #expect(award.awardedOn?.description == "2024-06-30")
    #expect(award.grade == "B+")
    #expect(award.score?.description == "87.5")
    #expect(award.source == "https://uni.example/issuers/1")
    #expect(award.credential.code == "IS5004")
    #expect(award.credential.type == "micro-credential")
    #expect(award.credential.credits?.description == "4.0")
    #expect(award.credential.provider == "Example Univ")
    #expect(award.credential.field == "computing")
    #expect(award.credential.tags == ["skill:network-security", "ssg-funded"])
  }

  @Test func anArrayAndVC11DatesAndInstitutionalIdentifiers() throws {
    let fixture = try ImportFixture()
    let vc11 = Self.badge(
      id: "urn:uuid:b2",
      dates:
        #""issuanceDate": "2023-01-15T09:30:00+08:00", "expirationDate": "2026-01-15T00:00:00Z""#,
      subject:
        #""id": "did:example:someone", "identifier": [{"type": "IdentityObject", "hashed": false, "identityHash": "L1", "identityType": "sisSourcedId"}]"#,
      code: "CYB501")
    _ = try fixture.importFiles([Self.json("batch.json", "[\(Self.badge()), \(vc11)]")])
    let store = try RecordStore.openForReading(at: fixture.path)
    let learner = try #require(try store.recordSource.learner(id: "L1")?.learner)
    #expect(learner.name == "Ann", "the existing learner row is kept")
    #expect(learner.awards.map(\.id) == ["urn:uuid:b2"])
    #expect(learner.awards.first?.awardedOn?.description == "2023-01-15")
    #expect(learner.awards.first?.expiresOn?.description == "2026-01-15")
    #expect(try fixture.counts()["awards"] == 2)
  }

  @Test func aCLRBundleIncludingAVCJWTIsUnpacked() throws {
    let fixture = try ImportFixture()
    let inner = Self.badge(id: "urn:uuid:jwt1", code: "JWT1")
    let payload = Data(#"{"vc": \#(inner)}"#.utf8).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    let clr = """
      {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:clr1",
       "type": ["VerifiableCredential", "ClrCredential"], "issuer": "https://uni.example",
       "validFrom": "2025-01-01T00:00:00Z",
       "credentialSubject": {"type": ["ClrSubject"], "id": "did:example:learner42",
         "verifiableCredential": [\(Self.badge(id: "urn:uuid:c1", code: "C1")),
                                  \(Self.badge(id: "urn:uuid:c2", code: "C2")),
                                  "eyJhbGciOiJub25lIn0.\(payload).sig"]}}
      """
    let summary = try fixture.importFiles([Self.json("transcript.json", clr)])
    #expect(summary.inserted.first { $0.table == "awards" }?.rows == 3)
    let store = try RecordStore.openForReading(at: fixture.path)
    let learner = try store.recordSource.learner(id: "did:example:learner42")?.learner
    #expect(learner?.awards.map(\.credential.code) == ["C1", "C2", "JWT1"])
  }

  @Test func aBadDateIsRejectedWithItsJSONPath() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      Self.json("ok.json", Self.badge(id: "urn:uuid:ok")),
      Self.json("badge.json", Self.badge(dates: #""validFrom": "30/06/2024""#)),
    ])
    #expect(error.location == "badge.json: $.validFrom")
    #expect(error.message == "not a date-time (expected YYYY-MM-DDThh:mm:ssZ)")
  }

  @Test func malformedJSONIsRejectedWithLineAndColumn() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      Self.json("badge.json", "{\n  \"id\": \"x\",\n  \"type\" [\n}")
    ])
    #expect(error.location == "badge.json:3:10")
    #expect(error.message == "malformed JSON: expected `:` after the member name")
    let deep =
      String(repeating: "[", count: JSONParser.maxDepth + 1)
      + String(repeating: "]", count: JSONParser.maxDepth + 1)
    let tooDeep = try fixture.expectRejected([Self.json("deep.json", deep)])
    #expect(tooDeep.message == "malformed JSON: nested deeper than \(JSONParser.maxDepth) levels")
    let limit =
      String(repeating: "[", count: JSONParser.maxDepth)
      + String(repeating: "]", count: JSONParser.maxDepth)
    #expect(throws: Never.self) { _ = try JSONParser.parse(Array(limit.utf8)) }
  }

  @Test func aDuplicateIDIsRejected() throws {
    let fixture = try ImportFixture()
    _ = try fixture.importFiles([Self.json("badge.json", Self.badge())])
    let error = try fixture.expectRejected(
      [Self.json("again.json", Self.badge())], onConflict: .fail)
    #expect(error.location == "again.json: $.id")
    #expect(error.message == "duplicate key: `awards` already has a row `urn:uuid:b1`")
  }

  @Test func credentialsThatAreNotOpenBadgesAreRejected() throws {
    let fixture = try ImportFixture()
    let other = try fixture.expectRejected([
      Self.json("x.json", #"[{"id": "urn:1", "type": ["VerifiableCredential", "EmployeeBadge"]}]"#)
    ])
    #expect(other.location == "x.json: $[0].type")
    let noSubject = try fixture.expectRejected([
      Self.json("x.json", Self.badge(subject: #""name": "nobody""#))
    ])
    #expect(noSubject.location == "x.json: $.credentialSubject")
    #expect(noSubject.message == "the subject has neither an `id` nor an `identifier`")
    let scalar = try fixture.expectRejected([Self.json("x.json", "[42]")])
    #expect(scalar.message == "expected a credential object, not a number")
  }
}

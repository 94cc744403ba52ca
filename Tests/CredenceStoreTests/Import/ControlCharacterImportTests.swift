import Foundation
import Testing

@testable import CredenceStore

/// A NUL byte would cut an id short in the store (`L0000001\0zzz` read back as `L0000001`,
/// another learner); ids and codes with control characters would print as something else.
/// Imports refuse both, naming the line or JSON path, and leave the store unchanged.
@Suite struct ControlCharacterImportTests {
  @Test func aNulByteInACSVIdIsRefusedWithItsLineAndColumn() throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      csv(
        "awards.csv",
        "id,learner_id,credential_code,awarded_on\nA1,L1\u{0}zzz,IS5003,2024-06-30\n")
    ])
    #expect(error.location == "awards.csv:2:4")
    #expect(
      error.message == "column `learner_id` is not text the store can keep: it contains a NUL byte")
    #expect(!error.description.contains("zzz"))
  }

  @Test(arguments: ["\u{1}", "\u{7}", "\t", "\u{1B}", "\u{7F}", "\u{85}"])
  func controlCharactersInCSVIdsAndCodesAreRefused(control: String) throws {
    let fixture = try ImportFixture()
    let error = try fixture.expectRejected([
      csv("learners.csv", "id,name\nL3,Ann\n\"L4\(control)x\",Bob\n")
    ])
    #expect(error.location == "learners.csv:3:1")
    let code = String(control.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
    #expect(
      error.message
        == "column `id` is not a printable id or code: it contains the control character U+"
        + String(repeating: "0", count: 4 - code.count) + code)
  }

  @Test func controlCharactersOutsideIdsAreKeptButNulIsNot() throws {
    let fixture = try ImportFixture()
    _ = try fixture.importFiles([csv("learners.csv", "id,name\nL3,\"Ann\tLee\"\n")])
    let error = try fixture.expectRejected([csv("learners.csv", "id,name\nL4,\"Bob\u{0}\"\n")])
    #expect(error.location == "learners.csv:2:4")
    #expect(error.message.hasSuffix("contains a NUL byte"))
  }

  @Test func aNulInAnOpenBadgesSubjectIdIsRefusedWithItsPath() throws {
    let fixture = try ImportFixture()
    let badge = OpenBadgesImportTests.badge(subject: #""id": "did:example:L1\u0000zzz""#)
    let error = try fixture.expectRejected([OpenBadgesImportTests.json("badge.json", badge)])
    #expect(error.location == "badge.json: $.credentialSubject.id")
    #expect(
      error.message == "the learner id is not text the store can keep: it contains a NUL byte")
  }

  @Test func controlCharactersInOpenBadgesIdsAndCodesAreRefusedWithTheirPaths() throws {
    let fixture = try ImportFixture()
    let identifier =
      #""identifier": [{"type": "IdentityObject", "identityType": "sisSourcedId", "#
      + #""hashed": false, "identityHash": "S\u0007"}]"#
    let cases: [(String, String)] = [
      (OpenBadgesImportTests.badge(id: "urn:uuid:\\u001b[2J"), "$.id"),
      (
        OpenBadgesImportTests.badge(code: "IS\\u00075004"),
        "$.credentialSubject.achievement.humanCode"
      ),
      (
        OpenBadgesImportTests.badge(subject: #""id": "did:x", "# + identifier),
        "$.credentialSubject.identifier[0].identityHash"
      ),
    ]
    for (badge, path) in cases {
      let error = try fixture.expectRejected([OpenBadgesImportTests.json("badge.json", badge)])
      #expect(error.location == "badge.json: \(path)")
      #expect(error.message.contains("is not a printable id or code: it contains the control"))
    }
  }
}

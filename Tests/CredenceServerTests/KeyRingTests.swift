import Foundation
import Testing

@testable import CredenceServer

@Suite struct KeyRingTests {
  @Test func aGeneratedKeyIsFoundByItsTokenOnly() throws {
    let (token, key) = APIKey.generate(name: "portal", scopes: [.decide])
    #expect(token.hasPrefix("credence_") && token.count == 9 + 64)
    let ring = try KeyRing(parsing: KeyRing.line(for: key) + "\n")
    #expect(ring.key(for: token) == key)
    #expect(ring.key(for: token + "x") == nil)
    #expect(ring.key(for: "") == nil)
    // The file holds the digest, never the token.
    #expect(!KeyRing.line(for: key).contains(String(token.dropFirst(9))))
  }

  @Test func theFileFormatReadsBack() throws {
    let digest = String(repeating: "ab", count: 32)
    let text = """
      # comment

      portal decide,check sha256:\(digest)
      \tops   admin   sha256:\(String(repeating: "CD", count: 32))\r
      """
    let ring = try KeyRing(parsing: text)
    #expect(ring.keys.map(\.name) == ["portal", "ops"])
    #expect(ring.keys[0].scopes == [.decide, .check])
    #expect(KeyRing.line(for: ring.keys[0]) == "portal decide,check sha256:\(digest)")
  }

  @Test(arguments: [
    ("portal decide", "line 1: expected `NAME SCOPES sha256:HEX`"),
    (
      "portal read sha256:\(String(repeating: "0", count: 64))",
      "line 1: `read` is not a scope; the scopes are `decide`, `check`, `metrics`, `admin`"
    ),
    (
      "portal decide sha1:\(String(repeating: "0", count: 40))",
      "line 1: the digest is `sha256:` and 64 hexadecimal digits"
    ),
    (
      "portal decide sha256:\(String(repeating: "0", count: 63))",
      "line 1: the digest is `sha256:` and 64 hexadecimal digits"
    ),
    (
      "por/tal decide sha256:\(String(repeating: "0", count: 64))",
      "line 1: a key's name is letters, digits, `-`, `_` and `.` only"
    ),
    (
      "a decide sha256:\(String(repeating: "0", count: 64))\na check sha256:\(String(repeating: "1", count: 64))",
      "line 2: a second key named `a`"
    ),
    (
      "a decide sha256:\(String(repeating: "0", count: 64))\nb check sha256:\(String(repeating: "0", count: 64))",
      "line 2: the same key as an earlier line"
    ),
  ])
  func malformedFilesNameTheLine(text: String, message: String) {
    #expect(throws: KeyRing.FileError.self) { try KeyRing(parsing: text) }
    do {
      _ = try KeyRing(parsing: text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func scopesAndAdmin() {
    #expect(Scope.decide.isGranted(by: [.decide]))
    #expect(!Scope.decide.isGranted(by: [.check, .metrics]))
    #expect(Scope.metrics.isGranted(by: [.admin]))
  }

  @Test func constantTimeComparison() {
    #expect(KeyRing.constantTimeEqual([1, 2, 3], [1, 2, 3]))
    #expect(!KeyRing.constantTimeEqual([1, 2, 3], [1, 2, 4]))
    #expect(!KeyRing.constantTimeEqual([1, 2, 3], [1, 2]))
  }

  @Test func keysAddCreatesAPrivateFileAndAppends() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-keys-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let first = try KeyFile.addKey(name: "portal", scopes: [.decide], to: path)
    let second = try KeyFile.addKey(name: "ops", scopes: [.admin], to: path)
    let ring = try KeyFile.read(path)
    #expect(ring.key(for: first)?.name == "portal")
    #expect(ring.key(for: second)?.scopes == [.admin])
    let permissions =
      try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    #expect(throws: KeyFile.Problem.self) {
      try KeyFile.addKey(name: "portal", scopes: [.check], to: path)
    }
  }
}

@Suite struct PolicyVersionTests {
  @Test func namesAreRelativeToTheSharedFolder() {
    #expect(
      PolicyVersion.relativeNames(["/a/p/x.credence", "/a/p/q/y.credence"])
        == ["x.credence", "q/y.credence"])
    #expect(PolicyVersion.relativeNames(["p/x.credence"]) == ["x.credence"])
    #expect(
      PolicyVersion.relativeNames(["./p/x.credence", "./p/y.credence"]) == [
        "x.credence", "y.credence",
      ])
  }

  @Test func theVersionFollowsNamesAndBytes() {
    let a = PolicyVersion.of([("/one/p/x.credence", Array("abc".utf8))])
    #expect(a == PolicyVersion.of([("/two/q/x.credence", Array("abc".utf8))]))
    #expect(a != PolicyVersion.of([("/one/p/y.credence", Array("abc".utf8))]))
    #expect(a != PolicyVersion.of([("/one/p/x.credence", Array("abd".utf8))]))
    // Two files never hash like one file holding both.
    #expect(
      PolicyVersion.of([("/p/a", Array("xy".utf8)), ("/p/b", Array("z".utf8))])
        != PolicyVersion.of([("/p/a", Array("x".utf8)), ("/p/b", Array("yz".utf8))]))
    #expect(a.description.hasPrefix("sha256:") && a.description.count == 71)
  }
}

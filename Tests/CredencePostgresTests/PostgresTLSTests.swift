import CredenceStore
import Foundation
import Testing

@testable import CredencePostgres

/// `sslmode` and `sslrootcert` read as libpq reads them (no server needed).
@Suite struct PostgresTLSSettingsTests {
  static func tls(_ query: String, environment: [String: String] = [:], rootExists: Bool = false)
    throws -> PostgresTLS
  {
    try PostgresLocation(
      url: "postgres://u@db.example/credence" + query, environment: environment,
      fileExists: { _ in rootExists }
    ).tls
  }

  static func refusal(_ query: String, environment: [String: String] = [:]) -> String {
    do {
      _ = try tls(query, environment: environment)
      return "accepted"
    } catch {
      return (error as? StoreError)?.message ?? "\(error)"
    }
  }

  @Test func eachModeMeansWhatItMeansInLibpq() throws {
    #expect(try Self.tls("").mode == .prefer)
    #expect(try Self.tls("").verification == .none)
    #expect(try Self.tls("?sslmode=disable").mode == .disable)
    #expect(try Self.tls("?sslmode=require").verification == .none)
    // require with a root certificate checks the issuer, as libpq does for compatibility.
    #expect(try Self.tls("?sslmode=require&sslrootcert=/ca.pem").verification == .issuer)
    #expect(
      try Self.tls("?sslmode=require", environment: ["HOME": "/learner-home"], rootExists: true)
        .rootCertificate == "/learner-home/.postgresql/root.crt")
    #expect(try Self.tls("?sslmode=verify-ca&sslrootcert=/ca.pem").verification == .issuer)
    #expect(
      try Self.tls("?sslmode=verify-full&sslrootcert=/ca.pem").verification == .issuerAndHost)
    #expect(
      try Self.tls(
        "", environment: ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": "/ca.pem"]
      ).verification == .issuerAndHost)
    // The URL wins over the environment.
    #expect(
      try Self.tls("?sslmode=disable", environment: ["PGSSLMODE": "require"]).mode == .disable)
    // sslrootcert=system alone means verify-full.
    #expect(try Self.tls("?sslrootcert=system").mode == .verifyFull)
  }

  @Test func settingsThatCannotBeHonouredAreRefusedNeverWeakened() {
    #expect(Self.refusal("?sslmode=bogus") == "`sslmode=bogus` is not a TLS mode")
    #expect(Self.refusal("?sslmode=verify-full").contains("no root certificate is given"))
    #expect(Self.refusal("?sslmode=verify-ca").contains("no root certificate is given"))
    #expect(
      Self.refusal("?sslmode=require&sslrootcert=system")
        == "`sslrootcert=system` needs `sslmode=verify-full`, not `require`")
    #expect(Self.refusal("?sslcert=/me.pem") == "the PostgreSQL URL's `sslcert` is not supported")
  }
}

/// TLS against the test server, which `.ci/run` starts with `ssl = on` and a certificate for
/// the name `localhost` (not for the address 127.0.0.1) signed by a throwaway certificate
/// authority, `CREDENCE_TEST_POSTGRES_CA`. Skipped locally without it; in CI its absence
/// fails.
@Suite struct PostgresTLSServerTests {
  static let authority = ProcessInfo.processInfo.environment["CREDENCE_TEST_POSTGRES_CA"]
    .flatMap { $0.isEmpty ? nil : $0 }

  @Test func theServerHasTLSInCI() {
    if Self.authority == nil || TestServer.url == nil {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("CREDENCE_TEST_POSTGRES_CA is not set: CI must run the TLS tests")
      } else {
        print("note: PostgreSQL TLS tests skipped: set CREDENCE_TEST_POSTGRES_CA to run them")
      }
    }
  }

  /// The test server's URL with `host` and `query`.
  static func url(host: String, _ query: String) throws -> String {
    let base = try #require(TestServer.url)
    let location = try PostgresLocation(url: base, environment: [:])
    return "postgres://\(location.user)@\(host):\(location.port)/\(location.database)\(query)"
  }

  /// Whether a session opened on `url` is encrypted, or the error's message.
  static func connect(_ url: String) -> String {
    do {
      let session = try PostgresSession(
        try PostgresLocation(url: url, environment: [:]), readOnly: true)
      defer { session.close() }
      let row = try session.query(
        "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
      return try row.first?.text(0) == "true" ? "encrypted" : "plain"
    } catch let failure as PostgresFailure {
      return failure.error.message
    } catch {
      return (error as? StoreError)?.message ?? "\(error)"
    }
  }

  /// A certificate authority of its own (not the server's), made by openssl.
  static func otherAuthority(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("other-ca.crt").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
      "-nodes", "-days", "1", "-subj", "/CN=another-ca", "-keyout",
      folder.appendingPathComponent("other-ca.key").path, "-out", path,
    ]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return path
  }

  @Test(.enabled(if: authority != nil && TestServer.available, "no TLS test server"))
  func everyModeConnectsOrFailsAsLibpqWould() throws {
    let authority = try #require(Self.authority)
    let ca = "&sslrootcert=\(authority)"
    #expect(
      Self.connect(try Self.url(host: "localhost", "?sslmode=verify-full" + ca)) == "encrypted")
    #expect(Self.connect(try Self.url(host: "127.0.0.1", "?sslmode=verify-ca" + ca)) == "encrypted")
    #expect(Self.connect(try Self.url(host: "127.0.0.1", "?sslmode=require")) == "encrypted")
    #expect(Self.connect(try Self.url(host: "127.0.0.1", "?sslmode=prefer")) == "encrypted")
    #expect(Self.connect(try Self.url(host: "127.0.0.1", "?sslmode=disable")) == "plain")
    // The certificate names localhost, not the address.
    let wrongName = Self.connect(try Self.url(host: "127.0.0.1", "?sslmode=verify-full" + ca))
    #expect(wrongName.contains("does not name `127.0.0.1`"), "\(wrongName)")
    // Signed by another authority.
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let other = try Self.otherAuthority(in: folder)
    let unsigned = Self.connect(
      try Self.url(host: "localhost", "?sslmode=verify-full&sslrootcert=\(other)"))
    #expect(unsigned.contains("is not signed by the root certificate"), "\(unsigned)")
  }
}

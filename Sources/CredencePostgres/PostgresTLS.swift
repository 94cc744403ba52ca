import CredenceStore
import NIOSSL
import PostgresNIO

/// TLS for a connection, with libpq's `sslmode` and `sslrootcert` and their meaning, so a
/// URL a DBA wrote for `psql` means the same here:
///
/// | `sslmode` | encrypted | server's certificate checked |
/// |---|---|---|
/// | `disable` | never | no |
/// | `allow`, `prefer` (the default) | when the server offers it | no |
/// | `require` | always | no; as `verify-ca` when a root certificate is given or `~/.postgresql/root.crt` exists |
/// | `verify-ca` | always | signed by the root certificate |
/// | `verify-full` | always | signed by it, and naming the host (DNS name, or IP address) |
///
/// `allow` tries TLS first (libpq tries without first): it never ends less protected. The
/// root certificate is `sslrootcert` (a PEM file, or `system` for the system's trusted
/// roots, which asks for `verify-full` as libpq 16 does), else `PGSSLROOTCERT`, else
/// `~/.postgresql/root.crt`. Over a Unix socket TLS is not used, as in libpq: the
/// connection never leaves the machine.
public struct PostgresTLS: Sendable, Hashable {
  public enum Mode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }

  /// What is checked of the server's certificate.
  enum Verification: Sendable, Hashable {
    case none
    /// Signed by the root certificate.
    case issuer
    /// Signed by it and naming the host.
    case issuerAndHost
  }

  public let mode: Mode
  /// The root certificates: a PEM file's path, or `system`; `nil` when none is given and
  /// the default file does not exist.
  public let rootCertificate: String?

  /// libpq's default mode.
  public static let defaultMode = Mode.prefer
  /// The value of `sslrootcert` meaning the system's trusted roots.
  static let systemRoots = "system"

  init(mode: Mode, rootCertificate: String?) {
    self.mode = mode
    self.rootCertificate = rootCertificate
  }

  /// Reads the URL's parameters and libpq's variables (`PGSSLMODE`, `PGSSLROOTCERT`);
  /// `fileExists` answers for the default root certificate file.
  init(
    parameters: [String: String], environment: [String: String],
    fileExists: (String) -> Bool
  ) throws {
    for name in ["sslcert", "sslkey", "sslpassword", "sslcrl"] where parameters[name] != nil {
      throw StoreError(
        .notAStore, "the PostgreSQL URL's `\(name)` is not supported",
        help: "Credence checks the server's certificate (sslmode=verify-full with "
          + "sslrootcert) but does not present one of its own; log in with a password "
          + "from PGPASSWORD or ~/.pgpass")
    }
    var root = parameters["sslrootcert"] ?? environment["PGSSLROOTCERT"]
    let given = parameters["sslmode"] ?? environment["PGSSLMODE"]
    let text =
      given ?? (root == Self.systemRoots ? Mode.verifyFull.rawValue : Self.defaultMode.rawValue)
    guard let mode = Mode(rawValue: text) else {
      throw StoreError(
        .notAStore, "`sslmode=\(text)` is not a TLS mode",
        help: "use " + Mode.allCases.map(\.rawValue).joined(separator: ", ")
          + " (libpq's modes)")
    }
    if root == Self.systemRoots, mode != .verifyFull {
      throw StoreError(
        .notAStore, "`sslrootcert=system` needs `sslmode=verify-full`, not `\(mode.rawValue)`",
        help: "the system's roots trust any public certificate authority, so the server's "
          + "name must be checked too (as libpq requires)")
    }
    if root == nil, let home = environment["HOME"] {
      let file = home + "/.postgresql/root.crt"
      if fileExists(file) { root = file }
    }
    if root == nil, mode == .verifyCA || mode == .verifyFull {
      throw StoreError(
        .notAStore,
        "`sslmode=\(mode.rawValue)` checks the server's certificate, but no root certificate "
          + "is given and `~/.postgresql/root.crt` does not exist",
        help: "give the certificate authority's certificate as `sslrootcert=FILE` in the URL "
          + "(or PGSSLROOTCERT), or `sslrootcert=system` for the system's trusted roots")
    }
    self.init(mode: mode, rootCertificate: root)
  }

  /// What this mode checks of the server's certificate.
  var verification: Verification {
    switch mode {
    case .disable, .allow, .prefer: .none
    case .require: rootCertificate == nil ? .none : .issuer
    case .verifyCA: .issuer
    case .verifyFull: .issuerAndHost
    }
  }

  /// postgres-nio's TLS for a TCP connection.
  func configuration() throws -> PostgresConnection.Configuration.TLS {
    if mode == .disable { return .disable }
    var tls = TLSConfiguration.makeClientConfiguration()
    switch verification {
    case .none: tls.certificateVerification = .none
    case .issuer: tls.certificateVerification = .noHostnameVerification
    case .issuerAndHost: tls.certificateVerification = .fullVerification
    }
    if verification != .none, let root = rootCertificate, root != Self.systemRoots {
      tls.trustRoots = .file(root)
    }
    let context: NIOSSLContext
    do {
      context = try NIOSSLContext(configuration: tls)
    } catch {
      throw StoreError(
        .notAStore, "the root certificate `\(rootCertificate ?? "")` cannot be read",
        help: "give a readable file of PEM certificates as `sslrootcert`")
    }
    return mode == .allow || mode == .prefer ? .prefer(context) : .require(context)
  }
}

import CredenceStore
import Logging
import NIOSSL
import PostgresNIO

/// One connection to the server, used synchronously: every call waits for its answer on
/// the NIO event loop's thread, so the stores' synchronous doors (`RecordSource`, imports)
/// work from any thread, a Swift concurrency thread included (it blocks, it never waits for
/// another task).
///
/// Parameters are always sent as text and cast in the SQL (`$1::date`), so values keep the
/// exact text the contract gives them (a decimal's digits, a date's ISO form).
final class PostgresSession: @unchecked Sendable {
  let location: PostgresLocation
  private let connection: PostgresConnection
  /// Postgres-NIO's logs go nowhere: they could carry connection details.
  private let logger = Logger(label: "credence.postgres") { _ in SwiftLogNoOpLogHandler() }

  /// Connects and sets the session up: ISO dates, and, for `readOnly`, every transaction
  /// read-only (`default_transaction_read_only`), whatever the role could write.
  init(_ location: PostgresLocation, readOnly: Bool) throws {
    self.location = location
    var configuration: PostgresConnection.Configuration
    if let socket = location.unixSocketPath {
      configuration = .init(
        unixSocketPath: socket, username: location.user, password: location.password,
        database: location.database)
    } else {
      configuration = .init(
        host: location.host, port: location.port, username: location.user,
        password: location.password, database: location.database,
        tls: try location.tls.configuration())
    }
    configuration.options.additionalStartupParameters = [("application_name", "credence")]
    do {
      connection = try PostgresConnection.connect(
        on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration,
        id: 1, logger: logger
      ).wait()
    } catch {
      throw Self.describe(error, location: location, connecting: true)
    }
    try execute("SET DateStyle = 'ISO, YMD'")
    try execute("SET client_min_messages = warning")
    if readOnly { try execute("SET default_transaction_read_only = on") }
  }

  /// Closed before it goes away: postgres-nio requires it (debug builds assert it).
  deinit { close() }

  /// Closes the connection (again: nothing).
  func close() {
    guard !connection.isClosed else { return }
    try? closing().wait()
  }

  /// The connection's close, through its EventLoopFuture door (not the async one).
  private func closing() -> EventLoopFuture<Void> { connection.close() }

  /// The rows of `sql` with the text parameters `binds` (`nil` is NULL).
  func query(_ sql: String, _ binds: [String?] = []) throws -> [PostgresRow] {
    try run(sql, binds).rows
  }

  /// Runs `sql`; returns how many rows it touched (for INSERT, UPDATE, DELETE).
  @discardableResult
  func execute(_ sql: String, _ binds: [String?] = []) throws -> Int {
    try run(sql, binds).metadata.rows ?? 0
  }

  private func run(_ sql: String, _ binds: [String?]) throws -> PostgresQueryResult {
    var bindings = PostgresBindings(capacity: binds.count)
    for bind in binds {
      if let bind { bindings.append(bind) } else { bindings.appendNull() }
    }
    do {
      return try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        .wait()
    } catch {
      throw Self.describe(error, location: location, connecting: false)
    }
  }

  /// A connection that failed over TLS, worded: the server refused TLS, or its certificate
  /// failed the check `sslmode` asks for.
  static func tlsFailure(_ error: PSQLError, location: PostgresLocation) -> StoreError? {
    let mode = location.tls.mode.rawValue
    if error.code == .sslUnsupported {
      return StoreError(
        .database,
        "PostgreSQL at `\(location)` does not accept TLS, which `sslmode=\(mode)` requires",
        help: "turn `ssl` on in the server's configuration, or connect with `sslmode=prefer` "
          + "where the network is trusted (loopback, a private network)")
    }
    guard let underlying = error.underlying else { return nil }
    if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
      return StoreError(
        .database,
        "the certificate of PostgreSQL at `\(location)` does not name `\(location.host)`, "
          + "which `sslmode=verify-full` requires",
        help: "connect by a name the certificate gives (its subject alternative names), or "
          + "use `sslmode=verify-ca`, which checks who signed it but not the name")
    }
    guard underlying is NIOSSLError || underlying is BoringSSLError else { return nil }
    if location.tls.verification != .none,
      String(describing: underlying).contains("CERTIFICATE_VERIFY_FAILED")
    {
      return StoreError(
        .database,
        "the certificate of PostgreSQL at `\(location)` is not signed by the root "
          + "certificate `\(location.tls.rootCertificate ?? "")` (`sslmode=\(mode)`)",
        help: "give the certificate authority that signed the server's certificate as "
          + "`sslrootcert=FILE`")
    }
    return StoreError(
      .database, "the TLS handshake with PostgreSQL at `\(location)` failed (\(underlying))")
  }

  /// The server's SQLSTATE of a failed statement, if the server refused it.
  static func sqlState(_ error: any Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }

  /// A failure worded for the person running Credence: the store without its password, and
  /// the server's own message (which names relations and constraints, never row values:
  /// the row itself is in the DETAIL field, which is left out).
  static func describe(_ error: any Error, location: PostgresLocation, connecting: Bool)
    -> PostgresFailure
  {
    guard let error = error as? PSQLError else {
      return PostgresFailure(
        StoreError(.database, "PostgreSQL at `\(location)` failed (\(error))"), sqlState: nil)
    }
    if let info = error.serverInfo {
      let message = info[.message] ?? "an error"
      let state = info[.sqlState]
      var help: String?
      if state == "28P01" || state == "28000" {
        help = "give the password in PGPASSWORD or ~/.pgpass (never in the URL)"
      } else if state == "25006" {
        help = "evaluation opens its session read-only; write with `credence db import`"
      } else if state == "3D000" {
        help = "create the database first (`createdb`), then run `credence db init`"
      }
      return PostgresFailure(
        StoreError(.database, "PostgreSQL at `\(location)`: \(message)", help: help),
        sqlState: state, serverMessage: message)
    }
    if connecting, let failure = tlsFailure(error, location: location) {
      return PostgresFailure(failure, sqlState: nil)
    }
    if connecting {
      return PostgresFailure(
        StoreError(
          .database, "cannot connect to PostgreSQL at `\(location)`",
          help: "is the server running and listening there? (\(error.code))"), sqlState: nil)
    }
    return PostgresFailure(
      StoreError(.database, "PostgreSQL at `\(location)` failed (\(error.code))"), sqlState: nil)
  }
}

/// A failed statement: the error for the person, and the server's SQLSTATE for the code
/// that decides what the failure means (a broken `CHECK`, a read-only session).
struct PostgresFailure: Error {
  let error: StoreError
  let sqlState: String?
  /// The server's own message (names relations and constraints, not values).
  let serverMessage: String?

  init(_ error: StoreError, sqlState: String?, serverMessage: String? = nil) {
    self.error = error
    self.sqlState = sqlState
    self.serverMessage = serverMessage
  }
}

extension PostgresRow {
  /// Column `index` as text, `nil` for NULL.
  func text(_ index: Int) throws -> String? {
    let cell = makeRandomAccess()[index]
    guard cell.bytes != nil else { return nil }
    return try cell.decode(String.self)
  }
}

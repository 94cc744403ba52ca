import CredenceStore
import Foundation

/// Where a PostgreSQL record store is, from a `postgres://` URL and libpq's environment.
///
/// A part the URL leaves out comes from `PGHOST`, `PGPORT`, `PGUSER` and `PGDATABASE`, as
/// libpq reads them; the bare URL `postgres://` takes the whole connection from
/// `DATABASE_URL` when it is set. The password comes from the URL, else `PGPASSWORD`, else
/// the passfile (`PGPASSFILE`, else `~/.pgpass`). The password is never part of
/// ``description``: messages and logs name the store without it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  public var host: String
  public var port: Int
  public var user: String
  public var database: String
  /// Never printed.
  var password: String?
  /// Whether the password was written in the URL itself (visible in process lists).
  public private(set) var passwordInURL = false
  /// TLS as `sslmode` and `sslrootcert` ask (``PostgresTLS``).
  public var tls = PostgresTLS(mode: PostgresTLS.defaultMode, rootCertificate: nil)

  /// Whether `text` names a PostgreSQL store rather than a SQLite file.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// Reads `url` (`postgres://[user[:password]@][host][:port][/database][?sslmode=…&sslrootcert=…]`).
  /// `fileExists` answers whether libpq's default root certificate file is there.
  public init(
    url: String, environment: [String: String],
    fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
  ) throws {
    var url = url
    if url == "postgres://" || url == "postgresql://",
      let fromEnvironment = environment[
        "DATABASE_URL"], Self.isURL(fromEnvironment)
    {
      url = fromEnvironment
    }
    guard let schemeEnd = url.range(of: "://") else { throw Self.malformed("no `://`") }
    var rest = Substring(url[schemeEnd.upperBound...])
    var parameters: [String: String] = [:]
    if let question = rest.firstIndex(of: "?") {
      for pair in rest[rest.index(after: question)...].split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        parameters[Self.decode(parts[0])] = parts.count > 1 ? Self.decode(parts[1]) : ""
      }
      rest = rest[..<question]
    }
    var path: String?
    if let slash = rest.firstIndex(of: "/") {
      path = Self.decode(String(rest[rest.index(after: slash)...]))
      rest = rest[..<slash]
    }
    var userPart: String?
    if let at = rest.lastIndex(of: "@") {
      userPart = String(rest[..<at])
      rest = rest[rest.index(after: at)...]
    }
    var user: String?
    if let userPart {
      if let colon = userPart.firstIndex(of: ":") {
        user = Self.decode(String(userPart[..<colon]))
        password = Self.decode(String(userPart[userPart.index(after: colon)...]))
        passwordInURL = true
      } else {
        user = Self.decode(userPart)
      }
    }
    var hostPart = String(rest)
    var portText: String?
    if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
      // An IPv6 address in brackets, with or without a port after it.
      let after = hostPart[hostPart.index(after: close)...]
      if after.hasPrefix(":") { portText = String(after.dropFirst()) }
      hostPart = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
    } else if let colon = hostPart.lastIndex(of: ":") {
      portText = String(hostPart[hostPart.index(after: colon)...])
      hostPart = String(hostPart[..<colon])
    }
    host =
      nonEmpty(Self.decode(hostPart)) ?? parameters["host"] ?? environment["PGHOST"]
      ?? "localhost"
    let portValue = nonEmpty(portText) ?? parameters["port"] ?? environment["PGPORT"] ?? "5432"
    guard let port = Int(portValue), (1...65535).contains(port) else {
      throw Self.malformed("the port `\(portValue)` is not a number from 1 to 65535")
    }
    self.port = port
    self.user =
      nonEmpty(user) ?? parameters["user"] ?? environment["PGUSER"] ?? environment["USER"]
      ?? "postgres"
    database =
      nonEmpty(path) ?? parameters["dbname"] ?? environment["PGDATABASE"] ?? self.user
    tls = try PostgresTLS(parameters: parameters, environment: environment, fileExists: fileExists)
    if password == nil { password = environment["PGPASSWORD"] }
    if password == nil {
      let passfile =
        environment["PGPASSFILE"]
        ?? environment["HOME"].map { $0 + "/.pgpass" }
      if let passfile { password = Self.passfilePassword(passfile, for: self) }
    }
  }

  /// The store as messages name it: `postgres://user@host:port/database`, never the password.
  public var description: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(user)@\(shownHost):\(port)/\(database)"
  }

  /// Whether the server is reached through a Unix socket in the folder `host`.
  var unixSocketPath: String? {
    host.hasPrefix("/") ? "\(host)/.s.PGSQL.\(port)" : nil
  }

  private static func malformed(_ reason: String) -> Error {
    StoreError(
      .notAStore, "the PostgreSQL URL is malformed: \(reason)",
      help: "write it as postgres://USER@HOST:PORT/DATABASE (the password in PGPASSWORD or "
        + "~/.pgpass, not in the URL)")
  }

  private static func decode(_ text: String) -> String {
    text.removingPercentEncoding ?? text
  }

  /// The password of the first passfile line matching `location`
  /// (`host:port:database:user:password`, `*` matching anything, `\:` and `\\` escaped).
  static func passfilePassword(_ path: String, for location: PostgresLocation) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    let wanted = [location.host, String(location.port), location.database, location.user]
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      var fields: [String] = []
      var field = ""
      var escaped = false
      for character in line {
        if escaped {
          field.append(character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == ":" && fields.count < 4 {
          fields.append(field)
          field = ""
        } else {
          field.append(character)
        }
      }
      fields.append(field)
      guard fields.count == 5 else { continue }
      let matches = zip(fields.prefix(4), wanted).allSatisfy { $0 == "*" || $0 == $1 }
      if matches { return fields[4] }
    }
    return nil
  }
}

private func nonEmpty(_ text: String?) -> String? {
  guard let text, !text.isEmpty else { return nil }
  return text
}

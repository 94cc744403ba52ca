import Foundation
import Testing

@testable import CredencePostgres

/// The PostgreSQL server the tests use: `CREDENCE_TEST_POSTGRES_URL` (`.ci/run` starts a
/// throwaway cluster and sets it). Without it the tests are skipped locally; in CI
/// (`CI=true`) its absence is a failure.
enum TestServer {
  static let variable = "CREDENCE_TEST_POSTGRES_URL"
  static let url = ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
  static var available: Bool { url != nil }
}

@Suite struct TestServerTests {
  @Test func theServerIsThereInCI() {
    if TestServer.url == nil {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("\(TestServer.variable) is not set: CI must run the PostgreSQL tests")
      } else {
        print("note: PostgreSQL store tests skipped: set \(TestServer.variable) to run them")
      }
    }
  }
}

/// A new database on the test server; `drop()` it when done (`defer`: a deinit could run
/// as soon as the last use, with a session still open in it).
final class ScratchDatabase {
  let name: String
  let location: PostgresLocation
  private let admin: PostgresLocation

  init() throws {
    admin = try PostgresLocation(url: TestServer.url ?? "postgres://", environment: [:])
    name = "credence_test_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
    let session = try PostgresSession(admin, readOnly: false)
    defer { session.close() }
    try session.execute("CREATE DATABASE \(name)")
    var location = admin
    location.database = name
    self.location = location
  }

  /// The database's URL, without a password.
  var url: String { location.description }

  var store: PostgresRecordStore { PostgresRecordStore(location: location) }

  /// Runs `sql` (several statements allowed) in the database, as another tool would.
  func execute(_ sql: String) throws {
    let session = try PostgresSession(location, readOnly: false)
    defer { session.close() }
    for statement in sql.components(separatedBy: ";\n") where !statement.allSatisfy(\.isWhitespace)
    {
      try session.execute(statement)
    }
  }

  /// `pg_dump` of the database: schema and rows, as text, without the `\restrict` lines
  /// (newer pg_dump brackets its output with a random key each run).
  func dump() throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "pg_dump", "--no-owner", "-h", location.host, "-p", String(location.port), "-U",
      location.user, name,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n")
      .filter { !$0.hasPrefix("\\restrict") && !$0.hasPrefix("\\unrestrict") }
      .joined(separator: "\n")
  }

  func drop() {
    if let session = try? PostgresSession(admin, readOnly: false) {
      _ = try? session.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
      session.close()
    }
  }
}

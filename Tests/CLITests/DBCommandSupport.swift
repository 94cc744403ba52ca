import Foundation

/// Runs the built `credence` binary for the `db` command tests.
enum DBCommand {
  /// The `credence` executable next to the test bundle in the build directory.
  static var executable: URL {
    let buildDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
    let candidates = [
      buildDirectory.appendingPathComponent("credence"),
      Bundle.main.bundleURL.appendingPathComponent("credence"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[0]
  }

  struct Outcome {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  /// Runs `credence ARGUMENTS…` in `directory` and waits for it.
  static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Outcome {
    let process = try start(arguments, in: directory, environment: environment)
    let output = process.standardOutput as? Pipe
    let error = process.standardError as? Pipe
    let outData = output?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    let errData = error?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  /// Runs `sqlite3 DATABASE SQL` (as another tool writing the file would) and gives its
  /// exit status; the tests that use it need the sqlite3 command-line tool.
  static func sqlite(_ database: String, _ sql: String) throws -> Int32 {
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = ["sqlite3", database, sql]
    try sqlite.run()
    sqlite.waitUntilExit()
    return sqlite.terminationStatus
  }

  /// Starts `credence ARGUMENTS…` without waiting, its output going to pipes.
  static func start(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Process {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    return process
  }
}

/// A fresh temporary directory for one CLI test, removed when dropped.
final class DBScratchDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-db-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  func bytes(_ name: String) -> Data {
    (try? Data(contentsOf: URL(fileURLWithPath: path(name)))) ?? Data()
  }
}

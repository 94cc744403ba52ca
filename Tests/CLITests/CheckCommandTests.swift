import Foundation
import Testing

/// `credence check`, run as a user would: the built binary, its output and exit status.
@Suite struct CheckCommandTests {
  /// The `credence` executable in the build directory, next to the test bundle.
  static var executable: URL {
    let buildDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
    let candidates = [
      buildDirectory.appendingPathComponent("credence"),
      Bundle.main.bundleURL.appendingPathComponent("credence"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[0]
  }

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  struct Outcome {
    var status: Int32
    var output: String
    var error: String
  }

  /// Runs `credence ARGUMENTS…` in `directory` with `environment` added.
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:]
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let errorData = Locked<Data>()
    let reader = Thread { errorData.value = error.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { Thread.sleep(forTimeInterval: 0.005) }
    return Outcome(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      error: String(decoding: errorData.value ?? Data(), as: UTF8.self))
  }

  /// A temporary folder holding `files`, removed afterwards.
  static func withFolder<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    for (name, text) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file)
    }
    return try body(url)
  }

  @Test func thePolicyLibraryIsClean() throws {
    let outcome = try Self.run(["check", "policies"], in: Self.packageRoot)
    #expect(outcome.status == 0, "\(outcome.output)")
    #expect(outcome.output.hasPrefix("checked "))
    #expect(outcome.output.hasSuffix(": no problems found\n"))
  }

  @Test func errorsExitWithDataError() throws {
    try Self.withFolder(["bad.credence": "let a = (1 +\nlet b = 2\n"]) { dir in
      let outcome = try Self.run(["check", "bad.credence"], in: dir)
      #expect(outcome.status == 65)
      #expect(
        outcome.output == """
          error[E0201]: expected an expression, found `let`
           --> bad.credence:1:13
            |
          1 | let a = (1 +
            |             ^

          checked 1 file: 1 error

          """)
    }
  }

  @Test func aMissingPathExitsWithNoInput() throws {
    try Self.withFolder(["ok.credence": "let a = 1\n"]) { dir in
      let outcome = try Self.run(["check", "ok.credence", "nope.credence"], in: dir)
      #expect(outcome.status == 66)
      #expect(outcome.error == "error[E0001]: no such file or folder: `nope.credence`\n")
      #expect(outcome.output.isEmpty)
    }
  }

  @Test func aFolderWithoutPoliciesExitsWithNoInput() throws {
    try Self.withFolder(["notes.txt": "x"]) { dir in
      let outcome = try Self.run(["check", "."], in: dir)
      #expect(outcome.status == 66)
      #expect(outcome.error == "error[E0004]: no `.credence` files in `.`\n")
    }
  }

  @Test func foldersAreSearchedRecursivelyInSortedOrder() throws {
    let files = [
      "b/second.credence": "let b = )\n",
      "a/nested/first.credence": "let a = )\n",
      "a/.hidden/skipped.credence": "let c = )\n",
      "a/readme.txt": ")",
    ]
    try Self.withFolder(files) { dir in
      let outcome = try Self.run(["check", "--error-format", "plain", "."], in: dir)
      #expect(outcome.status == 65)
      #expect(
        outcome.output == """
          ./a/nested/first.credence:1:9: error[E0201]: expected an expression, found `)`
          ./b/second.credence:1:9: error[E0201]: expected an expression, found `)`

          """)
    }
  }

  @Test func tenThousandNestedParenthesesGiveADiagnostic() throws {
    let deep =
      "let x = " + String(repeating: "(", count: 10_000) + "1"
      + String(repeating: ")", count: 10_000) + "\n"
    try Self.withFolder(["deep.credence": deep]) { dir in
      let outcome = try Self.run(["check", "--error-format", "plain", "deep.credence"], in: dir)
      #expect(outcome.status == 65)
      #expect(outcome.output.contains("error[E0203]: this is nested more than 128 levels deep"))
      #expect(outcome.output.split(separator: "\n").filter { $0.contains("error[") }.count == 1)
    }
  }

  @Test func jsonOutputIsOneDocument() throws {
    try Self.withFolder(["bad.credence": "let d = 2026-02-30\n"]) { dir in
      let outcome = try Self.run(["check", "--error-format", "json", "bad.credence"], in: dir)
      #expect(outcome.status == 65)
      let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
      let document = try #require(object as? [String: Any])
      #expect(document["errors"] as? Int == 1)
      let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
      #expect(diagnostics.count == 1)
      #expect(diagnostics.first?["code"] as? String == "E0106")
      #expect(diagnostics.first?["message"] as? String == "`2026-02-30` is not a calendar date")
      #expect(diagnostics.first?["line"] as? Int == 1)
      #expect(diagnostics.first?["column"] as? Int == 9)
      #expect(diagnostics.first?["help"] as? String == "February 2026 has 28 days")
    }
  }

  @Test func noColourWhenNotATerminal() throws {
    try Self.withFolder(["bad.credence": "let a = )\n"]) { dir in
      let plain = try Self.run(["check", "bad.credence"], in: dir)
      let noColor = try Self.run(
        ["check", "bad.credence"], in: dir, environment: ["NO_COLOR": "1"])
      #expect(!plain.output.contains("\u{1B}["))
      #expect(!noColor.output.contains("\u{1B}["))
      #expect(plain.output == noColor.output)
    }
  }

  @Test func warningsFailOnlyWithWarningsAsErrors() throws {
    let policy = "policy \"P\"\n  version \"1\"\n\nlet unused = 1\n"
    try Self.withFolder(["p.credence": policy]) { dir in
      let lenient = try Self.run(["check", "--error-format", "plain", "p.credence"], in: dir)
      #expect(lenient.status == 0)
      #expect(
        lenient.output == "p.credence:4:5: warning[W0301]: the let `unused` is never used\n"
          + "p.credence:4:5: help: remove it, or use it in a rule or a test\n")
      let strict = try Self.run(["check", "--warnings-as-errors", "p.credence"], in: dir)
      #expect(strict.status == 65)
      #expect(strict.output.hasSuffix("checked 1 file: 1 warning\n"))
    }
  }

  @Test func checkerErrorsAreReportedWithTheirCodes() throws {
    let policy = """
      policy "P"
        version "1"

      let total = 500 SGD + 150 USD
      let later = total > 0 SGD

      test "t"
        as of 2026-01-01
        expect later
      """
    try Self.withFolder(["p.credence": policy]) { dir in
      let outcome = try Self.run(["check", "--error-format", "plain", "p.credence"], in: dir)
      #expect(outcome.status == 65)
      #expect(
        outcome.output.hasPrefix(
          "p.credence:4:13: error[E0403]: cannot add `Money(SGD)` and `Money(USD)`\n"))
    }
  }

  @Test func aBadFormatIsAUsageError() throws {
    try Self.withFolder(["ok.credence": "let a = 1\n"]) { dir in
      let outcome = try Self.run(["check", "--error-format", "xml", "ok.credence"], in: dir)
      #expect(outcome.status == 64)
    }
  }
}

/// A value written by one thread and read by another.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value?
  private var set = false

  var value: Value? {
    get { lock.withLock { stored } }
    set {
      lock.withLock {
        stored = newValue
        set = true
      }
    }
  }

  var isSet: Bool { lock.withLock { set } }
}

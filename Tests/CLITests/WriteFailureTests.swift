import Foundation
import Testing

/// Every output path of the real binary when its output cannot be written: standard output
/// on a full device or a pipe nobody reads (SIGPIPE ignored), and standard error full. The
/// command says so on standard error when it can and exits 74; it never traps, and never
/// exits 0 with its output lost.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
struct WriteFailureTests {
  static let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path
  static let policyFile = EvalFixtures.folder.appendingPathComponent("policies/examples.credence")
    .path

  /// A sample store of 40 learners, made once for the suite (only read after that).
  nonisolated(unsafe) static let store: (DBScratchDirectory, String) = {
    let dir = try! DBScratchDirectory()
    let path = dir.path("sample.db")
    _ = try! DBCommand.run(["db", "sample", path, "--learners", "40", "--seed", "1"])
    return (dir, path)
  }()

  /// Every command that writes to standard output, with what it reads on standard input.
  static let commands: [(arguments: [String], input: String?)] = [
    (["check", policies], nil),
    (["test", policies], nil),
    (["doc", policies], nil),
    (["fmt", "-"], policyFile),
    (["eval", policies, "--db", store.1, "--all", "--as-of", "2026-06-30"], nil),
    (["eval", policies, "--db", store.1, "--learner", "L0000001", "--format", "json"], nil),
    (
      [
        "path", policies, "--db", store.1, "--learner", "L0000039", "--as-of", "2026-06-30",
        "--to", "nus_gc_is",
      ], nil
    ),
    (["db", "stats", store.1], nil),
    (["db", "stats", store.1, "--check"], nil),
    (["--help"], nil),
    (["lsp"], lspInitialize),
  ]

  /// An `initialize` request, framed, which `credence lsp` answers on standard output.
  static let lspInitialize: String = {
    let body = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#
    let path = store.0.path("initialize.lsp")
    try! Data(("Content-Length: \(body.utf8.count)\r\n\r\n" + body).utf8)
      .write(to: URL(fileURLWithPath: path))
    return path
  }()

  struct Outcome {
    var status: Int32
    var reason: Process.TerminationReason
    var standardError: String
  }

  /// Runs `credence ARGUMENTS…` with standard output on `output`; standard error goes to
  /// `error` when given, else to a pipe that is read. With `ignoringSIGPIPE` the binary is
  /// started through a shell that ignores SIGPIPE, which the binary inherits.
  static func run(
    _ arguments: [String], input: String? = nil, output: FileHandle, error: FileHandle? = nil,
    ignoringSIGPIPE: Bool = false
  ) throws -> Outcome {
    let process = Process()
    if ignoringSIGPIPE {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", DBCommand.executable.path]
        + arguments
    } else {
      process.executableURL = DBCommand.executable
      process.arguments = arguments
    }
    process.standardInput = input.flatMap { FileHandle(forReadingAtPath: $0) }
    process.standardOutput = output
    let pipe = Pipe()
    process.standardError = error ?? pipe
    try process.run()
    let text = error == nil ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, reason: process.terminationReason,
      standardError: String(decoding: text, as: UTF8.self))
  }

  static var full: FileHandle { FileHandle(forWritingAtPath: "/dev/full")! }

  @Test(arguments: commands.indices)
  func aFullDiskIsAnIOError(_ index: Int) throws {
    let (arguments, input) = Self.commands[index]
    let outcome = try Self.run(arguments, input: input, output: Self.full)
    #expect(outcome.reason == .exit, "\(arguments): killed by a signal")
    #expect(outcome.status == 74, "\(arguments): \(outcome.standardError)")
    #expect(
      outcome.standardError.contains(
        "error: cannot write standard output: No space left on device"),
      "\(arguments): \(outcome.standardError)")
    #expect(!outcome.standardError.contains("Fatal error"))
  }

  @Test(arguments: commands.indices)
  func aPipeNobodyReadsIsAnIOError(_ index: Int) throws {
    let (arguments, input) = Self.commands[index]
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let outcome = try Self.run(
      arguments, input: input, output: pipe.fileHandleForWriting, ignoringSIGPIPE: true)
    #expect(outcome.reason == .exit, "\(arguments): killed by a signal")
    #expect(outcome.status == 74, "\(arguments): \(outcome.standardError)")
    #expect(
      outcome.standardError.contains("error: cannot write standard output: Broken pipe"),
      "\(arguments): \(outcome.standardError)")
  }

  /// Errors that only standard error would carry: a policy with a mistake, a learner the
  /// store lacks. Nothing can be said, but the status still says it.
  @Test(arguments: [
    ["eval", "BAD", "--db", store.1, "--all"],
    ["check", "no-such-folder"],
    ["eval", policies, "--db", store.1, "--learner", "NOPE"],
    ["db", "stats", "no-such.db"],
  ])
  func aFullStandardErrorIsAnIOError(_ arguments: [String]) throws {
    let dir = try DBScratchDirectory()
    let bad = dir.path("bad.credence")
    try Data("let x = 1 +\n".utf8).write(to: URL(fileURLWithPath: bad))
    let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
    let outcome = try Self.run(
      arguments.map { $0 == "BAD" ? bad : $0 }, output: sink, error: Self.full)
    #expect(outcome.reason == .exit, "\(arguments): killed by a signal")
    #expect(outcome.status == 74, "\(arguments)")
  }
}

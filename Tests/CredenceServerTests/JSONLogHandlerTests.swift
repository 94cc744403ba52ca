import CredenceServer
import Foundation
import Logging
import Testing

/// The server's JSON log lines, and what happens when they cannot be written.
@Suite struct JSONLogHandlerTests {
  @Test func aLineIsOneJSONObjectWithSortedMetadata() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("credence-log-\(UUID().uuidString).jsonl").path
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    #expect(descriptor >= 0)
    defer { unlink(path) }
    let logger = Logger(label: "test") { JSONLogHandler(label: $0, descriptor: descriptor) }
    logger.info("request", metadata: ["route": "/v1/decide", "a": "1"])
    close(descriptor)
    let line = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      line.hasSuffix("\"msg\":\"request\",\"a\":\"1\",\"route\":\"/v1/decide\"}\n"), "\(line)")
    #expect(line.hasPrefix("{\"ts\":\""))
  }

  /// A full log disk loses the line and nothing else: the handler returns, it does not trap
  /// (a collector gone, with SIGPIPE ignored, is the same error path: EPIPE).
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
  func aLineThatCannotBeWrittenIsDropped() throws {
    let full = open("/dev/full", O_WRONLY)
    #expect(full >= 0)
    defer { close(full) }
    let logger = Logger(label: "test") { JSONLogHandler(label: $0, descriptor: full) }
    for index in 0..<3 { logger.error("lost", metadata: ["n": "\(index)"]) }
    // Reaching here is the test: the trap ended the whole test process.
  }
}

import Foundation
import Testing

/// `db sample --learners N` outside 1…999,999,999 is a usage error (64), written before any
/// file is touched; a negative count is read as a count, not as a missing value.
@Suite struct DBSampleUsageTests {
  @Test(arguments: ["0", "-5", "1000000000"])
  func aCountOutOfRangeIsAUsageError(count: String) throws {
    let dir = try DBScratchDirectory()
    let outcome = try DBCommand.run(["db", "sample", "a.db", "--learners", count], in: dir.url)
    #expect(outcome.status == 64)
    #expect(
      outcome.standardError.contains("--learners must be between 1 and 999999999, not \(count)"))
    #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("a.db").path))
  }
}

import Foundation
import Testing

/// `credence eval --sample`: the bundled sample store, generated once into the cache folder
/// (`CREDENCE_CACHE_DIR` here, a scratch directory) and reused after.
@Suite struct EvalSampleTests {
  static let policies = EvalFixtures.packageRoot.appendingPathComponent("policies").path
  static let arguments = ["eval", policies, "--sample", "--learner", "L0000036", "--explain"]

  /// The stores in the cache folder; no temporary file may be left (SQLite's own `-wal` and
  /// `-shm` beside a store are not the sample's).
  static func files(_ dir: DBScratchDirectory) throws -> [String] {
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    #expect(!files.contains { $0.hasSuffix(".partial") }, "a temporary file is left: \(files)")
    return files.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
  }

  @Test func theSampleIsWrittenOnceAndGivesWhatTheSameStoreGivesWithDB() throws {
    let cache = try DBScratchDirectory()
    let environment = ["CREDENCE_CACHE_DIR": cache.url.path]
    let first = try DBCommand.run(Self.arguments, environment: environment)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardError.contains("wrote the sample store"))
    let stores = try Self.files(cache)
    #expect(stores.count == 1 && stores[0].hasSuffix(".db"), "\(stores)")
    let store = cache.path(stores[0])
    let written =
      try FileManager.default.attributesOfItem(atPath: store)[.modificationDate] as? Date

    let second = try DBCommand.run(Self.arguments, environment: environment)
    #expect(second.status == 0)
    #expect(second.standardError == "", "the second run reuses the store silently")
    #expect(second.standardOutput == first.standardOutput)
    let after = try FileManager.default.attributesOfItem(atPath: store)[.modificationDate] as? Date
    #expect(after == written)

    // The same store through --db, on the sample's date: the same decisions.
    let direct = try DBCommand.run([
      "eval", Self.policies, "--db", store, "--learner", "L0000036", "--as-of", "2026-06-30",
      "--explain",
    ])
    #expect(direct.status == 0)
    #expect(direct.standardOutput == first.standardOutput)
    #expect(first.standardOutput.contains("L0000036"))
  }

  @Test func twoProcessesAtOnceShareOneCompleteStore() throws {
    let cache = try DBScratchDirectory()
    let environment = ["CREDENCE_CACHE_DIR": cache.url.path]
    let processes = try (0..<2).map { _ in
      try DBCommand.start(Self.arguments, environment: environment)
    }
    var outputs: [String] = []
    for process in processes {
      let output = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile()
      let error = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(
        process.terminationStatus == 0, "\(String(decoding: error ?? Data(), as: UTF8.self))")
      outputs.append(String(decoding: output ?? Data(), as: UTF8.self))
    }
    #expect(outputs[0] == outputs[1])
    #expect(!outputs[0].isEmpty)
    let files = try Self.files(cache)
    #expect(files.count == 1, "one store and no temporary file: \(files)")
  }

  @Test func sampleAndDBTogetherAreAUsageError() throws {
    let cache = try DBScratchDirectory()
    let outcome = try DBCommand.run(
      ["eval", Self.policies, "--sample", "--db", "x.db", "--learner", "L0000036"],
      environment: ["CREDENCE_CACHE_DIR": cache.url.path])
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("either --db or --sample"))
    #expect(try Self.files(cache) == [], "nothing is written for a usage error")
  }
}

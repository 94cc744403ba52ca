import Foundation
import Testing

/// Golden files: rendered output checked into git, re-recorded with
/// `CREDENCE_RECORD_GOLDEN=1`.
enum Golden {
  static let folder = Programs.root.appendingPathComponent("Tests/CredenceSemanticsTests/golden")

  static var recording: Bool {
    ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1"
  }

  static func url(_ name: String) -> URL {
    folder.appendingPathComponent(name + ".txt")
  }

  /// Compares `text` with the golden file `name`, or records it.
  static func assert(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = url(name)
    if recording {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "no golden file \(name).txt: run with CREDENCE_RECORD_GOLDEN=1 to record it",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      text == golden, "\(name): rendering differs from its golden file",
      sourceLocation: sourceLocation)
  }
}

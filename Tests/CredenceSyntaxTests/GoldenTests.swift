import CredenceSyntax
import Foundation
import Testing

/// Rendered diagnostics compared with files under `golden/`; run with
/// `CREDENCE_RECORD_GOLDEN=1` to re-record them, then review the diff in git.
@Suite struct GoldenTests {
  /// The spec files whose diagnostics are rendered: every file that expects an error.
  static var filesWithErrors: [String] {
    Corpus.specFiles.filter { path in
      String(decoding: Corpus.bytes(path), as: UTF8.self).contains("# expect error")
    }
  }

  static func render(_ path: String, _ renderer: DiagnosticRenderer) -> String {
    var sources = SourceSet()
    let source = sources.add(path: path, bytes: Corpus.bytes(path))
    let parsed = Parser.parse(source)
    return renderer.render(parsed.diagnostics, sources: sources)
  }

  /// Compares `actual` with the golden file `name`, or records it.
  static func assertGolden(_ actual: String, _ name: String) throws {
    let url = Corpus.goldenFolder.appendingPathComponent(name)
    if Corpus.recordingGolden {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
      actual == expected, "\(name) differs; re-record with CREDENCE_RECORD_GOLDEN=1 and review")
  }

  static func goldenName(_ path: String, _ suffix: String) -> String {
    path.replacingOccurrences(of: "spec/", with: "").replacingOccurrences(of: ".credence", with: "")
      + suffix
  }

  @Test(arguments: filesWithErrors)
  func humanRendering(_ path: String) throws {
    try Self.assertGolden(
      Self.render(path, DiagnosticRenderer(format: .human)), Self.goldenName(path, ".human.txt"))
  }

  @Test func everyFormatOfTheFiveMistakes() throws {
    let path = "spec/errors/five-mistakes.credence"
    try Self.assertGolden(
      Self.render(path, DiagnosticRenderer(format: .plain)), "errors/five-mistakes.plain.txt")
    try Self.assertGolden(
      Self.render(path, DiagnosticRenderer(format: .json)), "errors/five-mistakes.json")
    try Self.assertGolden(
      Self.render(path, DiagnosticRenderer(format: .human, colour: true)),
      "errors/five-mistakes.colour.txt")
  }

  @Test func thereIsAGoldenFilePerErrorSpec() {
    #expect(Self.filesWithErrors.count >= 8)
  }
}

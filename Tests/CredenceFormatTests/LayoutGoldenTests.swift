import CredenceFormat
import CredenceSyntax
import Foundation
import Testing

/// Representative layouts: each `layouts/NAME.credence` is written carelessly on purpose,
/// and `layouts/NAME.formatted` is what `credence fmt` makes of it, reviewed in git.
/// Re-record with `CREDENCE_RECORD_GOLDEN=1 swift test --filter LayoutGoldenTests`.
@Suite struct LayoutGoldenTests {
  static var examples: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: Corpus.layoutsFolder.path)) ?? [])
      .filter { $0.hasSuffix(".credence") }.sorted()
  }

  @Test func thereAreExamples() {
    #expect(Self.examples.count >= 6)
  }

  @Test(arguments: examples)
  func layout(_ name: String) throws {
    let input = Corpus.layoutsFolder.appendingPathComponent(name)
    let golden = input.deletingPathExtension().appendingPathExtension("formatted")
    let source = SourceFile(id: FileID(0), path: name, bytes: Array(try Data(contentsOf: input)))
    guard case .formatted(let text) = Formatter.format(source) else {
      Issue.record("\(name) did not format: \(Formatter.format(source))")
      return
    }
    if Corpus.recordingGolden {
      try Data(text.utf8).write(to: golden)
      return
    }
    let expected = String(decoding: try Data(contentsOf: golden), as: UTF8.self)
    #expect(text == expected, "\(name) formats differently from \(golden.lastPathComponent)")
    // The examples are not already formatted, or they would show nothing.
    #expect(Array(text.utf8) != source.bytes, "\(name) is already in canonical layout")
  }
}

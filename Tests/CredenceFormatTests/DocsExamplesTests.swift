import CredenceFormat
import CredenceSyntax
import Foundation
import Testing

/// The language reference shows policies as `credence fmt` writes them: every example in
/// docs/language.md that is a complete, error-free piece of policy is in canonical layout.
@Suite struct DocsExamplesTests {
  /// The fenced blocks without a language tag of a Markdown page that start at the left
  /// margin (blocks tagged `sh` and the like are not policies).
  static func examples(in page: String) -> [String] {
    var blocks: [String] = []
    var inFence = false
    var current: [Substring]?
    for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if inFence {
          if let lines = current { blocks.append(lines.map { $0 + "\n" }.joined()) }
          current = nil
        } else if line == "```" {
          current = []
        }
        inFence.toggle()
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  @Test func languageReferenceExamplesAreFormatted() throws {
    let url = Corpus.packageRoot.appendingPathComponent("docs/language.md")
    let page = try String(contentsOf: url, encoding: .utf8)
    let blocks = Self.examples(in: page)
    var checked = 0
    for block in blocks {
      guard case .formatted(let text) = Formatter.format(block) else { continue }
      checked += 1
      #expect(text == block, "an example in docs/language.md is not in canonical layout:\n\(block)")
    }
    #expect(checked >= 10, "only \(checked) of \(blocks.count) examples were checked")
  }
}

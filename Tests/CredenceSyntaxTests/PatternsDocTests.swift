import Foundation
import Testing

/// Keeps docs/patterns.md in step with the policy library: every pattern P1–P28 is mapped,
/// and every `file:line` it cites still holds the text it quotes.
@Suite("Pattern map")
struct PatternsDocTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The patterns of domain.md §5.
  static let patternCount = 28

  /// One cited line: the file, the 1-based line number and the text the page quotes.
  struct Citation {
    let path: String
    let line: Int
    let quote: String
  }

  static func page() throws -> String {
    try String(contentsOf: root.appendingPathComponent("docs/patterns.md"), encoding: .utf8)
  }

  static func citations(in page: String) throws -> [Citation] {
    let row = try NSRegularExpression(
      pattern: #"\[(policies/[^\]:]+):(\d+)\]\([^)]*\)[^|]*\| `(.*)` \|\s*$"#,
      options: [.anchorsMatchLines])
    let text = page as NSString
    return row.matches(in: page, range: NSRange(location: 0, length: text.length)).compactMap {
      match in
      guard let line = Int(text.substring(with: match.range(at: 2))) else { return nil }
      let quote = text.substring(with: match.range(at: 3)).replacingOccurrences(
        of: #"\|"#, with: "|")
      return Citation(path: text.substring(with: match.range(at: 1)), line: line, quote: quote)
    }
  }

  @Test("every pattern P1–P28 has a row")
  func everyPatternIsMapped() throws {
    let page = try Self.page()
    for number in 1...Self.patternCount {
      #expect(page.contains("| P\(number) |"), "P\(number) is not mapped in docs/patterns.md")
    }
  }

  @Test("every cited line holds the quoted text")
  func citationsAreAccurate() throws {
    let citations = try Self.citations(in: try Self.page())
    #expect(citations.count >= Self.patternCount)
    for citation in citations {
      let url = Self.root.appendingPathComponent(citation.path)
      let lines = try String(contentsOf: url, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false)
      try #require(
        citation.line >= 1 && citation.line <= lines.count,
        "\(citation.path):\(citation.line) is past the end")
      #expect(
        lines[citation.line - 1].contains(citation.quote),
        "\(citation.path):\(citation.line) no longer reads `\(citation.quote)`")
    }
  }

  @Test("a moved line is caught")
  func staleCitationFails() throws {
    let page = try Self.page()
    let first = try #require(try Self.citations(in: page).first)
    let url = Self.root.appendingPathComponent(first.path)
    let lines = try String(contentsOf: url, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    // One line later (or earlier at the end) must not hold the same quote for the check above
    // to mean anything.
    let other = first.line < lines.count ? first.line + 1 : first.line - 1
    #expect(!lines[other - 1].contains(first.quote))
  }
}

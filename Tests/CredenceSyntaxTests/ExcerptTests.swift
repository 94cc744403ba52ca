import CredenceTestSupport
import Testing

@testable import CredenceSyntax

/// The source excerpt under a diagnostic, built from the window it draws only, against the
/// plain definition: expand every tab, make every control character visible, then cut.
@Suite struct ExcerptTests {
  /// The excerpt as defined, over a copy of the whole line.
  struct Reference {
    let text: String
    let first: Int
    let last: Int
    let shift: Int

    init(line: String, around column: Int) {
      var drawn: [Unicode.Scalar] = []
      for scalar in line.unicodeScalars {
        if scalar == "\t" {
          drawn += repeatElement(" ", count: DiagnosticRenderer.tabWidth)
        } else {
          drawn.append(DiagnosticRenderer.visible(scalar))
        }
      }
      guard drawn.count > Excerpt.maxWidth else {
        (first, last, shift) = (0, drawn.count, 0)
        text = String(String.UnicodeScalarView(drawn))
        return
      }
      var start = max(0, column - Excerpt.leadingContext)
      let end = min(drawn.count, start + Excerpt.maxWidth)
      start = max(0, end - Excerpt.maxWidth)
      (first, last, shift) = (start, end, start > 0 ? 1 : 0)
      text =
        (start > 0 ? "…" : "") + String(String.UnicodeScalarView(drawn[start..<end]))
        + (end < drawn.count ? "…" : "")
    }

    func columns(of columns: Range<Int>) -> Range<Int> {
      let lower = min(max(columns.lowerBound, first), last)
      let upper = max(min(columns.upperBound, last), lower + 1)
      return (lower - first + shift)..<(upper - first + shift)
    }
  }

  /// Pieces a line is made of: tabs (cut at the window's edges), controls, C1 controls,
  /// combining marks, wide and astral characters, replacement characters from bad bytes.
  static let pieces: [String] = [
    "a", "stack", " ", "\t", "\t\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "é", "e\u{301}",
    "\t\u{301}", "✓", "🎓", "\u{FFFD}", "≥",
  ]

  @Test func matchesTheDefinitionOnRandomLines() {
    var generator = SplitMix64(seed: 22)
    for _ in 0..<3_000 {
      let count = Int.random(
        in: 0...([8, 80, 400][Int.random(in: 0..<3, using: &generator)]),
        using: &generator)
      let line = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      let width = Reference(line: line, around: 0).last
      let column = Int.random(in: 0...(max(width, 1) + 5), using: &generator)
      let excerpt = Excerpt(line: line, around: column)
      let reference = Reference(line: line, around: column)
      #expect(excerpt.text == reference.text, "line \(line.debugDescription), column \(column)")
      for _ in 0..<4 {
        let lower = Int.random(in: 0...(width + 5), using: &generator)
        let upper = lower + Int.random(in: 0...300, using: &generator)
        #expect(excerpt.columns(of: lower..<upper) == reference.columns(of: lower..<upper))
      }
    }
  }

  @Test func aLineOfAMegabyteIsDrawnAsAWindow() {
    let line = String(repeating: "ab\t", count: 350_000)
    let excerpt = Excerpt(line: line, around: 1_000_000)
    #expect(excerpt.text.unicodeScalars.count == Excerpt.maxWidth + 2)
    #expect(excerpt.text == Reference(line: line, around: 1_000_000).text)
  }
}

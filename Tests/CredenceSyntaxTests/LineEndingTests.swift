import CredenceSyntax
import Foundation
import Testing

/// LF, CRLF and a lone CR are line ends everywhere: the line table, the lexer's layout rule,
/// comments, strings and the positions diagnostics name.
@Suite struct LineEndingTests {
  /// `text` with every LF replaced by `ending`.
  static func withEndings(_ bytes: [UInt8], _ ending: [UInt8]) -> [UInt8] {
    bytes.flatMap { $0 == UInt8(ascii: "\n") ? ending : [$0] }
  }

  /// What the front end says about a file, with positions as line:column.
  static func outline(_ bytes: [UInt8]) -> (tree: String, diagnostics: [String]) {
    var sources = SourceSet()
    let source = sources.add(path: "t.credence", bytes: bytes)
    let parsed = Parser.parse(source)
    let diagnostics = parsed.diagnostics.map {
      "\(source.location(of: $0.span.start)) \($0.code) \($0.message)"
    }
    let comments = parsed.syntax.comments.map { "\(source.location(of: $0.span.start)) \($0.text)" }
    let tree = parsed.syntax.declarations.map(\.sExpression).joined(separator: "\n")
    return (tree + "\n" + comments.joined(separator: "\n"), diagnostics)
  }

  @Test func aLoneCarriageReturnStartsALine() {
    #expect(SourceFile(path: "t", text: "a\rb\r\rc").lineStarts == [0, 2, 4, 5])
    #expect(SourceFile(path: "t", text: "a\r").lineStarts == [0, 2])
    #expect(SourceFile(path: "t", text: "a\r\r\nb").lineStarts == [0, 2, 4])
    let source = SourceFile(path: "t", text: "ab\rcd\r\nef")
    #expect(source.location(of: 4) == SourceLocation(line: 2, column: 2))
    #expect(source.location(of: 8) == SourceLocation(line: 3, column: 2))
    #expect((1...3).map(source.lineText) == ["ab", "cd", "ef"])
  }

  @Test func theLayoutRuleReadsCarriageReturnsAsLineEnds() {
    let text = "stack s \"S\"\n  require all of\n    a\n    b\n  # kept\nlet x = 1\n"
    let lf = Self.outline(Array(text.utf8))
    #expect(lf.diagnostics.isEmpty)
    for ending in [[UInt8(ascii: "\r")], [UInt8(ascii: "\r"), UInt8(ascii: "\n")]] {
      let other = Self.outline(Self.withEndings(Array(text.utf8), ending))
      #expect(other.tree == lf.tree)
      #expect(other.diagnostics == lf.diagnostics)
    }
  }

  @Test func anUnterminatedStringEndsAtACarriageReturn() {
    let outline = Self.outline(Array("let a = \"x\rlet b = 2\r".utf8))
    #expect(outline.diagnostics.count == 1)
    #expect(outline.diagnostics.first?.hasPrefix("1:9 ") == true)
    #expect(outline.tree.contains("b"))
  }

  /// Every spec and policy file says the same, at the same lines and columns, whichever
  /// line ending it is saved with.
  @Test(arguments: Corpus.specFiles)
  func corpusFilesReadTheSameWithAnyLineEnding(_ path: String) {
    let bytes = Corpus.bytes(path)
    let lf = Self.outline(bytes)
    for ending in [[UInt8(ascii: "\r")], [UInt8(ascii: "\r"), UInt8(ascii: "\n")]] {
      let other = Self.outline(Self.withEndings(bytes, ending))
      #expect(other.tree == lf.tree, "\(path) with \(ending)")
      #expect(other.diagnostics == lf.diagnostics, "\(path) with \(ending)")
    }
  }
}

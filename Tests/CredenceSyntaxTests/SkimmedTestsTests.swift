import CredenceSyntax
import Foundation
import Testing

/// `TestBodies.skimmed` (what `credence eval` parses): every declaration but a test's
/// clauses exactly as a full parse gives it, and each test found where it ends.
@Suite struct SkimmedTestsTests {
  private func bothWays(_ text: String) -> (full: ParsedFile, skimmed: ParsedFile) {
    let source = SourceFile(id: FileID(0), path: "t.credence", text: text)
    return (Parser.parse(source), Parser.parse(source, testBodies: .skimmed))
  }

  /// The declarations with each test's clauses left out, and spans (which equality of
  /// declarations does not compare).
  private func outline(_ file: ParsedFile) -> [(Declaration.Kind, Span)] {
    file.syntax.declarations.map { declaration in
      guard case .test(var test) = declaration.kind else {
        return (declaration.kind, declaration.span)
      }
      test.clauses = []
      test.mentionedNames = nil
      return (.test(test), declaration.span)
    }
  }

  private func expectSameOutline(_ full: ParsedFile, _ skimmed: ParsedFile, _ name: String) {
    let a = outline(full)
    let b = outline(skimmed)
    #expect(a.map(\.0) == b.map(\.0), "\(name): declarations differ")
    #expect(a.map(\.1) == b.map(\.1), "\(name): spans differ")
    #expect(full.diagnostics == skimmed.diagnostics, "\(name): diagnostics differ")
  }

  /// Every file of the policy library and every spec file that parses cleanly.
  @Test func cleanFilesGiveTheSameOutline() {
    let files =
      Corpus.policyFiles.map { (Corpus.bytes($0, base: Corpus.packageRoot), $0) }
      + Corpus.specFiles.map { (Corpus.bytes($0), $0) }
    var compared = 0
    for (bytes, name) in files {
      let source = SourceFile(id: FileID(0), path: name, bytes: bytes)
      let full = Parser.parse(source)
      guard !full.diagnostics.containsErrors else { continue }
      expectSameOutline(full, Parser.parse(source, testBodies: .skimmed), name)
      compared += 1
    }
    #expect(compared >= Corpus.policyFiles.count)
  }

  @Test func aTestEndsAtTheNextDeclarationWhateverTheLayout() {
    let (full, skimmed) = bothWays(
      """
      policy "p"
        version "1"
      test "one line" expect a == 1 let b = 2
      test "a fact over two lines"
        given
          fact income = 3 SGD
        expect b > 1
      let c = b

      """)
    #expect(!full.diagnostics.containsErrors)
    expectSameOutline(full, skimmed, "layout")
    let names = skimmed.syntax.declarations.compactMap { declaration -> [String]? in
      if case .test(let test) = declaration.kind { test.mentionedNames } else { nil }
    }
    #expect(names == [["expect", "a"], ["given", "income", "expect", "b"]])
  }

  /// A syntax error inside a test is the full parse's to report.
  @Test func aSyntaxErrorInATestIsNotSkimmedsToReport() {
    let (full, skimmed) = bothWays(
      """
      policy "p"
        version "1"
      test "broken"
        expect a == == 1
      let b = 2

      """)
    #expect(full.diagnostics.containsErrors)
    #expect(skimmed.diagnostics.isEmpty)
    #expect(skimmed.syntax.declarations.count == 3)
  }
}

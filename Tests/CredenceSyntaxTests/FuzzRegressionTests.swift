import CredenceSyntax
import Foundation
import Testing

/// Inputs that once broke (or nearly broke) the front end, from the fuzzer's `Fuzz/regressions/`
/// and by hand: each must parse with in-bounds diagnostics, and the listed ones must report.
@Suite struct FuzzRegressionTests {
  static var regressionFiles: [String] {
    let folder = Corpus.packageRoot.appendingPathComponent("Fuzz/regressions")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  static let tricky: [[UInt8]] = [
    [],
    [0xEF, 0xBB, 0xBF],
    Array("\"".utf8),
    Array("\"\\u{".utf8),
    Array("\"\\u{FFFFFFFFFFFFFFFFFFFF}\"".utf8),
    Array("\"\\".utf8),
    Array("#".utf8),
    Array("##".utf8),
    Array("2026-".utf8),
    Array("2026-02-".utf8),
    Array("1_".utf8),
    Array("1.".utf8),
    Array("99999999999999999999999999 years".utf8),
    Array("stack s \"S\"\n require all of\n".utf8),
    Array("stack s \"S\"\n require all of\n  all of\n   any of\n".utf8),
    Array("test \"t\" examples |".utf8),
    Array("let x = first match |".utf8),
    Array("let x = partial first match".utf8),
    Array("let x = a as of".utf8),
    Array("let x = a is not".utf8),
    Array("let x = a is not in".utf8),
    Array("fund f \"F\" per enrolment".utf8),
    Array("equivalence e \"E\" all of".utf8),
    [0x00, 0xFF, 0xC0],
    Array("let x = \r".utf8),
  ]

  static func check(_ bytes: [UInt8]) {
    var sources = SourceSet()
    let source = sources.add(path: "regression.credence", bytes: bytes)
    let parsed = Parser.parse(source)
    for diagnostic in parsed.diagnostics {
      #expect(diagnostic.span.start >= 0 && diagnostic.span.end <= bytes.count)
    }
    for format in DiagnosticRenderer.Format.allCases {
      _ = DiagnosticRenderer(format: format, colour: true).render(
        parsed.diagnostics, sources: sources)
    }
    _ = parsed.syntax.sExpression
  }

  @Test(arguments: regressionFiles)
  func fuzzerFinding(_ name: String) {
    Self.check(Corpus.bytes("Fuzz/regressions/\(name)", base: Corpus.packageRoot))
  }

  @Test(arguments: tricky.indices)
  func trickyInput(_ index: Int) {
    let bytes = Self.tricky[index]
    Self.check(bytes)
    // Everything here except the empty file, the bare BOM and `##` is a mistake.
    let parsed = Parser.parse(SourceFile(id: FileID(0), path: "t", bytes: bytes))
    if index > 1, bytes != Array("##".utf8), bytes != Array("#".utf8) {
      #expect(parsed.diagnostics.containsErrors, "\(String(decoding: bytes, as: UTF8.self))")
    }
  }
}

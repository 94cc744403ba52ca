import CredenceSyntax
import Testing

/// Binary files and control characters: said once, never echoed raw.
@Suite struct BinaryInputTests {
  static func render(_ bytes: [UInt8], path: String = "x.db") -> (ParsedFile, String) {
    var sources = SourceSet()
    let source = sources.add(path: path, bytes: bytes)
    let parsed = Parser.parse(source)
    return (parsed, DiagnosticRenderer(format: .human).render(parsed.diagnostics, sources: sources))
  }

  /// The start of a SQLite file: its header, zeros, then a page holding a learner's name.
  static let sqliteLike: [UInt8] =
    Array("SQLite format 3\u{0}".utf8) + [0x10, 0x00, 0x01, 0x01] + Array(repeating: 0, count: 80)
    + Array("\nCREATE TABLE learners(id, name)\nL0000001 Tan Ah Kow\n".utf8)

  @Test func aBinaryFileIsOneErrorThatDrawsNoBytes() {
    let (parsed, rendered) = Self.render(Self.sqliteLike)
    #expect(parsed.diagnostics.map(\.code) == [.binaryFile])
    #expect(parsed.syntax.declarations.isEmpty)
    #expect(
      rendered == """
        error[E0110]: this is a binary file, not policy text
         --> x.db:1:1
          = help: policy files are UTF-8 text (`.credence`); a record store is given with `--store`


        """)
  }

  @Test func theLimitIsTheNamedNumberOfNulBytes() {
    #expect(Limits.binaryFileNULBytes == 8)
    #expect(Limits.binarySniffBytes == 8 * 1024)
    let fewer =
      Array("let a = 1\n".utf8) + Array(repeating: 0, count: Limits.binaryFileNULBytes - 1)
    #expect(!Self.render(fewer).0.diagnostics.map(\.code).contains(.binaryFile))
    let enough = Array("let a = 1\n".utf8) + Array(repeating: 0, count: Limits.binaryFileNULBytes)
    #expect(Self.render(enough).0.diagnostics.map(\.code) == [.binaryFile])
    // NULs past the sniffed start are reported where they are.
    let late =
      Array(repeating: UInt8(ascii: "\n"), count: Limits.binarySniffBytes)
      + Array(repeating: 0, count: Limits.binaryFileNULBytes)
    #expect(Self.render(late).0.diagnostics.map(\.code).first == .nulByte)
  }

  @Test func controlCharactersAreDrawnAsControlPicturesAndNamedByCode() {
    let (parsed, rendered) = Self.render(
      Array("let a = 1 \u{1B}[2J\u{7}\n".utf8), path: "p.credence")
    #expect(parsed.diagnostics.first?.message == "unexpected control character U+001B")
    #expect(!rendered.contains("\u{1B}"))
    #expect(!rendered.contains("\u{7}"))
    #expect(rendered.contains("1 | let a = 1 ␛[2J␇"))
    #expect(rendered.contains("  |           ^"))
  }
}

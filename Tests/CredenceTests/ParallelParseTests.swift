import Credence
import CredenceSyntax
import Foundation
import Testing

/// Parsing spreads files over the cores above `FrontEnd.parallelParseThreshold`; the trees
/// and diagnostics must be those of parsing one file after another, in the same order.
@Suite struct ParallelParseTests {
  /// Every library file, then the same files with a mistake each, so that diagnostics are
  /// compared too.
  static func sources() throws -> SourceSet {
    let folder = FrontEndTests.packageRoot.appendingPathComponent("policies").path
    let (library, _) = try PolicyFiles.read(try PolicyFiles.gather([folder]))
    var sources = SourceSet()
    for file in library.files { _ = sources.add(path: file.path, bytes: file.bytes) }
    for file in library.files {
      _ = sources.add(path: file.path + ".broken", bytes: file.bytes + Array("\nlet = 'x\n".utf8))
    }
    return sources
  }

  @Test func parallelParsingGivesTheSequentialResultInOrder() throws {
    let sources = try Self.sources()
    let bytes = sources.files.reduce(0) { $0 + $1.bytes.count }
    #expect(bytes >= FrontEnd.parallelParseThreshold, "the input must take the parallel path")
    let parallel = FrontEnd.parse(sources)
    let sequential = sources.files.map { Parser.parse($0) }
    #expect(parallel.count == sequential.count)
    for (p, s) in zip(parallel, sequential) {
      #expect(p.source.path == s.source.path)
      #expect(p.syntax == s.syntax)
      #expect(p.diagnostics == s.diagnostics)
    }
    #expect(parallel.contains { !$0.diagnostics.isEmpty })
  }

  @Test func belowTheThresholdFilesParseInOrderToo() {
    var sources = SourceSet()
    _ = sources.add(path: "a.credence", text: "let a = 1\n")
    _ = sources.add(path: "b.credence", text: "let b = \n")
    let bytes = sources.files.reduce(0) { $0 + $1.bytes.count }
    #expect(bytes < FrontEnd.parallelParseThreshold)
    let parsed = FrontEnd.parse(sources)
    #expect(parsed.map(\.source.path) == ["a.credence", "b.credence"])
    #expect(parsed[0].diagnostics.isEmpty && !parsed[1].diagnostics.isEmpty)
  }
}

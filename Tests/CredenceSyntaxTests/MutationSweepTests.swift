import CredenceSyntax
import Foundation
import Testing

/// Every spec and policy file, truncated at token boundaries and with tokens deleted or
/// swapped: the front end must return (never trap or hang) with in-bounds diagnostics that
/// render. swift-syntax's `assertMutationRoundTrip` in spirit.
///
/// To stay fast, each mutant is the declaration the mutation falls in, not the whole file:
/// the parser resynchronises at every declaration keyword that starts a line, so the rest
/// of the file cannot change what happens inside it. (Whole-file mutation is the fuzzer's.)
@Suite struct MutationSweepTests {
  /// The most token boundaries per file at which the file is truncated; spec files are
  /// smaller and get every boundary, large policy files an even spread.
  static let maximumTruncationsPerFile = 400
  /// The most token positions per file at which a deletion and a swap are tried.
  static let maximumEditPositionsPerFile = 100

  static var corpus: [String] {
    Corpus.specFiles.map { "tests:" + $0 } + Corpus.policyFiles.map { "root:" + $0 }
  }

  static func bytes(_ entry: String) -> [UInt8] {
    if entry.hasPrefix("tests:") { return Corpus.bytes(String(entry.dropFirst(6))) }
    return Corpus.bytes(String(entry.dropFirst(5)), base: Corpus.packageRoot)
  }

  /// Parses `bytes` and checks the invariants; returns a description of a broken one.
  static func check(_ bytes: [UInt8]) -> String? {
    var sources = SourceSet()
    let source = sources.add(path: "mutant.credence", bytes: bytes)
    let parsed = Parser.parse(source)
    for diagnostic in parsed.diagnostics {
      for span in [diagnostic.span] + diagnostic.labels.map(\.span)
      where span.start < 0 || span.end > bytes.count || span.start > span.end {
        return "span \(span) out of bounds in \(bytes.count) bytes: \(diagnostic.message)"
      }
    }
    let rendered = DiagnosticRenderer(format: .human).render(parsed.diagnostics, sources: sources)
    if parsed.diagnostics.containsErrors, rendered.isEmpty { return "errors rendered as nothing" }
    _ = parsed.syntax.sExpression
    return nil
  }

  /// Up to `limit` indices of `0..<count`, evenly spread.
  static func positions(_ count: Int, limit: Int) -> [Int] {
    guard count > limit else { return Array(0..<count) }
    return (0..<limit).map { $0 * count / limit }
  }

  @Test(arguments: corpus)
  func mutants(_ entry: String) {
    let bytes = Self.bytes(entry)
    #expect(!bytes.isEmpty)
    let tokens = Array(
      Lexer.lex(SourceFile(id: FileID(0), path: entry, bytes: bytes)).tokens.dropLast())
    // Declaration starts: where the parser resynchronises.
    var starts = [0]
    for (i, token) in tokens.enumerated() where i > 0 && token.startsLine {
      if case .keyword(let keyword) = token.kind, keyword.startsDeclaration { starts.append(i) }
    }
    func chunkStart(_ token: Int) -> Int {
      let chunk = starts.lastIndex { $0 <= token } ?? 0
      return chunk == 0 ? 0 : tokens[starts[chunk]].span.start
    }
    func chunkEnd(_ token: Int) -> Int {
      let chunk = starts.lastIndex { $0 <= token } ?? 0
      return chunk + 1 < starts.count ? tokens[starts[chunk + 1]].span.start : bytes.count
    }
    var failures: [String] = []
    func run(_ mutant: [UInt8], _ what: String) {
      if let problem = Self.check(mutant), failures.count < 5 {
        failures.append("\(what): \(problem)")
      }
    }
    for i in Self.positions(tokens.count, limit: Self.maximumTruncationsPerFile) {
      run(Array(bytes[chunkStart(i)..<tokens[i].span.start]), "truncated before token \(i)")
    }
    for i in Self.positions(tokens.count, limit: Self.maximumEditPositionsPerFile) {
      let (low, high) = (chunkStart(i), chunkEnd(i))
      let span = tokens[i].span
      run(Array(bytes[low..<span.start] + bytes[span.end..<high]), "token \(i) deleted")
      if i + 1 < tokens.count, tokens[i + 1].span.end <= high {
        let next = tokens[i + 1].span
        var swapped = Array(bytes[low..<span.start])
        swapped += bytes[next.start..<next.end]
        swapped += bytes[span.end..<next.start]
        swapped += bytes[span.start..<span.end]
        swapped += bytes[next.end..<high]
        run(swapped, "tokens \(i) and \(i + 1) swapped")
      }
    }
    #expect(failures.isEmpty, "\(entry):\n\(failures.joined(separator: "\n"))")
  }

  @Test func theCorpusIncludesThePolicyLibrary() {
    #expect(Self.corpus.contains { $0.hasPrefix("root:policies/") })
  }
}

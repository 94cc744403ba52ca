import CredenceFormat
import CredenceSyntax
import Testing

/// Variants of every clean corpus file that still parse (a line deleted, two lines
/// swapped, a line joined to the next) must format, idempotently: the formatter never
/// gives up on a file the parser accepts.
@Suite struct FormatMutationTests {
  /// How many lines of each file are mutated, spread evenly over it: enough to reach every
  /// kind of declaration, few enough to keep the suite fast (every variant is parsed).
  static let linesPerFile = 6

  /// The variants of `text` tried: a line deleted, swapped with the next, or joined to the
  /// next, for `linesPerFile` lines. Only the ones that parse without errors are kept.
  static func variants(of text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var result: [String] = []
    let stride = max(1, lines.count / linesPerFile)
    for index in Swift.stride(from: stride / 2, to: lines.count, by: stride) {
      var deleted = lines
      deleted.remove(at: index)
      result.append(deleted.joined(separator: "\n"))
      guard index + 1 < lines.count else { continue }
      var swapped = lines
      swapped.swapAt(index, index + 1)
      result.append(swapped.joined(separator: "\n"))
      var joined = lines
      joined[index] += " " + joined.remove(at: index + 1)
      result.append(joined.joined(separator: "\n"))
    }
    return result.filter { Parser.parse($0).isClean }
  }

  @Test(arguments: Corpus.cleanFiles.filter { !$0.hasPrefix("Tests/CredenceSyntaxTests/spec/") })
  func variantsFormat(_ path: String) {
    let text = String(decoding: Corpus.source(path).bytes, as: UTF8.self)
    var tried = 0
    for variant in Self.variants(of: text) {
      tried += 1
      switch Formatter.format(variant, path: path) {
      case .formatted(let once):
        guard case .formatted(let twice) = Formatter.format(once, path: path), twice == once else {
          Issue.record("\(path): a variant does not format idempotently:\n\(variant)")
          return
        }
      case .rejected(let diagnostics):
        Issue.record("\(path): a clean variant was rejected: \(diagnostics.map(\.message))")
        return
      case .failed(let reason):
        Issue.record("\(path): \(reason)\nvariant:\n\(variant)")
        return
      }
    }
    #expect(tried > 0 || text.isEmpty)
  }
}

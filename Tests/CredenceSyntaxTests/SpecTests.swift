import CredenceSyntax
import Foundation
import Testing

/// Runs every spec file under `spec/`: the expectations are comments in the files.
///
/// - `# expect error: MESSAGE` / `# expect warning: MESSAGE`: a diagnostic with exactly this
///   message whose primary span starts on this line.
/// - `# expect error on line N: MESSAGE`: the same, for line N (for text a string swallows).
/// - `# expect: S-EXPRESSION`: the declaration that starts on this line prints as this.
/// A file without expectations must parse without any diagnostic.
@Suite struct SpecTests {
  struct Expectation: Hashable, CustomStringConvertible {
    var line: Int
    var severity: String
    var message: String
    var description: String { "line \(line): \(severity): \(message)" }
  }

  static func expectations(in text: String) -> (diagnostics: [Expectation], trees: [Int: String]) {
    var diagnostics: [Expectation] = []
    var trees: [Int: String] = [:]
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      guard let range = line.range(of: "# expect") else { continue }
      let rest = line[range.upperBound...]
      if rest.hasPrefix(": ") {
        trees[index + 1] = String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        continue
      }
      for severity in ["error", "warning"] where rest.hasPrefix(" \(severity)") {
        var afterSeverity = rest.dropFirst(severity.count + 1)
        var lineNumber = index + 1
        if afterSeverity.hasPrefix(" on line ") {
          let digits = afterSeverity.dropFirst(9).prefix { $0.isNumber }
          lineNumber = Int(digits) ?? lineNumber
          afterSeverity = afterSeverity.dropFirst(9 + digits.count)
        }
        guard afterSeverity.hasPrefix(": ") else { continue }
        let message = String(afterSeverity.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        diagnostics.append(Expectation(line: lineNumber, severity: severity, message: message))
      }
    }
    return (diagnostics, trees)
  }

  @Test(arguments: Corpus.specFiles)
  func specFile(_ path: String) {
    let bytes = Corpus.bytes(path)
    #expect(!bytes.isEmpty, "cannot read \(path)")
    let source = SourceFile(id: FileID(0), path: path, bytes: bytes)
    let parsed = Parser.parse(source)
    let (expected, trees) = SpecTests.expectations(in: String(decoding: bytes, as: UTF8.self))
    let actual = parsed.diagnostics.map {
      Expectation(
        line: source.line(of: $0.span.start), severity: $0.severity.rawValue, message: $0.message)
    }
    var unmatched = actual
    var missing: [Expectation] = []
    for expectation in expected {
      if let index = unmatched.firstIndex(of: expectation) {
        unmatched.remove(at: index)
      } else {
        missing.append(expectation)
      }
    }
    #expect(
      missing.isEmpty,
      "\(path): expected but not reported:\n\(missing.map(\.description).joined(separator: "\n"))\nreported: \(actual.map(\.description))"
    )
    #expect(
      unmatched.isEmpty,
      "\(path): reported but not expected:\n\(unmatched.map(\.description).joined(separator: "\n"))"
    )
    for declaration in parsed.syntax.declarations {
      let line = source.line(of: declaration.span.start)
      if let tree = trees[line] {
        #expect(declaration.sExpression == tree, "\(path):\(line)")
      }
    }
    let declarationLines = Set(parsed.syntax.declarations.map { source.line(of: $0.span.start) })
    for line in trees.keys where !declarationLines.contains(line) {
      Issue.record("\(path):\(line): `# expect:` on a line where no declaration starts")
    }
  }

  @Test func thereAreSpecFiles() {
    #expect(Corpus.specFiles.count >= 10)
  }
}

import CredenceSemantics
import CredenceSyntax
import Foundation

/// Loading, parsing and checking programs in tests.
enum Programs {
  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Where the spec files live.
  static let specFolder = root.appendingPathComponent("Tests/CredenceSemanticsTests/spec")

  /// A checked program with its sources and every diagnostic (parse and check).
  struct Checked {
    var sources: SourceSet
    var outcome: CheckOutcome
    var parseDiagnostics: [Diagnostic]

    /// Parse and check diagnostics together, sorted by position.
    var diagnostics: [Diagnostic] {
      (parseDiagnostics + outcome.diagnostics).sortedByPosition()
    }

    /// `path:line: severity[code]: message` per diagnostic, for readable failures.
    var summary: [String] {
      diagnostics.map { d in
        let file = sources[d.span.file]
        let line = file?.line(of: d.span.start) ?? 0
        let name = file.map { URL(fileURLWithPath: $0.path).lastPathComponent } ?? "?"
        return "\(name):\(line): \(d.severity.rawValue)[\(d.code)]: \(d.message)"
      }
    }
  }

  /// Parses and checks texts given as (path, text) pairs.
  static func check(_ files: [(String, String)]) -> Checked {
    var sources = SourceSet()
    for (path, text) in files { sources.add(path: path, text: text) }
    return check(sources)
  }

  /// Parses and checks one text.
  static func check(_ text: String, path: String = "test.credence") -> Checked {
    check([(path, text)])
  }

  /// Parses and checks a source set.
  static func check(_ sources: SourceSet) -> Checked {
    let parsed = sources.files.map { Parser.parse($0) }
    let outcome = Checker.check(parsed.map(\.syntax))
    return Checked(
      sources: sources, outcome: outcome, parseDiagnostics: parsed.flatMap(\.diagnostics))
  }

  /// Every `.credence` file under `folder`, sorted by path.
  static func files(under folder: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: nil)
    else { return [] }
    return enumerator.compactMap { $0 as? URL }
      .filter { $0.pathExtension == "credence" }
      .sorted { $0.path < $1.path }
  }

  /// Reads files into a source set, paths relative to the repository root.
  static func sources(_ urls: [URL]) throws -> SourceSet {
    var sources = SourceSet()
    for url in urls {
      let text = try String(contentsOf: url, encoding: .utf8)
      let relative = url.path.replacingOccurrences(of: root.path + "/", with: "")
      sources.add(path: relative, text: text)
    }
    return sources
  }
}

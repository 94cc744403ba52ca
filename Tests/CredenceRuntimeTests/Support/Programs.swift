import CredenceRuntime
import CredenceSemantics
import CredenceSyntax
import CredenceValues
import Foundation
import Testing

/// Loading, checking and compiling programs in the evaluator's tests.
enum Programs {
  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every `.credence` file under `folder` (relative to the root), sorted by path.
  static func files(under folder: String) -> [URL] {
    let url = root.appendingPathComponent(folder)
    guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
    else { return [] }
    return enumerator.compactMap { $0 as? URL }
      .filter { $0.pathExtension == "credence" }
      .sorted { $0.path < $1.path }
  }

  /// Reads files into a source set, paths relative to the root.
  static func sources(_ urls: [URL]) throws -> SourceSet {
    var sources = SourceSet()
    for url in urls {
      let text = try String(contentsOf: url, encoding: .utf8)
      let relative = url.path.replacingOccurrences(of: root.path + "/", with: "")
      sources.add(path: relative, text: text)
    }
    return sources
  }

  /// Parses, checks and compiles; records an issue listing the errors when there are any.
  static func compile(_ sources: SourceSet) -> CompiledProgram? {
    let parsed = sources.files.map { Parser.parse($0) }
    let outcome = Checker.check(parsed.map(\.syntax))
    let errors = (parsed.flatMap(\.diagnostics) + outcome.diagnostics).filter(\.isError)
    guard let program = outcome.program, errors.isEmpty else {
      let lines = errors.map { d -> String in
        let file = sources[d.span.file]
        let line = file?.line(of: d.span.start) ?? 0
        return "\(file?.path ?? "?"):\(line): \(d.message)"
      }
      Issue.record(
        Comment(rawValue: "the program does not check:\n" + lines.joined(separator: "\n")))
      return nil
    }
    return CompiledProgram(program, sources: sources)
  }

  /// Compiles one policy text (a header is added when it has none).
  static func compile(_ text: String, path: String = "test.credence") -> CompiledProgram? {
    var sources = SourceSet()
    let body = text.hasPrefix("policy") ? text : "policy \"test\"\n" + text
    sources.add(path: path, text: body)
    return compile(sources)
  }

  /// The example policy library, compiled.
  static let library: CompiledProgram? = {
    guard let sources = try? sources(files(under: "policies")) else { return nil }
    return compile(sources)
  }()
}

/// A date from its text; records an issue (and gives 1970-01-01) if it is not one.
func day(_ text: String) -> CredenceValues.CivilDate {
  guard let date = CredenceValues.CivilDate(parsing: text) else {
    Issue.record("not a date: \(text)")
    return .min
  }
  return date
}

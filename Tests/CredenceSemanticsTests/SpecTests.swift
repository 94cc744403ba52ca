import CredenceSemantics
import CredenceSyntax
import Foundation
import Testing

/// Runs every checker spec under `spec/`: programs whose expectations are comments.
///
/// A program is one `.credence` file (`spec/AREA/NAME.credence`) or a folder of them
/// (`spec/AREA/NAME/`, loaded together as one namespace). Expectations:
/// - `# expect error[CODE]: MESSAGE` / `# expect warning[CODE]: MESSAGE`: a diagnostic with
///   this code and exactly this message whose primary span starts on this line; `[CODE]`
///   may be left out. Several may share a line.
/// A program without expectations must check without any diagnostic and give a checked
/// program. Every program with diagnostics has a golden file of their rendering under
/// `golden/` (re-recorded with `CREDENCE_RECORD_GOLDEN=1`).
@Suite struct SpecTests {
  struct Expectation: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var severity: String
    var code: String?
    var message: String
    var description: String {
      "\(file):\(line): \(severity)\(code.map { "[\($0)]" } ?? ""): \(message)"
    }
  }

  /// A spec program: its name (its path under `spec/`) and its files.
  struct Program: CustomStringConvertible, Sendable {
    var name: String
    var files: [URL]
    var description: String { name }
  }

  static let programs: [Program] = {
    let spec = Programs.specFolder
    let manager = FileManager.default
    var result: [Program] = []
    let areas = (try? manager.contentsOfDirectory(atPath: spec.path)) ?? []
    for area in areas.sorted() {
      let folder = spec.appendingPathComponent(area)
      for entry in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
        let url = folder.appendingPathComponent(entry)
        var isFolder: ObjCBool = false
        _ = manager.fileExists(atPath: url.path, isDirectory: &isFolder)
        if isFolder.boolValue {
          result.append(Program(name: "\(area)/\(entry)", files: Programs.files(under: url)))
        } else if url.pathExtension == "credence" {
          result.append(
            Program(name: "\(area)/\(url.deletingPathExtension().lastPathComponent)", files: [url]))
        }
      }
    }
    return result
  }()

  static func expectations(in text: String, file: String) -> [Expectation] {
    var result: [Expectation] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      for part in line.components(separatedBy: "# expect ").dropFirst() {
        for severity in ["error", "warning"] where part.hasPrefix(severity) {
          var rest = part.dropFirst(severity.count)
          var code: String?
          if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            code = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
          }
          guard rest.hasPrefix(": ") else { continue }
          let message = rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
          result.append(
            Expectation(
              file: file, line: index + 1, severity: severity, code: code, message: message))
        }
      }
    }
    return result
  }

  /// The program's sources, with paths relative to `spec/`.
  static func sources(_ program: Program) throws -> SourceSet {
    var sources = SourceSet()
    for url in program.files {
      let relative = url.path.replacingOccurrences(of: Programs.specFolder.path + "/", with: "")
      sources.add(path: relative, text: try String(contentsOf: url, encoding: .utf8))
    }
    return sources
  }

  @Test(arguments: programs)
  func spec(_ program: Program) throws {
    let sources = try Self.sources(program)
    let checked = Programs.check(sources)
    let expected = sources.files.flatMap {
      Self.expectations(in: String(decoding: $0.bytes, as: UTF8.self), file: $0.path)
    }
    let actual = checked.diagnostics.map { d in
      let file = sources[d.span.file]
      return Expectation(
        file: file?.path ?? "?", line: file?.line(of: d.span.start) ?? 0,
        severity: d.severity.rawValue, code: d.code.rawValue, message: d.message)
    }
    var unmatched = actual
    var missing: [Expectation] = []
    for expectation in expected {
      let index = unmatched.firstIndex { a in
        a.file == expectation.file && a.line == expectation.line
          && a.severity == expectation.severity && a.message == expectation.message
          && (expectation.code == nil || expectation.code == a.code)
      }
      if let index { unmatched.remove(at: index) } else { missing.append(expectation) }
    }
    #expect(
      missing.isEmpty,
      "expected but not reported:\n\(missing.map(\.description).joined(separator: "\n"))\nreported:\n\(actual.map(\.description).joined(separator: "\n"))"
    )
    #expect(
      unmatched.isEmpty,
      "reported but not expected:\n\(unmatched.map(\.description).joined(separator: "\n"))")
    if expected.isEmpty {
      #expect(checked.outcome.program != nil, "a clean program must give a checked program")
    } else {
      #expect(checked.outcome.program == nil || !checked.outcome.hasErrors)
      let rendered = DiagnosticRenderer(format: .human, colour: false)
        .render(checked.diagnostics, sources: sources)
      try Golden.assert(rendered, named: program.name)
    }
  }

  /// Each check has a spec that fails with its diagnostic and a rendering in a golden file.
  @Test func everyCodeHasASpecAndAGolden() throws {
    var goldens = ""
    let enumerator = FileManager.default.enumerator(
      at: Golden.folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "txt" else { continue }
      goldens += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
    for code in DiagnosticCode.checkerCodes {
      #expect(goldens.contains("[\(code)]"), "no spec or golden shows \(code)")
    }
  }

  /// `docs/diagnostics.md` explains every code the checker reports.
  @Test func everyCodeIsDocumented() throws {
    let url = Programs.root.appendingPathComponent("docs/diagnostics.md")
    let page = try String(contentsOf: url, encoding: .utf8)
    for code in DiagnosticCode.checkerCodes {
      #expect(page.contains("| \(code) |"), "docs/diagnostics.md does not explain \(code)")
    }
    #expect(page.contains("more than \(CheckerLimits.maximumInferenceDepth) definitions"))
  }

  /// Each area of spec files has at least one program that checks clean.
  @Test func everyAreaHasAPassingSpec() throws {
    let areas = Set(Self.programs.map { String($0.name.split(separator: "/")[0]) })
    #expect(areas.count >= 8)
    for area in areas.sorted() {
      let clean = try Self.programs.filter { $0.name.hasPrefix(area + "/") }.contains { program in
        let sources = try Self.sources(program)
        return sources.files.allSatisfy {
          Self.expectations(in: String(decoding: $0.bytes, as: UTF8.self), file: $0.path).isEmpty
        }
      }
      #expect(clean, "spec/\(area) has no passing program")
    }
  }
}

import CredenceSyntax
import Foundation

/// Finds the spec files, golden files and policy library relative to this source file,
/// so the tests never depend on the machine's layout.
enum Corpus {
  static let testsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
  static let specFolder = testsFolder.appendingPathComponent("spec")
  static let goldenFolder = testsFolder.appendingPathComponent("golden")
  static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
  static let policiesFolder = packageRoot.appendingPathComponent("policies")

  /// Every `.credence` file under `folder`, as paths relative to `relativeTo`, sorted.
  static func files(under folder: URL, relativeTo base: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".credence") {
        let full = folder.appendingPathComponent(relative).path
        found.append(String(full.dropFirst(base.path.count + 1)))
      }
    }
    return found.sorted()
  }

  /// The spec files, relative to the tests folder (`spec/lexical/numbers.credence`).
  static var specFiles: [String] { files(under: specFolder, relativeTo: testsFolder) }

  /// The policy library's files, relative to the package root (`policies/…`).
  static var policyFiles: [String] { files(under: policiesFolder, relativeTo: packageRoot) }

  /// A file's bytes; `relative` is resolved against `base`.
  static func bytes(_ relative: String, base: URL = testsFolder) -> [UInt8] {
    (try? Data(contentsOf: base.appendingPathComponent(relative))).map(Array.init) ?? []
  }

  /// Whether golden files should be re-recorded instead of compared.
  static var recordingGolden: Bool {
    ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1"
  }
}

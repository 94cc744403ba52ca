import CredenceSyntax
import Foundation

/// Finds the policy library, the spec files and the layout examples relative to this
/// source file, so the tests never depend on the machine's layout.
enum Corpus {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let layoutsFolder = testsFolder.appendingPathComponent("layouts")
  static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

  /// Every `.credence` file of the repository (the policy library, every spec folder under
  /// Tests, the layout examples), relative to the package root, sorted.
  static let allFiles: [String] = {
    var found: [String] = []
    for top in ["policies", "Tests", "docs", "grammar"] {
      let folder = packageRoot.appendingPathComponent(top)
      guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
        continue
      }
      while let relative = enumerator.nextObject() as? String {
        if (relative as NSString).lastPathComponent.hasPrefix(".") {
          enumerator.skipDescendants()
          continue
        }
        if relative.hasSuffix(".credence") { found.append(top + "/" + relative) }
      }
    }
    return found.sorted()
  }()

  /// The files that parse without errors: the ones the formatter must handle.
  static let cleanFiles: [String] = allFiles.filter { Parser.parse(source($0)).isClean }

  /// The policy library's files.
  static var policyFiles: [String] { allFiles.filter { $0.hasPrefix("policies/") } }

  /// A file of the repository as a source file.
  static func source(_ relative: String) -> SourceFile {
    let data = (try? Data(contentsOf: packageRoot.appendingPathComponent(relative))) ?? Data()
    return SourceFile(id: FileID(0), path: relative, bytes: Array(data))
  }

  /// Whether golden files should be re-recorded instead of compared.
  static var recordingGolden: Bool {
    ProcessInfo.processInfo.environment["CREDENCE_RECORD_GOLDEN"] == "1"
  }
}

import Credence
import Foundation

/// The policy files the server checks together: every `*.credence` file under the workspace
/// folder as saved on disk, with the text of open documents in place of what is saved.
struct Workspace {
  /// The workspace folder, when the client named one.
  var root: String?
  /// Open documents by standardised path: the URI as the client spelt it, and the text.
  private var openDocuments: [String: (uri: String, text: String)] = [:]

  init(root: String?) { self.root = root }

  mutating func open(uri: String, text: String) {
    guard let path = Self.path(ofURI: uri) else { return }
    openDocuments[path] = (uri, text)
  }

  mutating func close(uri: String) {
    guard let path = Self.path(ofURI: uri) else { return }
    openDocuments[path] = nil
  }

  /// The sources to check, in a stable order, and each file's URI by `FileID`.
  func sources() -> (SourceSet, [FileID: String]) {
    var paths = Set(openDocuments.keys)
    if let root, let found = try? PolicyFiles.gather([root]) {
      paths.formUnion(found.map(Self.standardised))
    }
    var sources = SourceSet()
    var uris: [FileID: String] = [:]
    for path in paths.sorted() {
      if let document = openDocuments[path] {
        uris[sources.add(path: path, text: document.text).id] = document.uri
        continue
      }
      // A file that vanished, cannot be read or is over the size limit is left out: it has
      // no open editor to show a diagnostic in.
      guard let data = FileManager.default.contents(atPath: path),
        data.count <= Limits.maximumSourceFileBytes
      else { continue }
      uris[sources.add(path: path, bytes: Array(data)).id] = Self.uri(ofPath: path)
    }
    return (sources, uris)
  }

  /// The local path a `file:` URI names; nil for other schemes.
  static func path(ofURI uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return standardised(url.path)
  }

  static func uri(ofPath path: String) -> String {
    URL(fileURLWithPath: path).absoluteString
  }

  static func standardised(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}

import Credence
import Foundation

/// The policy files the server checks together: every `*.credence` file under the workspace
/// folder as saved on disk, with the text of open documents in place of what is saved.
///
/// Files on disk are read once and read again only when their modification time, size or
/// inode changed, or when the client's file watcher named them: on a large workspace an edit
/// then costs one `stat` a file, not a read of every file.
struct Workspace {
  /// The workspace folder, when the client named one.
  var root: String?
  /// Open documents by standardised path: the URI as the client spelt it, and the text.
  private var openDocuments: [String: (uri: String, text: String)] = [:]
  /// Files last read from disk, by standardised path.
  private var saved: [String: SavedFile] = [:]
  /// Files the client's watcher reported changed since they were read: read again even if
  /// `stat` sees no difference (a rewrite within the file system's clock resolution).
  private var reportedChanged: Set<String> = []
  /// Files read from disk since the server started (`$/credence/stats`).
  private(set) var filesRead = 0

  /// A file's bytes as read, and what `stat` said then.
  private struct SavedFile {
    var stamp: FileStamp
    var bytes: [UInt8]
  }

  init(root: String?) { self.root = root }

  mutating func open(uri: String, text: String) {
    guard let path = Self.path(ofURI: uri) else { return }
    openDocuments[path] = (uri, text)
  }

  mutating func close(uri: String) {
    guard let path = Self.path(ofURI: uri) else { return }
    openDocuments[path] = nil
  }

  /// The client's watcher saw `uris` created, changed or deleted.
  mutating func changedOnDisk(uris: [String]) {
    reportedChanged.formUnion(uris.compactMap(Self.path(ofURI:)))
  }

  /// The sources to check, in a stable order, and each file's URI by `FileID`.
  mutating func sources() -> (SourceSet, [FileID: String]) {
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
      guard let bytes = savedBytes(path) else { continue }
      uris[sources.add(path: path, bytes: bytes).id] = Self.uri(ofPath: path)
    }
    // Files no longer found are forgotten.
    saved = saved.filter { paths.contains($0.key) }
    reportedChanged.removeAll()
    return (sources, uris)
  }

  /// `path`'s bytes: as last read when `stat` sees the same file and no watcher reported it,
  /// read again otherwise.
  private mutating func savedBytes(_ path: String) -> [UInt8]? {
    guard let stamp = FileStamp(path: path), stamp.size <= Limits.maximumSourceFileBytes else {
      saved[path] = nil
      return nil
    }
    if let known = saved[path], known.stamp == stamp, !reportedChanged.contains(path) {
      return known.bytes
    }
    guard let data = FileManager.default.contents(atPath: path),
      data.count <= Limits.maximumSourceFileBytes
    else {
      saved[path] = nil
      return nil
    }
    filesRead += 1
    let bytes = Array(data)
    saved[path] = SavedFile(stamp: stamp, bytes: bytes)
    return bytes
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

/// What `stat` says of a file that tells whether it changed: modification time to the
/// nanosecond, size, and inode (an editor saving by rename makes a new one).
struct FileStamp: Equatable {
  var modified: timespec
  var size: Int
  var inode: UInt64

  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    modified = status.st_mtim
    size = Int(status.st_size)
    inode = UInt64(status.st_ino)
  }

  static func == (left: FileStamp, right: FileStamp) -> Bool {
    left.modified.tv_sec == right.modified.tv_sec
      && left.modified.tv_nsec == right.modified.tv_nsec && left.size == right.size
      && left.inode == right.inode
  }
}

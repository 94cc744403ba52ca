import CredenceSyntax
import Foundation

/// Why a set of paths could not be loaded at all.
public enum LoadError: Error, Equatable, Sendable {
  /// These paths do not exist.
  case noSuchPath([String])
  /// This folder holds no `.credence` file.
  case noPolicyFiles(folder: String)
  /// This file exists but could not be read.
  case unreadable(path: String, reason: String)

  /// The stable code, shared with the diagnostic catalogue.
  public var code: DiagnosticCode {
    switch self {
    case .noSuchPath: .noSuchPath
    case .noPolicyFiles: .noPolicyFiles
    case .unreadable: .unreadableFile
    }
  }

  /// A one-sentence message in the diagnostics' style.
  public var message: String {
    switch self {
    case .noSuchPath(let paths):
      let list = paths.map { "`\($0)`" }.joined(separator: ", ")
      return paths.count == 1
        ? "no such file or folder: \(list)" : "no such files or folders: \(list)"
    case .noPolicyFiles(let folder):
      return "no `.credence` files in `\(folder)`"
    case .unreadable(let path, let reason):
      return "cannot read `\(path)`: \(reason)"
    }
  }
}

/// Finding and reading policy files: the only part of the front end that touches the disk.
public enum PolicyFiles {
  /// The extension policy files have.
  public static let fileExtension = "credence"

  /// The largest policy file read (`Limits.maximumSourceFileBytes`).
  public static var maximumFileBytes: Int { Limits.maximumSourceFileBytes }

  /// The policy files named by `paths`: files as given, folders searched recursively for
  /// `*.credence` (hidden files and folders skipped), without duplicates, sorted so that
  /// every run sees the files in the same order.
  public static func gather(_ paths: [String]) throws(LoadError) -> [String] {
    let manager = FileManager.default
    var missing: [String] = []
    var emptyFolders: [String] = []
    var found: [String: String] = [:]  // standardised path → path as shown
    for path in paths {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
        missing.append(path)
        continue
      }
      if !isFolder.boolValue {
        found[standardised(path)] = path
        continue
      }
      let separator = path.hasSuffix("/") ? "" : "/"
      var inFolder: [String] = []
      for relative in candidates(in: path) {
        var status = stat()
        let full = path + separator + relative
        if stat(full, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
          inFolder.append(relative)
        }
      }
      guard !inFolder.isEmpty else {
        emptyFolders.append(path)
        continue
      }
      // The relative paths have no `.` or `..` components, so standardising the folder once
      // standardises every file in it (URL standardising cost ~30 µs a file).
      let base = standardised(path)
      let baseSeparator = base.hasSuffix("/") ? "" : "/"
      for relative in inFolder {
        found[base + baseSeparator + relative] = path + separator + relative
      }
    }
    guard missing.isEmpty else { throw .noSuchPath(missing) }
    if let folder = emptyFolders.first { throw .noPolicyFiles(folder: folder) }
    return found.values.sorted()
  }

  /// The paths, relative to `folder`, of the `*.credence` entries under it: folders are
  /// searched recursively (symbolic links to folders are not followed), and hidden entries
  /// (names starting with `.`) are skipped with everything under them. Unsorted.
  static func candidates(in folder: String) -> [String] {
    let suffix = "." + fileExtension
    var found: [String] = []
    var pending = [""]  // folders still to read, relative to `folder`
    while let relative = pending.popLast() {
      let directory = relative.isEmpty ? folder : folder + "/" + relative
      guard let handle = opendir(directory) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        var nameBytes = entry.pointee.d_name
        let capacity = MemoryLayout.size(ofValue: nameBytes)
        let name = withUnsafePointer(to: &nameBytes) {
          $0.withMemoryRebound(to: CChar.self, capacity: capacity) {
            String(cString: $0)
          }
        }
        if name.hasPrefix(".") { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
        if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
          var status = stat()
          isFolder = lstat(folder + "/" + child, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
        if isFolder {
          pending.append(child)
        } else if name.hasSuffix(suffix) {
          found.append(child)
        }
      }
    }
    return found
  }

  static func standardised(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Reads `paths` into a source set. A file larger than `Limits.maximumSourceFileBytes`
  /// is loaded empty and gets an E0003 diagnostic instead.
  public static func read(_ paths: [String]) throws(LoadError) -> (SourceSet, [Diagnostic]) {
    var sources = SourceSet()
    var diagnostics: [Diagnostic] = []
    for path in paths {
      // open/fstat/read: FileHandle and attributesOfItem cost ~90 µs a file, which a
      // folder of 175 files notices (docs/performance.md).
      var status = stat()
      let size = stat(path, &status) == 0 ? Int(status.st_size) : 0
      if size > Limits.maximumSourceFileBytes {
        let file = sources.add(path: path, bytes: [])
        diagnostics.append(
          .error(
            .fileTooLarge,
            "this file is larger than the limit of \(Limits.maximumSourceFileBytes / 1_048_576) MiB",
            at: .point(0, in: file.id),
            help: "policy files are text of a few kilobytes; check that this is the file you meant")
        )
        continue
      }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw .unreadable(path: path, reason: "permission denied or not a regular file")
      }
      defer { close(descriptor) }
      guard let bytes = readAll(descriptor, expected: size) else {
        throw .unreadable(path: path, reason: "the read failed")
      }
      sources.add(path: path, bytes: bytes)
    }
    return (sources, diagnostics)
  }

  /// Every byte from `descriptor` (a regular file of about `expected` bytes); nil when a
  /// read fails.
  static func readAll(_ descriptor: Int32, expected: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(expected + 1)
    var chunk = [UInt8](repeating: 0, count: min(64 * 1024, max(expected, 0) + 1))
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}

/// `read(2)`, named apart from `PolicyFiles.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
  #else
    Darwin.read(descriptor, buffer, count)
  #endif
}

import Crypto

/// The version of a policy set: `sha256:` and the SHA-256 of its files' names and bytes.
///
/// Names are taken relative to the folder all files share, so serving `policies/` or
/// `./policies` (or the same files moved elsewhere) gives the same version; renaming a file
/// changes it. Each file contributes its name, a NUL, its length as 8 bytes and its bytes,
/// in the order the files were loaded (sorted), so no two sets can run together.
public struct PolicyVersion: Sendable, Hashable, CustomStringConvertible {
  public let description: String

  init(_ description: String) {
    self.description = description
  }

  /// The version of `files`, each a path and its bytes.
  public static func of(_ files: [(path: String, bytes: [UInt8])]) -> PolicyVersion {
    let names = relativeNames(files.map(\.path))
    var hash = SHA256()
    for (name, file) in zip(names, files) {
      hash.update(data: Array(name.utf8) + [0])
      var length = UInt64(file.bytes.count).bigEndian
      withUnsafeBytes(of: &length) { hash.update(bufferPointer: $0) }
      hash.update(data: file.bytes)
    }
    return PolicyVersion("sha256:" + Hex.encode(hash.finalize()))
  }

  /// The paths without the folder they all share (`a/x.credence`, `a/b/y.credence` →
  /// `x.credence`, `b/y.credence`); a single file keeps its own name.
  static func relativeNames(_ paths: [String]) -> [String] {
    let folders = paths.map { path -> [Substring] in
      var parts = path.split(separator: "/", omittingEmptySubsequences: true)
      parts.removeLast()
      return parts
    }
    guard var shared = folders.first else { return [] }
    for folder in folders.dropFirst() {
      shared = Array(zip(shared, folder).prefix { $0 == $1 }.map(\.0))
    }
    return paths.map { path in
      path.split(separator: "/", omittingEmptySubsequences: true).dropFirst(shared.count)
        .joined(separator: "/")
    }
  }
}

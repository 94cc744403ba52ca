import CredenceSyntax
import Foundation

/// The policy texts the benchmarks read: the library as it is, and grown to a megabyte.
public enum PolicyText {
  /// The repository's root, found from this file's path (Benchmarks/Sources/BenchmarkInputs).
  public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The policy library's files as (path relative to `policies/`, bytes), sorted by path.
  public static func libraryFiles() -> [(path: String, bytes: [UInt8])] {
    let folder = repositoryRoot.appendingPathComponent("policies")
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var paths: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasSuffix(".credence") { paths.append(relative) }
    }
    return paths.sorted().compactMap { relative in
      guard let data = FileManager.default.contents(atPath: folder.path + "/" + relative) else {
        return nil
      }
      return (relative, Array(data))
    }
  }

  /// The policy library as a source set (25 files, about 150 kB).
  public static func library() -> SourceSet {
    var sources = SourceSet()
    for file in libraryFiles() { _ = sources.add(path: "policies/" + file.path, bytes: file.bytes) }
    return sources
  }

  /// The library copied until it holds at least `bytes` bytes: copy k renames every declared
  /// name `x` to `x_ck` (copy 0 keeps the names), so the files form one program that checks
  /// cleanly, as `Benchmarks/scripts/policy-text.py` writes it to disk.
  public static func grown(toBytes bytes: Int = 1_048_576) -> SourceSet {
    let files = libraryFiles()
    let declared = declaredNames(files.map(\.bytes))
    var sources = SourceSet()
    var size = 0
    var copy = 0
    while size < bytes {
      for file in files {
        let text = copy == 0 ? file.bytes : renamed(file.bytes, declared, suffix: "_c\(copy)")
        _ = sources.add(path: "c\(copy)/\(file.path)", bytes: text)
        size += text.count
      }
      copy += 1
    }
    return sources
  }

  /// The total size of `sources` in bytes.
  public static func size(_ sources: SourceSet) -> Int {
    sources.files.reduce(0) { $0 + $1.bytes.count }
  }

  /// Names declared by `scale`, `param`, `fact`, `let`, `stack`, `fund` and `equivalence`.
  static func declaredNames(_ files: [[UInt8]]) -> Set<String> {
    let declaring: Set<Keyword> = [.scale, .param, .fact, .let, .stack, .fund, .equivalence]
    var names: Set<String> = []
    for bytes in files {
      let tokens = Lexer.lex(SourceFile(id: FileID(0), path: "", bytes: bytes)).tokens
      for (previous, token) in zip(tokens, tokens.dropFirst()) {
        if case .keyword(let keyword) = previous.kind, declaring.contains(keyword),
          case .identifier(let name) = token.kind
        {
          names.insert(name)
        }
      }
    }
    return names
  }

  /// `bytes` with every mention of a declared name (not a field after `.`) suffixed.
  static func renamed(_ bytes: [UInt8], _ declared: Set<String>, suffix: String) -> [UInt8] {
    let tokens = Lexer.lex(SourceFile(id: FileID(0), path: "", bytes: bytes)).tokens
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + bytes.count / 8)
    var copied = 0
    var afterDot = false
    for token in tokens {
      defer {
        if case .punctuation(.dot) = token.kind { afterDot = true } else { afterDot = false }
      }
      guard case .identifier(let name) = token.kind, !afterDot, declared.contains(name) else {
        continue
      }
      result.append(contentsOf: bytes[copied..<token.span.end])
      result.append(contentsOf: suffix.utf8)
      copied = token.span.end
    }
    result.append(contentsOf: bytes[copied...])
    return result
  }
}

/// The keys a server accepts, read from a keys file.
///
/// The file has one key per line, `NAME SCOPES sha256:HEX`, scopes separated by commas
/// (`portal decide sha256:9f86…`); blank lines and lines starting with `#` are ignored.
/// `credence serve keys add` writes such lines. Names and digests are unique.
public struct KeyRing: Sendable {
  public private(set) var keys: [APIKey]

  public init(keys: [APIKey] = []) {
    self.keys = keys
  }

  /// The key whose digest matches `token`, or nil. Every key is compared, in constant time
  /// per key, so the time taken says nothing about which digest came close.
  public func key(for token: String) -> APIKey? {
    let digest = APIKey.digest(of: token)
    var found: APIKey?
    for key in keys where Self.constantTimeEqual(key.digest, digest) { found = key }
    return found
  }

  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }

  /// A problem in a keys file, at a line (never quoting a digest).
  public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
  }

  /// The keys of a keys file's text.
  public init(parsing text: String) throws(FileError) {
    var keys: [APIKey] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: " \t\r")
      if line.isEmpty || line.hasPrefix("#") { continue }
      let key = try Self.key(line, number: index + 1)
      if keys.contains(where: { $0.name == key.name }) {
        throw FileError(line: index + 1, message: "a second key named `\(key.name)`")
      }
      if keys.contains(where: { $0.digest == key.digest }) {
        throw FileError(line: index + 1, message: "the same key as an earlier line")
      }
      keys.append(key)
    }
    self.keys = keys
  }

  private static func key(_ line: Substring, number: Int) throws(FileError) -> APIKey {
    let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard fields.count == 3 else {
      throw FileError(line: number, message: "expected `NAME SCOPES sha256:HEX`")
    }
    let name = String(fields[0])
    guard name.allSatisfy(Self.isNameCharacter) else {
      throw FileError(
        line: number, message: "a key's name is letters, digits, `-`, `_` and `.` only")
    }
    var scopes: Set<Scope> = []
    for word in fields[1].split(separator: ",") {
      guard let scope = Scope(rawValue: String(word)) else {
        throw FileError(
          line: number,
          message: "`\(word)` is not a scope; the scopes are "
            + Scope.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))
      }
      scopes.insert(scope)
    }
    guard !scopes.isEmpty else { throw FileError(line: number, message: "a key needs a scope") }
    let digestField = fields[2]
    guard digestField.hasPrefix("sha256:"), let digest = Hex.decode(digestField.dropFirst(7)),
      digest.count == 32
    else {
      throw FileError(
        line: number, message: "the digest is `sha256:` and 64 hexadecimal digits")
    }
    return APIKey(name: name, scopes: scopes, digest: digest)
  }

  static func isNameCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
  }

  /// The line a keys file holds for `key`.
  public static func line(for key: APIKey) -> String {
    key.name + " " + key.scopes.sorted().map(\.rawValue).joined(separator: ",") + " sha256:"
      + Hex.encode(key.digest)
  }

  /// A keys file's text with `key` added at the end.
  public func adding(_ key: APIKey, to text: String) throws(FileError) -> String {
    if keys.contains(where: { $0.name == key.name }) {
      throw FileError(
        line: 0, message: "the keys file already has a key named `\(key.name)`")
    }
    var text = text
    if text.isEmpty {
      text = "# Credence API keys: NAME SCOPES sha256:HEX (credence serve keys add)\n"
    } else if !text.hasSuffix("\n") {
      text += "\n"
    }
    return text + Self.line(for: key) + "\n"
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var text = self
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return text
  }
}

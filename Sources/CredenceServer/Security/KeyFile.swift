import Foundation

/// Reading and writing keys files (the format is `KeyRing`'s).
public enum KeyFile {
  /// A keys file that cannot be used: where and why.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The keys of the file at `path`.
  public static func read(_ path: String) throws(Problem) -> KeyRing {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Problem(description: "`\(path)` cannot be read")
    }
    do {
      return try KeyRing(parsing: String(decoding: data, as: UTF8.self))
    } catch {
      throw Problem(description: "`\(path)`, \(error)")
    }
  }

  /// Adds a new key named `name` to the file at `path` (created, readable by its owner
  /// only, when it does not exist) and returns its token, which is shown once.
  public static func addKey(name: String, scopes: Set<Scope>, to path: String) throws(Problem)
    -> String
  {
    guard !name.isEmpty, name.allSatisfy(KeyRing.isNameCharacter) else {
      throw Problem(description: "a key's name is letters, digits, `-`, `_` and `.` only")
    }
    guard !scopes.isEmpty else { throw Problem(description: "a key needs at least one scope") }
    let existing = FileManager.default.contents(atPath: path)
    let text = existing.map { String(decoding: $0, as: UTF8.self) } ?? ""
    let (token, key) = APIKey.generate(name: name, scopes: scopes)
    let updated: String
    do {
      updated = try KeyRing(parsing: text).adding(key, to: text)
    } catch {
      throw Problem(description: "`\(path)`, \(error)")
    }
    // Written aside and renamed into place: a reader never sees half a file.
    let aside = path + ".new"
    guard
      FileManager.default.createFile(
        atPath: aside, contents: Data(updated.utf8), attributes: [.posixPermissions: 0o600])
    else { throw Problem(description: "`\(aside)` cannot be written") }
    guard rename(aside, path) == 0 else {
      unlink(aside)
      throw Problem(description: "`\(path)` cannot be replaced")
    }
    return token
  }
}

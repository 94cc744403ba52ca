import Crypto

/// One key of the keys file: a name for logs, its scopes, and the SHA-256 of its token.
///
/// Tokens are 32 random bytes, so a plain SHA-256 is as safe to store as a slow password
/// hash would be: there is no dictionary to try (docs/decisions.md).
public struct APIKey: Sendable, Hashable {
  /// Who holds the key (`portal`, `prometheus`): what logs name, never the token.
  public var name: String
  public var scopes: Set<Scope>
  /// SHA-256 of the token's UTF-8 bytes.
  public var digest: [UInt8]

  public init(name: String, scopes: Set<Scope>, digest: [UInt8]) {
    self.name = name
    self.scopes = scopes
    self.digest = digest
  }

  /// The prefix of every token, so that secret scanners and people recognise one.
  public static let tokenPrefix = "credence_"

  /// A new random token and its key: the token is shown once, only the key is stored.
  public static func generate(name: String, scopes: Set<Scope>) -> (token: String, key: APIKey) {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    let token = tokenPrefix + Hex.encode(bytes)
    return (token, APIKey(name: name, scopes: scopes, digest: digest(of: token)))
  }

  /// The SHA-256 of a presented token.
  public static func digest(of token: String) -> [UInt8] {
    Array(SHA256.hash(data: Array(token.utf8)))
  }
}

/// Lower-case hexadecimal, both ways.
enum Hex {
  static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 15)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  static func decode(_ text: some StringProtocol) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
      guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
      bytes.append(high << 4 | low)
      index += 2
    }
    return bytes
  }

  private static func value(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

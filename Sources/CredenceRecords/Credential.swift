import CredenceValues

/// What kind of credential a catalogue row describes (`records.md`, `credentials.type`).
public enum CredentialType: String, Sendable, Hashable, CaseIterable {
  case microCredential = "micro-credential"
  case course
  case module
  case certificate
  case diploma
  case degree
  case badge
}

/// A catalogue entry: a credential that can be earned, with its tags.
public struct Credential: Sendable, Hashable {
  /// The fields, shared by every copy: a store hands the same catalogue entry to every
  /// award of it, and a copy costs one reference count instead of one per field.
  private final class Storage: Sendable {
    let code: String
    let title: String
    let provider: String?
    let type: CredentialType
    let credits: ExactDecimal?
    let creditSystem: String?
    let level: Int?
    let field: String?
    let hours: Int?
    let fee: Money?
    let tags: [String]

    init(
      code: String, title: String, provider: String?, type: CredentialType,
      credits: ExactDecimal?, creditSystem: String?, level: Int?, field: String?, hours: Int?,
      fee: Money?, tags: [String]
    ) {
      self.code = code
      self.title = title
      self.provider = provider
      self.type = type
      self.credits = credits
      self.creditSystem = creditSystem
      self.level = level
      self.field = field
      self.hours = hours
      self.fee = fee
      self.tags = tags
    }
  }

  private let storage: Storage

  /// The catalogue key, e.g. `CYB501`; case-sensitive.
  public var code: String { storage.code }
  public var title: String { storage.title }
  /// The awarding body.
  public var provider: String? { storage.provider }
  public var type: CredentialType { storage.type }
  /// Credit value in `creditSystem` units.
  public var credits: ExactDecimal? { storage.credits }
  /// `ECTS`, `SG-MC`, `US-SH`, …
  public var creditSystem: String? { storage.creditSystem }
  /// Qualification-framework level.
  public var level: Int? { storage.level }
  /// Subject cluster, e.g. `cybersecurity`.
  public var field: String? { storage.field }
  /// Notional learning hours.
  public var hours: Int? { storage.hours }
  /// List fee of one run of the course.
  public var fee: Money? { storage.fee }
  /// Skills, outcomes and funding flags, sorted by their UTF-8 bytes.
  public var tags: [String] { storage.tags }

  public init(
    code: String, title: String, provider: String? = nil, type: CredentialType,
    credits: ExactDecimal? = nil, creditSystem: String? = nil, level: Int? = nil,
    field: String? = nil, hours: Int? = nil, fee: Money? = nil, tags: [String] = []
  ) {
    storage = Storage(
      code: code, title: title, provider: provider, type: type, credits: credits,
      creditSystem: creditSystem, level: level, field: field, hours: hours, fee: fee, tags: tags)
  }

  public static func == (left: Credential, right: Credential) -> Bool {
    if left.storage === right.storage { return true }
    return left.code == right.code && left.title == right.title
      && left.provider == right.provider && left.type == right.type
      && left.credits == right.credits && left.creditSystem == right.creditSystem
      && left.level == right.level && left.field == right.field && left.hours == right.hours
      && left.fee == right.fee && left.tags == right.tags
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(code)
    hasher.combine(title)
    hasher.combine(type)
    hasher.combine(credits)
    hasher.combine(tags)
  }

  /// The identity of this credential's shared storage: equal for copies of one catalogue
  /// entry, so caches can find an entry without hashing its code. Unique only while the
  /// credential is alive (a cache must keep it).
  public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

  /// Whether the credential carries `tag`.
  public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }
}

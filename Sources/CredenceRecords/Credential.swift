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
  /// The catalogue key, e.g. `CYB501`; case-sensitive.
  public var code: String
  public var title: String
  /// The awarding body.
  public var provider: String?
  public var type: CredentialType
  /// Credit value in `creditSystem` units.
  public var credits: ExactDecimal?
  /// `ECTS`, `SG-MC`, `US-SH`, …
  public var creditSystem: String?
  /// Qualification-framework level.
  public var level: Int?
  /// Subject cluster, e.g. `cybersecurity`.
  public var field: String?
  /// Notional learning hours.
  public var hours: Int?
  /// List fee of one run of the course.
  public var fee: Money?
  /// Skills, outcomes and funding flags, sorted by their UTF-8 bytes.
  public var tags: [String]

  public init(
    code: String, title: String, provider: String? = nil, type: CredentialType,
    credits: ExactDecimal? = nil, creditSystem: String? = nil, level: Int? = nil,
    field: String? = nil, hours: Int? = nil, fee: Money? = nil, tags: [String] = []
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

  /// Whether the credential carries `tag`.
  public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }
}

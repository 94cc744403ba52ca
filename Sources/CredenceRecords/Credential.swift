import CredenceValues

/// A catalogue entry: a credential that can be earned, with its tags, as policies see it.
///
/// Every field but the code may be unknown (`nil`): a store always has a title and a type,
/// but test fixtures and what-if questions about codes the catalogue lacks leave fields out.
///
/// Immutable and shared: every award and enrolment of the same credential holds the same
/// storage, so copying a credential (as reading an award's fields does) costs one reference
/// count, not one per field.
public struct Credential: Sendable, Hashable {
  // Inlinable (with the storage usable from inline code): the evaluator, in another module,
  // reads these fields for every award it tests.
  @usableFromInline final class Storage: Sendable {
    @usableFromInline let code: String
    @usableFromInline let title: String?
    @usableFromInline let provider: String?
    @usableFromInline let type: String?
    @usableFromInline let credits: ExactDecimal?
    @usableFromInline let creditSystem: String?
    @usableFromInline let level: ExactDecimal?
    @usableFromInline let field: String?
    @usableFromInline let hours: ExactDecimal?
    @usableFromInline let fee: Money?
    @usableFromInline let tags: [String]

    @usableFromInline init(
      code: String, title: String?, provider: String?, type: String?, credits: ExactDecimal?,
      creditSystem: String?, level: ExactDecimal?, field: String?, hours: ExactDecimal?,
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

  @usableFromInline let storage: Storage

  /// The catalogue key, e.g. `CYB501`; case-sensitive.
  @inlinable public var code: String { storage.code }
  @inlinable public var title: String? { storage.title }
  /// The awarding body.
  @inlinable public var provider: String? { storage.provider }
  /// `records.md`'s word for the kind of credential (`micro-credential`, `course`, …).
  @inlinable public var type: String? { storage.type }
  /// Credit value in `creditSystem` units.
  @inlinable public var credits: ExactDecimal? { storage.credits }
  /// `ECTS`, `SG-MC`, `US-SH`, …
  @inlinable public var creditSystem: String? { storage.creditSystem }
  /// Qualification-framework level.
  @inlinable public var level: ExactDecimal? { storage.level }
  /// Subject cluster, e.g. `cybersecurity`.
  @inlinable public var field: String? { storage.field }
  /// Notional learning hours.
  @inlinable public var hours: ExactDecimal? { storage.hours }
  /// List fee of one run of the course.
  @inlinable public var fee: Money? { storage.fee }
  /// Skills, outcomes and funding flags (a store gives them sorted by their UTF-8 bytes).
  @inlinable public var tags: [String] { storage.tags }

  public init(
    code: String, title: String? = nil, provider: String? = nil, type: String? = nil,
    credits: ExactDecimal? = nil, creditSystem: String? = nil, level: ExactDecimal? = nil,
    field: String? = nil, hours: ExactDecimal? = nil, fee: Money? = nil, tags: [String] = []
  ) {
    storage = Storage(
      code: code, title: title, provider: provider, type: type, credits: credits,
      creditSystem: creditSystem, level: level, field: field, hours: hours, fee: fee, tags: tags)
  }

  /// The identity of this credential's shared storage: equal for copies of one catalogue
  /// entry (what tests check to see that a read shares it). Unique only while the credential
  /// is alive.
  public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

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
}

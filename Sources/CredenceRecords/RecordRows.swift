import CredenceValues

// The rows the evaluator reads (`LearnerView` in CredenceRuntime holds them). They live here,
// beside the records model, so that a record source can decode stored rows straight into
// them (``RecordSource/forEachRowBatch(in:batchSize:_:)``) instead of building a `Learner`
// that is converted and freed. Every field but the key may be unknown: test fixtures and
// what-if questions leave fields out.

/// A catalogue entry as policies see it.
///
/// Immutable and shared: every award and enrolment of the same credential holds the same
/// storage, so copying a row (as reading an award's fields does) costs one reference count,
/// not one per field.
public struct CredentialRow: Sendable, Hashable {
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

  @inlinable public var code: String { storage.code }
  @inlinable public var title: String? { storage.title }
  @inlinable public var provider: String? { storage.provider }
  @inlinable public var type: String? { storage.type }
  @inlinable public var credits: ExactDecimal? { storage.credits }
  @inlinable public var creditSystem: String? { storage.creditSystem }
  @inlinable public var level: ExactDecimal? { storage.level }
  @inlinable public var field: String? { storage.field }
  @inlinable public var hours: ExactDecimal? { storage.hours }
  @inlinable public var fee: Money? { storage.fee }
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

  /// The identity of this row's shared storage: equal for copies of one converted catalogue
  /// entry. Unique only while the row is alive.
  public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

  public static func == (left: CredentialRow, right: CredentialRow) -> Bool {
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

/// An award as policies see it (revoked awards never get here).
public struct AwardRow: Sendable, Hashable {
  public var id: String
  public var credential: CredentialRow
  public var awardedOn: CivilDate?
  public var expiresOn: CivilDate?
  /// The mark as issued.
  public var grade: String?
  public var score: ExactDecimal?
  public var source: String?
  /// Whether this award was added by a what-if question rather than read from the records.
  public var isHypothetical: Bool

  public init(
    id: String, credential: CredentialRow, awardedOn: CivilDate? = nil,
    expiresOn: CivilDate? = nil, grade: String? = nil, score: ExactDecimal? = nil,
    source: String? = nil, isHypothetical: Bool = false
  ) {
    self.id = id
    self.credential = credential
    self.awardedOn = awardedOn
    self.expiresOn = expiresOn
    self.grade = grade
    self.score = score
    self.source = source
    self.isHypothetical = isHypothetical
  }
}

/// An enrolment as policies see it.
public struct EnrolmentRow: Sendable, Hashable {
  public var id: String
  public var credential: CredentialRow
  public var startOn: CivilDate?
  public var endOn: CivilDate?
  /// The enrolment's own fee, or the catalogue fee when it has none.
  public var fee: Money?
  public var status: String?

  public init(
    id: String, credential: CredentialRow, startOn: CivilDate? = nil, endOn: CivilDate? = nil,
    fee: Money? = nil, status: String? = nil
  ) {
    self.id = id
    self.credential = credential
    self.startOn = startOn
    self.endOn = endOn
    self.fee = fee
    self.status = status
  }
}

/// A funding-ledger row as policies see it.
public struct LedgerRow: Sendable, Hashable {
  public var id: Int64?
  public var scheme: String?
  public var amount: Money?
  public var postedOn: CivilDate?
  public var expiresOn: CivilDate?
  public var memo: String?

  public init(
    id: Int64? = nil, scheme: String? = nil, amount: Money? = nil, postedOn: CivilDate? = nil,
    expiresOn: CivilDate? = nil, memo: String? = nil
  ) {
    self.id = id
    self.scheme = scheme
    self.amount = amount
    self.postedOn = postedOn
    self.expiresOn = expiresOn
    self.memo = memo
  }
}

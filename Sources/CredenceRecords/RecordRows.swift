import CredenceValues

// The rows the evaluator reads (`LearnerView` in CredenceRuntime holds them). They live here,
// beside the records model, so that a record source can decode stored rows straight into
// them (``RecordSource/forEachRowBatch(in:batchSize:_:)``) instead of building a `Learner`
// that is converted and freed. Every field but the key may be unknown: test fixtures and
// what-if questions leave fields out.

/// An award as policies see it (revoked awards never get here).
public struct AwardRow: Sendable, Hashable {
  public var id: String
  public var credential: Credential
  public var awardedOn: CivilDate?
  public var expiresOn: CivilDate?
  /// The mark as issued.
  public var grade: String?
  public var score: ExactDecimal?
  public var source: String?
  /// Whether this award was added by a what-if question rather than read from the records.
  public var isHypothetical: Bool

  public init(
    id: String, credential: Credential, awardedOn: CivilDate? = nil,
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
  public var credential: Credential
  public var startOn: CivilDate?
  public var endOn: CivilDate?
  /// The enrolment's own fee, or the catalogue fee when it has none.
  public var fee: Money?
  public var status: String?

  public init(
    id: String, credential: Credential, startOn: CivilDate? = nil, endOn: CivilDate? = nil,
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

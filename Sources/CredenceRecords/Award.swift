import CredenceValues

/// A credential a learner has earned, as policies see it. Revoked awards never reach
/// policies.
///
/// Every field but the id and the credential may be unknown (`nil`): a store always has an
/// award date, but test fixtures and what-if questions may leave it out.
public struct Award: Sendable, Hashable {
  /// The award's id: an Open Badges credential id, or the institution's.
  public var id: String
  /// The catalogue entry of what was earned, with its tags.
  public var credential: Credential
  /// Issuance (or `validFrom`) date.
  public var awardedOn: CivilDate?
  /// `validUntil`; expired awards are delivered, and rules decide what they are worth.
  public var expiresOn: CivilDate?
  /// The grade as issued (`A-`, `B+`, `Pass`).
  public var grade: String?
  /// The numeric result, where one exists.
  public var score: ExactDecimal?
  /// Provenance: issuer URL, file name, import batch.
  public var source: String?
  /// Whether a what-if question added this award rather than the records holding it
  /// (explanations say so).
  public var isHypothetical: Bool

  public init(
    id: String, credential: Credential, awardedOn: CivilDate? = nil, expiresOn: CivilDate? = nil,
    grade: String? = nil, score: ExactDecimal? = nil, source: String? = nil,
    isHypothetical: Bool = false
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

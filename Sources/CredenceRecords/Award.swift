import CredenceValues

/// A credential a learner has earned. Revoked awards never reach policies.
public struct Award: Sendable, Hashable {
  /// The award's id: an Open Badges credential id, or the institution's.
  public var id: String
  /// The catalogue entry of what was earned, with its tags.
  public var credential: Credential
  /// Issuance (or `validFrom`) date.
  public var awardedOn: CivilDate
  /// `validUntil`; expired awards are delivered, and rules decide what they are worth.
  public var expiresOn: CivilDate?
  /// The grade as issued (`A-`, `B+`, `Pass`).
  public var grade: String?
  /// The numeric result, where one exists.
  public var score: ExactDecimal?
  /// Provenance: issuer URL, file name, import batch.
  public var source: String?

  public init(
    id: String, credential: Credential, awardedOn: CivilDate, expiresOn: CivilDate? = nil,
    grade: String? = nil, score: ExactDecimal? = nil, source: String? = nil
  ) {
    self.id = id
    self.credential = credential
    self.awardedOn = awardedOn
    self.expiresOn = expiresOn
    self.grade = grade
    self.score = score
    self.source = source
  }

  /// The catalogue code of what was earned.
  public var credentialCode: String { credential.code }
}

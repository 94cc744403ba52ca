import CredenceValues

/// A course a learner took or applied for (the subject of funding claims), as policies see
/// it. Every field but the id and the course may be unknown (`nil`).
public struct Enrolment: Sendable, Hashable {
  public var id: String
  /// The course, from the catalogue.
  public var credential: Credential
  public var startOn: CivilDate?
  public var endOn: CivilDate?
  /// The fee charged for this enrolment: its own, or the catalogue's list fee when it has
  /// none (a store resolves this when it reads the row).
  public var fee: Money?
  /// `records.md`'s word for where it stands (`applied`, `enrolled`, `completed`,
  /// `withdrawn`).
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

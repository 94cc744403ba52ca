import CredenceValues

/// Where an enrolment stands (`records.md`, `enrolments.status`).
public enum EnrolmentStatus: String, Sendable, Hashable, CaseIterable {
  case applied
  case enrolled
  case completed
  case withdrawn
}

/// A course a learner took or applied for: the subject of funding claims.
public struct Enrolment: Sendable, Hashable {
  public var id: String
  /// The course, from the catalogue.
  public var credential: Credential
  public var startOn: CivilDate
  public var endOn: CivilDate?
  /// The fee charged for this enrolment, when it overrides the catalogue fee.
  public var fee: Money?
  public var status: EnrolmentStatus

  public init(
    id: String, credential: Credential, startOn: CivilDate, endOn: CivilDate? = nil,
    fee: Money? = nil, status: EnrolmentStatus
  ) {
    self.id = id
    self.credential = credential
    self.startOn = startOn
    self.endOn = endOn
    self.fee = fee
    self.status = status
  }

  /// The fee that applies: this enrolment's own, else the catalogue's list fee.
  public var effectiveFee: Money? { fee ?? credential.fee }
}

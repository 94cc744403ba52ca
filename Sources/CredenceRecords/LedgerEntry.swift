import CredenceValues

/// One row of the funding ledger: a grant or top-up (positive) or a claim (negative).
public struct LedgerEntry: Sendable, Hashable {
  public var id: Int64
  /// The funding scheme, e.g. `skillsfuture-credit`.
  public var scheme: String
  public var amount: Money
  public var postedOn: CivilDate
  /// When an unspent grant lapses.
  public var expiresOn: CivilDate?
  public var memo: String?

  public init(
    id: Int64, scheme: String, amount: Money, postedOn: CivilDate, expiresOn: CivilDate? = nil,
    memo: String? = nil
  ) {
    self.id = id
    self.scheme = scheme
    self.amount = amount
    self.postedOn = postedOn
    self.expiresOn = expiresOn
    self.memo = memo
  }
}

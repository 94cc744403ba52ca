import CredenceValues

/// One row of the funding ledger, as policies see it: a grant or top-up (positive) or a
/// claim (negative). Every field may be unknown (`nil`) in a test's fixtures.
public struct LedgerEntry: Sendable, Hashable {
  /// The row's id, which is posting order among rows posted the same day.
  public var id: Int64?
  /// The funding scheme, e.g. `skillsfuture-credit`.
  public var scheme: String?
  public var amount: Money?
  public var postedOn: CivilDate?
  /// When an unspent grant lapses.
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

import CredenceRecords
import CredenceValues

/// `balance(scheme)`: the learner's unspent money under a funding scheme on a date.
///
/// The rule (language.md §11, docs/decisions.md "Ledger balances" and "An over-claim"): rows
/// posted on or before the date count; within one day grants come before claims, whatever
/// the rows' ids; a grant (positive row) can be drawn until and including its `expires_on`;
/// a claim (negative row) draws on the grants usable on its posting date that expire first;
/// the balance is what the grants usable on the date still hold. The part of a claim that no
/// usable grant could cover was not paid from this scheme: it is dropped, never carried as a
/// debt against later grants, so a balance is never below zero.
public enum LedgerBalance {
  /// Why a balance cannot be computed from the rows.
  public enum Problem: Error, Sendable, Hashable {
    /// A row of the scheme whose amount or date is unknown.
    case unknownRow
    /// Rows of one scheme in two currencies.
    case mixedCurrencies(CurrencyCode, CurrencyCode)
    /// A sum beyond the exact range.
    case overflow
  }

  /// The balance of `scheme` on `date`; zero in ``noCurrency`` when the scheme has no rows
  /// (a zero that takes the currency of whatever it meets).
  public static func balance(
    of scheme: String, on date: CivilDate, rows: [LedgerEntry]
  ) -> Result<Money, Problem> {
    var posted: [(day: CivilDate, amount: Money, expires: CivilDate?, sequence: Int)] = []
    for row in rows where row.scheme == scheme {
      guard let day = row.postedOn, let amount = row.amount else { return .failure(.unknownRow) }
      guard day <= date else { continue }
      if let first = posted.first, first.amount.currency != amount.currency {
        return .failure(.mixedCurrencies(first.amount.currency, amount.currency))
      }
      posted.append((day, amount, row.expiresOn, posted.count))
    }
    guard let currency = posted.first?.amount.currency else {
      return .success(Money(.zero, noCurrency))
    }
    // Posting order, grants before claims within a day, then the records' order (date, id).
    posted.sort { left, right in
      if left.day != right.day { return left.day < right.day }
      let leftClaim = left.amount.amount.isNegative
      let rightClaim = right.amount.amount.isNegative
      if leftClaim != rightClaim { return rightClaim }
      return left.sequence < right.sequence
    }
    // Grants still holding money: remaining amount and expiry, in posting order.
    var grants: [(remaining: ExactDecimal, expires: CivilDate?)] = []
    do {
      for row in posted {
        guard row.amount.amount.isNegative else {
          grants.append((row.amount.amount, row.expires))
          continue
        }
        var claim = row.amount.amount.negated()
        // The usable grants that expire first; grants that never expire come last.
        let order = grants.indices.filter { index in
          grants[index].expires.map { $0 >= row.day } ?? true
        }.sorted { left, right in
          switch (grants[left].expires, grants[right].expires) {
          case (let l?, let r?): return l != r ? l < r : left < right
          case (.some, nil): return true
          case (nil, .some): return false
          case (nil, nil): return left < right
          }
        }
        for index in order where !claim.isZero {
          let drawn = min(grants[index].remaining, claim)
          grants[index].remaining = try grants[index].remaining - drawn
          claim = try claim - drawn
        }
        // What is left of `claim` is the over-claim: not this scheme's money, dropped.
      }
      var total = ExactDecimal.zero
      for grant in grants where grant.expires.map({ $0 >= date }) ?? true {
        total = try total + grant.remaining
      }
      return .success(Money(total, currency))
    } catch {
      return .failure(.overflow)
    }
  }

  /// `XXX`, ISO 4217's code for "no currency": the currency of a zero balance with no rows
  /// and of an ineligible fund's zero when the fund's currency comes from the records.
  public static let noCurrency: CurrencyCode = {
    // A literal three capital letters always parses; the guard only satisfies the types.
    guard let code = CurrencyCode(parsing: "XXX") else { preconditionFailure("XXX is a code") }
    return code
  }()
}

import CredenceRecords
import CredenceValues

/// `balance(scheme)`: the learner's unspent money under a funding scheme on a date.
///
/// The rule (language.md §11, docs/decisions.md "Ledger balances"): rows posted on or before
/// the date count; a grant (positive row) can be drawn until and including its `expires_on`;
/// a claim (negative row) draws on the grants usable on its posting date that expire first;
/// the balance is what the grants usable on the date still hold, less any claim no grant
/// could cover. So the unspent part of an expired top-up stops counting, and what was claimed
/// from it stays claimed.
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
    var currency: CurrencyCode?
    // Grants still holding money: remaining amount and expiry, in posting order.
    var grants: [(remaining: ExactDecimal, expires: CivilDate?)] = []
    var uncovered = ExactDecimal.zero
    // Rows arrive in posting order (a `Learner` keeps them so), which is the order claims draw.
    for row in rows where row.scheme == scheme {
      guard let posted = row.postedOn, let amount = row.amount else { return .failure(.unknownRow) }
      guard posted <= date else { continue }
      if let known = currency, known != amount.currency {
        return .failure(.mixedCurrencies(known, amount.currency))
      }
      currency = amount.currency
      do {
        if !amount.amount.isNegative {
          // A grant first settles claims that no earlier grant could cover.
          var value = amount.amount
          if !uncovered.isZero {
            let settled = min(value, uncovered)
            value = try value - settled
            uncovered = try uncovered - settled
          }
          grants.append((value, row.expiresOn))
          continue
        }
        var claim = amount.amount.negated()
        // The usable grants that expire first; grants that never expire come last.
        let order = grants.indices.filter { index in
          grants[index].expires.map { $0 >= posted } ?? true
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
        uncovered = try uncovered + claim
      } catch {
        return .failure(.overflow)
      }
    }
    guard let currency else { return .success(Money(.zero, noCurrency)) }
    do {
      var total = ExactDecimal.zero
      for grant in grants where grant.expires.map({ $0 >= date }) ?? true {
        total = try total + grant.remaining
      }
      return .success(Money(try total - uncovered, currency))
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

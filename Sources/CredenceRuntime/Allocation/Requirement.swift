import CredenceValues

/// A stack's requirement tree, as the allocation sees it: groups over leaves that claim
/// items from the pool (each item serves one claim at most), totals over everything the
/// stack uses, and conditions.
///
/// Leaves name items by credential code. A code the pool does not hold is simply not
/// available (a code list may name credentials the learner has not earned; they show up as
/// candidates in a ``Shortfall``).
public indirect enum Requirement: Sendable, Hashable {
  /// Every child must hold.
  case allOf([Requirement])
  /// At least one child must hold.
  case anyOf([Requirement])
  /// At least `k` of the children must hold (`k ≤ 0` always holds; `k` above the number of
  /// children never does).
  case atLeast(Int, of: [Requirement])
  /// Claims at least `k` distinct credentials from the listed codes (`at least k of [...]`).
  case codes(atLeast: Int, of: [String])
  /// Claims at least `n` distinct credentials among the eligible codes the evaluator computed
  /// for this leaf (`at least n credentials where ...`).
  case credentials(Int, among: EligibleCodes)
  /// Claims credentials totalling at least `amount` credits among the eligible codes.
  case credits(ExactDecimal, among: EligibleCodes)
  /// Claims at least `count` distinct credentials that together total at least `credits`
  /// credits, among the eligible codes.
  case selection(count: Int, credits: ExactDecimal, among: EligibleCodes)
  /// Another stack: holds when it is `achieved`, and keeps the items it used (`items`), which
  /// no claim here may take, achieved or not. When it counts, its items count in the totals.
  case nestedStack(achieved: Truth, items: [String])
  /// `at least n credentials` without `where` at the top of a stack: a total over every
  /// credential the stack uses, claimed or not; the stack may use further pool credentials
  /// to reach it. Claims nothing.
  case totalCredentials(Int)
  /// `at least X credits` without `where` at the top of a stack: like ``totalCredentials(_:)``
  /// for credits.
  case totalCredits(ExactDecimal)
  /// A condition that takes no items, with its truth value.
  case condition(Truth)

  /// `all of [codes]`: every listed credential (duplicates count once).
  public static func allOfCodes(_ codes: [String]) -> Requirement {
    .codes(atLeast: Set(codes).count, of: codes)
  }

  /// `any of [codes]`: one of the listed credentials.
  public static func anyOfCodes(_ codes: [String]) -> Requirement {
    .codes(atLeast: 1, of: codes)
  }
}

import CredenceValues

/// A stack's requirement tree, as the allocation sees it: groups over consuming leaves
/// (which take items from the pool) and condition leaves (which take none).
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
  /// At least `k` distinct credentials from the listed codes (`at least k of [...]`).
  case codes(atLeast: Int, of: [String])
  /// At least `n` distinct credentials among the eligible codes the evaluator computed for
  /// this leaf (`at least n credentials where ...`).
  case credentials(Int, among: [String])
  /// Items totalling at least `amount` credits among the eligible codes.
  case credits(ExactDecimal, among: [String])
  /// Items that are at least `count` distinct credentials and total at least `credits`
  /// credits together, among the eligible codes: for a rule that counts and sums the same
  /// awards ("any 3 ... totalling 12 credits").
  case selection(count: Int, credits: ExactDecimal, among: [String])
  /// Another stack: holds when it is `achieved`, and keeps the items it used (`items`),
  /// which no other requirement here may use, achieved or not.
  case nestedStack(achieved: Truth, items: [String])
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

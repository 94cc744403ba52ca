import CredenceValues

/// One distinct credential in a stack's pool: what the allocation hands out.
///
/// The evaluator groups a learner's awards by credential code before allocating, because
/// `credentials` counts distinct codes: two awards of the same credential are one item, and
/// its credits count once.
public struct AllocationItem: Sendable, Hashable {
  /// The credential code; items are ordered by it, which makes results deterministic.
  public var code: String
  /// The credential's credits, or `nil` when the catalogue does not know them.
  ///
  /// Negative values are treated as zero: credits only ever add to a total.
  public var credits: ExactDecimal?
  /// The awards behind the item, reported with every requirement that uses it.
  public var awardIDs: [String]

  /// Makes an item for the credential `code`.
  public init(code: String, credits: ExactDecimal?, awardIDs: [String] = []) {
    self.code = code
    self.credits = credits
    self.awardIDs = awardIDs
  }
}

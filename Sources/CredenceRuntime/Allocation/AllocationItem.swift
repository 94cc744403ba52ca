import CredenceValues

/// One distinct credential in a stack's pool: what the allocation hands out.
///
/// The evaluator groups a learner's awards by credential code before allocating, because
/// `credentials` counts distinct codes: two awards of the same credential are one item, and
/// its credits count once.
public struct AllocationItem: Sendable, Hashable {
  /// The credential code; results list codes in code order.
  public var code: String
  /// The credential's credits, or `nil` when the catalogue does not know them.
  ///
  /// Negative values are treated as zero: credits only ever add to a total.
  public var credits: ExactDecimal?
  /// The awards behind the item, reported with every requirement that uses it.
  public var awardIDs: [String]
  /// Whether the item is in the pool: `true`, or `unknown` when that depends on an unknown
  /// fact (an award whose grade is not recorded). An uncertain item is used only where it
  /// cannot change the answer; a `false` item is ignored.
  public var inPool: Truth
  /// Preference among allocations that are equally good: lower ranks are used first (the
  /// evaluator passes the earliest award's date as a day number), ties by code.
  public var rank: Int

  /// Makes an item for the credential `code`.
  public init(
    code: String, credits: ExactDecimal?, awardIDs: [String] = [], inPool: Truth = .true,
    rank: Int = 0
  ) {
    self.code = code
    self.credits = credits
    self.awardIDs = awardIDs
    self.inPool = inPool
    self.rank = rank
  }
}

/// The codes a requirement may take: those that certainly qualify, and those whose
/// qualification depends on unknown facts (a `where` condition that is unknown for every
/// award of the credential). An array literal lists certain codes.
public struct EligibleCodes: Sendable, Hashable, ExpressibleByArrayLiteral {
  /// Codes that qualify.
  public var certain: [String]
  /// Codes that may qualify, depending on unknown facts.
  public var uncertain: [String]

  /// Eligible codes: `certain` ones, and `uncertain` ones that may qualify.
  public init(_ certain: [String], uncertain: [String] = []) {
    self.certain = certain
    self.uncertain = uncertain
  }

  /// Certain codes, written as a list.
  public init(arrayLiteral codes: String...) {
    self.init(codes)
  }
}

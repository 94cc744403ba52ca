import CredenceSemantics

/// The allocation's named limits. Going past one yields *undetermined*, never a wrong
/// *achieved* or *not achieved*, and never a crash or a hang.
public enum AllocationLimits {
  /// Search nodes one allocation may spend by default (selection steps, credit-search steps
  /// and matching augmentations together).
  ///
  /// Real stacks need a few dozen nodes; adversarial ones (many credit requirements competing
  /// for the same awards with totals that almost fit) need exponentially many. 100,000 nodes
  /// take milliseconds in a release build (about 0.2 µs per credit-search node, a few µs per
  /// node of the closest search), so a batch of a million learners cannot stall on a handful
  /// of pathological records, and no realistic stack comes near it.
  public static let defaultSearchNodes = 100_000

  /// Most distinct credentials a pool may hold (4,096).
  ///
  /// Far above any learner's record; it bounds the search's memory and keeps credit totals
  /// (at most this many items of at most ``maximumScaledCredits``) inside 64-bit integers.
  public static let maximumPoolSize = 4_096

  /// Most requirements (groups and leaves) a tree may have (128).
  ///
  /// Far above any regulation's list; it bounds recursion depth and lets the search keep a
  /// set of requirements in two machine words.
  public static let maximumRequirements = CheckerLimits.maximumStackRequirements

  /// Largest credit value or threshold, counted in units of the smallest decimal place any of
  /// them uses (2^48, about 2.8 × 10^14: 2.8 trillion credits written with two decimals).
  public static let maximumScaledCredits: Int64 = CheckerLimits.maximumScaledCredits
}

/// How one allocation runs.
public struct AllocationOptions: Sendable, Hashable {
  /// Search nodes the allocation may spend before it answers *undetermined*.
  public var searchNodeLimit: Int
  /// Whether to search for the closest allocation when the answer is not *achieved*.
  ///
  /// Explanations need it, and so does a parent stack that makes a failed nested stack keep
  /// the awards it used; a batch that only needs the status can skip it.
  public var reportsClosest: Bool

  /// Options with the default node limit, reporting the closest allocation.
  public init(
    searchNodeLimit: Int = AllocationLimits.defaultSearchNodes, reportsClosest: Bool = true
  ) {
    self.searchNodeLimit = searchNodeLimit
    self.reportsClosest = reportsClosest
  }
}

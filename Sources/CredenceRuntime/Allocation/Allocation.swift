import CredenceValues

/// The result of allocating a pool to a requirement tree.
public struct Allocation: Sendable, Hashable {
  /// Achieved, not achieved, or undetermined (and why).
  public var status: AllocationStatus
  /// The outcome of every requirement, mirroring the input tree.
  public var root: RequirementOutcome
  /// The codes of the items the stack uses: those of the counted requirements (see
  /// ``RequirementOutcome/counted``), sorted. A parent stack keeps exactly these.
  public var usedCodes: [String]
  /// Whether the reported allocation is known to be the closest one; `false` when the node
  /// limit cut the search for it short (the status is still exact).
  public var closestIsExact: Bool
  /// Search nodes spent, for benchmarks and tests.
  public var searchNodes: Int
}

/// Whether a stack is achieved.
public enum AllocationStatus: Sendable, Hashable {
  /// An allocation satisfies the tree whatever the unknown values turn out to be.
  case achieved
  /// No allocation satisfies the tree, whatever the unknown values turn out to be.
  case notAchieved
  /// The answer depends on unknown values, or could not be found within a limit.
  case undetermined(UndeterminedReason)
}

/// Why an allocation is undetermined.
public enum UndeterminedReason: Sendable, Hashable {
  /// The answer depends on unknown credits, conditions or nested stacks; the requirements
  /// whose status is ``Truth/unknown`` say where.
  case unknownValues
  /// The search reached ``AllocationOptions/searchNodeLimit`` before it could decide.
  case searchLimit
  /// The pool holds more than ``AllocationLimits/maximumPoolSize`` credentials.
  case poolTooLarge
  /// The tree has more than ``AllocationLimits/maximumRequirements`` requirements.
  case tooManyRequirements
  /// A credit value or threshold needs more than ``AllocationLimits/maximumScaledCredits``
  /// units, or more decimals than an exact decimal holds.
  case creditsOutOfRange
}

/// What happened to one requirement.
public struct RequirementOutcome: Sendable, Hashable {
  /// Whether the requirement holds under this allocation (`unknown` when that depends on
  /// unknown values).
  public var status: Truth
  /// Whether the requirement is part of the choice that decides the stack: every child of
  /// `all of`, the chosen children of `any of` and `at least k of`. Items of uncounted
  /// requirements are shown for information and are not used by the stack.
  public var counted: Bool
  /// The codes of the items this leaf uses, sorted (empty for groups and conditions).
  public var codes: [String]
  /// The awards behind those items, in the same order, flattened.
  public var awardIDs: [String]
  /// Codes among ``codes`` whose credits are unknown.
  public var unknownCreditCodes: [String]
  /// What a leaf still needs, when its status is `false`.
  public var shortfall: Shortfall?
  /// The outcomes of a group's children, in input order.
  public var children: [RequirementOutcome]
}

/// What an unmet leaf still needs, as data for the evaluator to render ("1 more credential
/// from [CYB690, CYB691]", "4 more credits").
public struct Shortfall: Sendable, Hashable {
  /// Distinct credentials still needed (0 when the count is met).
  public var credentials: Int
  /// Credits still needed (zero when the total is met).
  public var credits: ExactDecimal
  /// Codes that could count here and are not used here, sorted: for a code list, every
  /// listed code not used; otherwise the eligible codes the learner holds that are not used.
  public var candidates: [String]
  /// The candidates the learner holds that another requirement uses.
  public var usedElsewhere: [String]

  /// Makes a shortfall (results come from the allocator; this is for comparisons in tests).
  public init(
    credentials: Int, credits: ExactDecimal, candidates: [String], usedElsewhere: [String]
  ) {
    self.credentials = credentials
    self.credits = credits
    self.candidates = candidates
    self.usedElsewhere = usedElsewhere
  }
}

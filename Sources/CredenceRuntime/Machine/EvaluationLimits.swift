/// The evaluator's named limits. Reaching one makes the decisions being evaluated `error`
/// (or, for an allocation, `undetermined`) for that learner only; the batch goes on.
public enum EvaluationLimits {
  /// Evaluation steps one learner may take (10,000,000).
  ///
  /// A step is one list element visited by `where`, `distinct`, `in` or an aggregate, one
  /// call of a `let` with parameters, or one decision. Programs always terminate (no
  /// recursion, no loops), so this is a guard against records of absurd size, not against
  /// the language: the example policies take a few hundred steps per learner, and ten
  /// million take about a second, so one pathological learner cannot stall a batch.
  public static let defaultStepsPerLearner = 10_000_000

  /// Bytes of text one step pays for (1 KiB): comparing or looking up a text costs one step
  /// more per this many bytes it reads, so a record holding a 10 MB text compared for every
  /// element meets the step limit in about a second, as everything else does, instead of
  /// taking minutes in steps that each look like one.
  public static let textBytesPerStep = 1_024

  /// Evaluation steps one explanation (or one decision's reasons for being undetermined) may
  /// take (10,000,000), on a budget of its own: explaining never spends the learner's
  /// budget, so it cannot change a result. Past it the explanation says what it left out.
  public static let defaultExplanationSteps = 10_000_000

  /// Search nodes one equivalence may spend choosing which awards count for what (100,000).
  ///
  /// Awards that could count for several modules make the choice a search; real transfer
  /// rules need a few dozen nodes. Past the limit the equivalence is `undetermined`.
  public static let defaultEquivalenceSearchNodes = 100_000

  /// Most ways one equivalence may have to use a learner's awards (4,096): an award per rule
  /// it matches. Far above any learner's record; it bounds the depth of the search, which
  /// goes one level deeper per way. Past it the equivalence is `undetermined`.
  public static let maximumEquivalenceOptions = 4_096
}

/// How one evaluation runs.
public struct EvaluationOptions: Sendable, Hashable {
  /// Build an explanation for every decision (results are identical either way).
  public var explain: Bool
  /// ``EvaluationLimits/defaultStepsPerLearner`` unless a test lowers it.
  public var stepsPerLearner: Int
  /// ``EvaluationLimits/defaultExplanationSteps`` unless a test lowers it.
  public var explanationSteps = EvaluationLimits.defaultExplanationSteps
  /// Search nodes per stack allocation.
  public var allocationSearchNodes: Int
  /// ``EvaluationLimits/defaultEquivalenceSearchNodes`` unless a test lowers it.
  public var equivalenceSearchNodes: Int
  /// A flag that stops the evaluation early (the REPL's Ctrl-C); nil in batches.
  public var cancellation: EvaluationCancellation? = nil
  /// Whether stack allocations are shared between learners whose pools have the same shape
  /// (``AllocationMemo``); off only to check that sharing changes nothing.
  public var memoisesAllocations: Bool

  public init(
    explain: Bool = false, stepsPerLearner: Int = EvaluationLimits.defaultStepsPerLearner,
    allocationSearchNodes: Int = AllocationLimits.defaultSearchNodes,
    equivalenceSearchNodes: Int = EvaluationLimits.defaultEquivalenceSearchNodes,
    memoisesAllocations: Bool = true
  ) {
    self.memoisesAllocations = memoisesAllocations
    self.explain = explain
    self.stepsPerLearner = stepsPerLearner
    self.allocationSearchNodes = allocationSearchNodes
    self.equivalenceSearchNodes = equivalenceSearchNodes
  }
}

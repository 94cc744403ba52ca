import CredenceSyntax
import CredenceValues

/// The kind of decision a result is about.
public enum DecisionKind: String, Sendable, Hashable {
  case stack
  case fund
  case equivalence
}

/// One decision for one learner (or, for a `per enrolment` fund, one enrolment): what the
/// CLI prints and the REPL shows.
public struct DecisionResult: Sendable, Hashable {
  /// The decision's name in the policy (`sfc_opening`).
  public var decision: String
  /// Its title (`"SkillsFuture Credit: opening credit"`).
  public var title: String
  public var kind: DecisionKind
  public var learner: String
  /// The enrolment a `per enrolment` fund decided.
  public var enrolment: String?
  public var status: DecisionStatus
  /// Fund: the money granted.
  public var amount: Money?
  /// Fund: the rate.
  public var rate: Percent?
  /// Stack: credits of the awards used. Equivalence: credits granted after caps.
  public var credits: ExactDecimal?
  /// Equivalence: module codes granted.
  public var granted: [String]
  /// Stack and equivalence: ids of the awards used.
  public var used: [String]
  /// Stack: what is missing.
  public var missing: [String]
  /// For `undetermined`: the facts that are unknown; for `error`: what went wrong and where.
  public var reasons: [String]
  /// Present when explanations were asked for.
  public var explanation: Explanation?
  /// Stack not achieved, when explanations were asked for over a catalogue: the cheapest
  /// completion after funding within two credentials (``StackCompletions``).
  public var completion: StackCompletion?

  public init(
    decision: String, title: String, kind: DecisionKind, learner: String,
    enrolment: String? = nil, status: DecisionStatus, amount: Money? = nil,
    rate: Percent? = nil, credits: ExactDecimal? = nil, granted: [String] = [],
    used: [String] = [], missing: [String] = [], reasons: [String] = [],
    explanation: Explanation? = nil
  ) {
    self.decision = decision
    self.title = title
    self.kind = kind
    self.learner = learner
    self.enrolment = enrolment
    self.status = status
    self.amount = amount
    self.rate = rate
    self.credits = credits
    self.granted = granted
    self.used = used
    self.missing = missing
    self.reasons = reasons
    self.explanation = explanation
  }

  /// The result without its explanation: what must be identical whether or not one was
  /// asked for.
  public var withoutExplanation: DecisionResult {
    var copy = self
    copy.explanation = nil
    copy.completion = nil
    return copy
  }
}

/// Every result for one learner, in decision order.
public struct LearnerResults: Sendable, Hashable {
  public var learner: String
  public var results: [DecisionResult]
  /// Whether the evaluation ran out of its steps (``EvaluationOptions/stepsPerLearner``):
  /// the decisions it could not finish are `error`s saying so. Read by callers that answer
  /// a request and must say that a limit, not the policy, ended it (the server's 422).
  public var reachedStepLimit: Bool

  public init(learner: String, results: [DecisionResult]) {
    self.init(learner: learner, results: results, reachedStepLimit: false)
  }

  public init(learner: String, results: [DecisionResult], reachedStepLimit: Bool) {
    self.learner = learner
    self.results = results
    self.reachedStepLimit = reachedStepLimit
  }

  /// Whether some result is an error. Reads each status in place: a closure over the
  /// results (`contains(where:)`) copied every result, a dozen retains and releases each.
  public var hasError: Bool {
    for index in results.indices where results[index].status == .error { return true }
    return false
  }
}

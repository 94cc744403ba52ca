import CredenceSyntax
import CredenceValues

/// What one decision concluded for the learner being evaluated: its status and the values
/// it reports, as run-time values other rules can read (`gc.credits`, `mces("E1").amount`).
///
/// Memoised per learner, shared by every rule that reads it. The `detail` keeps what an
/// explanation needs (the allocation, the values of the conditions), so explaining never
/// re-decides.
public final class DecisionOutcome: @unchecked Sendable, Hashable {
  public let status: DecisionStatus
  /// Fund: the money granted (0 when ineligible; unknown when undetermined).
  public let amount: Value
  /// Fund: the rate.
  public let rate: Value
  /// Stack: credits of the awards used. Equivalence: credits granted after caps.
  public let credits: Value
  /// Equivalence: module codes granted (`"elective"` for electives).
  public let granted: Value
  /// Stack and equivalence: the awards used (records of the learner).
  public let used: Value
  /// Stack: what is missing, in words.
  public let missing: Value
  /// Why the decision is an error.
  public let failure: EvaluationFailure?
  /// What explanations read.
  let detail: OutcomeDetail

  init(
    status: DecisionStatus, amount: Value = .unknown, rate: Value = .unknown,
    credits: Value = .unknown, granted: Value = .unknown, used: Value = .unknown,
    missing: Value = .unknown, failure: EvaluationFailure? = nil, detail: OutcomeDetail = .none
  ) {
    self.status = status
    self.amount = amount
    self.rate = rate
    self.credits = credits
    self.granted = granted
    self.used = used
    self.missing = missing
    self.failure = failure
    self.detail = detail
  }

  /// An outcome with only a status (not in effect, not a claim).
  static func bare(_ status: DecisionStatus) -> DecisionOutcome {
    DecisionOutcome(status: status)
  }

  public static func == (left: DecisionOutcome, right: DecisionOutcome) -> Bool {
    left === right
      || (left.status == right.status && left.amount == right.amount && left.rate == right.rate
        && left.credits == right.credits && left.granted == right.granted
        && left.used == right.used && left.missing == right.missing
        && left.failure == right.failure)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(status)
    hasher.combine(amount)
    hasher.combine(credits)
  }
}

/// Why a decision (or a whole learner) could not be decided: a computation that failed, a
/// record that breaks the contract, or a limit reached.
public struct EvaluationFailure: Error, Sendable, Hashable {
  /// One lowercase sentence, without learner data beyond ids.
  public var message: String
  /// Where in the policy the computation failed (nil for record errors).
  public var span: Span?

  public init(_ message: String, at span: Span?) {
    self.message = message
    self.span = span
  }
}

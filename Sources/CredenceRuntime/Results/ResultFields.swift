import CredenceRecords
import CredenceSyntax
import CredenceValues

/// One result's fields read in place: what ``DecisionResult`` holds, without building it.
///
/// A plain batch writes every result straight from these (``EvaluationSession/evaluate(_:each:)``):
/// building each learner's results as values, copying them and freeing them cost about a
/// tenth of a batch worker. ``DecisionResult`` is made from the same fields
/// (``DecisionResult/init(_:)``), so the two cannot say different things.
public struct ResultFields {
  /// Where the decision is in the session's ``EvaluationSession/decisions``.
  public let decisionIndex: Int
  /// The decision's name in the policy.
  public let decision: String
  public let title: String
  public let kind: DecisionKind
  public let learner: String
  /// The enrolment a `per enrolment` fund decided.
  public let enrolment: String?
  public let status: DecisionStatus
  public let amount: Money?
  public let rate: Percent?
  public let credits: ExactDecimal?
  /// Equivalence: module codes granted.
  public let granted: ResultTexts
  /// Stack and equivalence: ids of the awards used.
  public let used: ResultTexts
  /// Stack: what is missing.
  public let missing: ResultTexts
  /// For `undetermined`: the facts that are unknown; for `error`: what went wrong and where.
  public let reasons: [String]
}

/// A list of texts in a result, read where it is: the texts of a list value, the ids of the
/// awards a list value names, or texts already made.
public struct ResultTexts {
  @usableFromInline enum Source {
    case strings([String])
    /// The `.text` elements of a list value (others are skipped).
    case texts(Value)
    /// The ids of the `.award` records of a list value, in `awards` (others are skipped).
    case awardIDs(Value, [Award])
  }

  @usableFromInline let source: Source
  /// Whether there is no text (most lists of most results): stored, so that a writer skips
  /// an empty list without a call.
  public let isEmpty: Bool

  public init(_ strings: [String]) {
    source = .strings(strings)
    isEmpty = strings.isEmpty
  }

  init(texts value: Value) {
    source = .texts(value)
    isEmpty = Self.hasNo(value) { if case .text = $0 { true } else { false } }
  }

  init(awardIDsOf value: Value, in awards: [Award]) {
    source = .awardIDs(value, awards)
    isEmpty = Self.hasNo(value) { if case .record(.award) = $0 { true } else { false } }
  }

  /// Whether `value` is not a list, or a list without an element that `counts`.
  private static func hasNo(_ value: Value, _ counts: (Value) -> Bool) -> Bool {
    guard case .list(let list) = value else { return true }
    for index in list.elements.indices where counts(list.elements[index]) { return false }
    return true
  }

  /// Calls `body` with each text, in order. Inlinable, so that a writer's closure is inlined
  /// (called through a closure context, it cost more than the texts it wrote).
  @inlinable
  public func forEach(_ body: (String) -> Void) {
    switch source {
    case .strings(let strings):
      for index in strings.indices { body(strings[index]) }
    case .texts(let value):
      guard case .list(let list) = value else { return }
      for index in list.elements.indices {
        if case .text(let text) = list.elements[index] { body(text) }
      }
    case .awardIDs(let value, let awards):
      guard case .list(let list) = value else { return }
      for index in list.elements.indices {
        if case .record(.award(let award)) = list.elements[index] { body(awards[Int(award)].id) }
      }
    }
  }

  /// How many texts there are.
  public var count: Int {
    var count = 0
    forEach { _ in count += 1 }
    return count
  }

  /// The texts as an array.
  public var array: [String] {
    if case .strings(let strings) = source { return strings }
    var array: [String] = []
    forEach { array.append($0) }
    return array
  }
}

extension DecisionResult {
  /// The result these fields describe, without an explanation.
  public init(_ fields: ResultFields) {
    self.init(
      decision: fields.decision, title: fields.title, kind: fields.kind, learner: fields.learner,
      enrolment: fields.enrolment, status: fields.status, amount: fields.amount,
      rate: fields.rate, credits: fields.credits, granted: fields.granted.array,
      used: fields.used.array, missing: fields.missing.array, reasons: fields.reasons)
  }

  /// This result's fields, read in place (its explanation and completion are not among them).
  public func fields(decisionIndex: Int) -> ResultFields {
    ResultFields(
      decisionIndex: decisionIndex, decision: decision, title: title, kind: kind,
      learner: learner, enrolment: enrolment, status: status, amount: amount, rate: rate,
      credits: credits, granted: ResultTexts(granted), used: ResultTexts(used),
      missing: ResultTexts(missing), reasons: reasons)
  }
}

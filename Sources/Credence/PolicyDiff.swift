import CredenceRecords
import CredenceRuntime
import CredenceValues

/// How two sets of policies decide the same learners differently (`credence diff`): each
/// learner is decided by both in one pass over the records (``PolicyDiff/compare``, on every
/// core through ``LearnerBatchRun``), and the changes are tallied per decision. Only changed
/// learners are kept, and only until they are written, so memory does not grow with the
/// cohort: a tally per decision and a few examples.
public final class PolicyDiff {
  /// One decision (one enrolment of a per-enrolment fund) whose outcome changed.
  public struct Change: Sendable, Hashable {
    public var decision: String
    public var title: String
    public var enrolment: String?
    /// Nil when the decision is not in that set of policies.
    public var old: DecisionResult?
    public var new: DecisionResult?
    /// The rules (explanation lines, by their wording up to the first `: `) whose outcome
    /// differs between the two explanations.
    public var rules: [String]

    public var oldStatus: String { old?.status.rawValue ?? "absent" }
    public var newStatus: String { new?.status.rawValue ?? "absent" }
  }

  /// One learner's changes (empty when both sets decide the learner alike).
  public struct LearnerDiff: Sendable, Hashable {
    public var learner: String
    public var changes: [Change]
  }

  /// One decision over the cohort.
  public struct Tally: Sendable, Hashable {
    public var decision: String
    public var title: String
    /// Learners with at least one changed result of this decision.
    public var learners = 0
    /// Results changed, by `from → to` status (a per-enrolment fund counts enrolments).
    public var transitions: [String: Int] = [:]
    /// The change in amounts granted (new − old), per currency.
    public var amounts: [String: ExactDecimal] = [:]
    /// The change in credits (new − old).
    public var credits = ExactDecimal.zero
    /// How many changed results each rule's outcome changed in.
    public var rules: [String: Int] = [:]
    /// The first changed learners, with both explanations.
    public var examples: [Change] = []
    public var exampleLearners: [String] = []
  }

  /// Examples kept per decision.
  public static let examplesPerDecision = 2

  public private(set) var learners = 0
  public private(set) var changedLearners = 0
  /// Tallies in the order decisions first changed.
  public private(set) var tallies: [Tally] = []
  private var tallyIndex: [String: Int] = [:]

  public init() {}

  /// Adds one learner's answer to the tallies.
  public func record(_ diff: LearnerDiff) {
    learners += 1
    guard !diff.changes.isEmpty else { return }
    changedLearners += 1
    var counted: Set<String> = []
    for change in diff.changes {
      let index =
        tallyIndex[change.decision]
        ?? {
          tallies.append(Tally(decision: change.decision, title: change.title))
          tallyIndex[change.decision] = tallies.count - 1
          return tallies.count - 1
        }()
      if counted.insert(change.decision).inserted { tallies[index].learners += 1 }
      tallies[index].transitions["\(change.oldStatus) → \(change.newStatus)", default: 0] += 1
      let old = change.old?.amount
      let new = change.new?.amount
      if old != nil || new != nil {
        let currency = (new ?? old).map { $0.currency.description } ?? ""
        let delta =
          (try? (new?.amount ?? .zero) - (old?.amount ?? .zero)) ?? .zero
        tallies[index].amounts[currency] =
          (try? (tallies[index].amounts[currency] ?? .zero) + delta) ?? delta
      }
      let credits =
        (try? (change.new?.credits ?? .zero) - (change.old?.credits ?? .zero)) ?? .zero
      tallies[index].credits = (try? tallies[index].credits + credits) ?? tallies[index].credits
      for rule in change.rules { tallies[index].rules[rule, default: 0] += 1 }
      if tallies[index].exampleLearners.count < Self.examplesPerDecision,
        !tallies[index].exampleLearners.contains(diff.learner)
      {
        tallies[index].exampleLearners.append(diff.learner)
        tallies[index].examples.append(change)
      }
    }
  }

  // MARK: Comparing one learner

  /// What a worker thread compares with: the two sets' sessions without explanations (every
  /// learner) and with them (only learners whose results differ).
  public final class Comparer {
    let old: EvaluationSession
    let new: EvaluationSession
    let oldExplained: EvaluationSession
    let newExplained: EvaluationSession

    public init(old: Policies, new: Policies, asOf: CivilDate) {
      func session(_ policies: Policies, explain: Bool) -> EvaluationSession {
        EvaluationSession(
          program: policies.program, asOf: asOf, decisions: nil,
          options: EvaluationOptions(explain: explain))
      }
      self.old = session(old, explain: false)
      self.new = session(new, explain: false)
      oldExplained = session(old, explain: true)
      newExplained = session(new, explain: true)
    }

    /// The learner decided by both sets; the changed results, explained.
    public func compare(_ record: LearnerRecord) -> LearnerDiff {
      let before = old.evaluate(record).results
      let after = new.evaluate(record).results
      let changed = PolicyDiff.changedKeys(before, after)
      guard !changed.isEmpty else { return LearnerDiff(learner: record.id.text, changes: []) }
      // Explanations only for what changed: most learners pay for two plain decisions.
      let oldExplained = Dictionary(
        oldExplained.evaluate(record).results.map { (PolicyDiff.key($0), $0) },
        uniquingKeysWith: { first, _ in first })
      let newExplained = Dictionary(
        newExplained.evaluate(record).results.map { (PolicyDiff.key($0), $0) },
        uniquingKeysWith: { first, _ in first })
      let changes = changed.map { key -> Change in
        let old = oldExplained[key]
        let new = newExplained[key]
        let any = (new ?? old)!
        return Change(
          decision: any.decision, title: any.title, enrolment: any.enrolment, old: old,
          new: new, rules: PolicyDiff.changedRules(old?.explanation, new?.explanation))
      }
      return LearnerDiff(learner: record.id.text, changes: changes)
    }
  }

  /// A result's identity across the two sets: its decision and enrolment.
  static func key(_ result: DecisionResult) -> String {
    result.decision + "\u{0}" + (result.enrolment ?? "")
  }

  /// The keys whose outcome differs (status, amount, rate, credits, modules granted), in
  /// the old set's order then the new set's.
  static func changedKeys(_ before: [DecisionResult], _ after: [DecisionResult]) -> [String] {
    // Usually both versions report the same decisions in the same order: compare in place,
    // without building keys for every result.
    if before.count == after.count {
      var changed: [String] = []
      var aligned = true
      for index in before.indices {
        guard before[index].decision == after[index].decision,
          before[index].enrolment == after[index].enrolment
        else {
          aligned = false
          break
        }
        if !sameOutcome(before[index], after[index]) { changed.append(key(before[index])) }
      }
      if aligned { return changed }
    }
    var afterByKey: [String: DecisionResult] = [:]
    for result in after where afterByKey[key(result)] == nil { afterByKey[key(result)] = result }
    var seen: Set<String> = []
    var changed: [String] = []
    for result in before {
      let key = key(result)
      guard seen.insert(key).inserted else { continue }
      guard let other = afterByKey[key], sameOutcome(result, other) else {
        changed.append(key)
        continue
      }
    }
    for result in after where !seen.contains(key(result)) {
      seen.insert(key(result))
      changed.append(key(result))
    }
    return changed
  }

  static func sameOutcome(_ a: DecisionResult, _ b: DecisionResult) -> Bool {
    a.status == b.status && a.amount == b.amount && a.rate == b.rate && a.credits == b.credits
      && a.granted == b.granted
  }

  /// The rules whose outcome differs between two explanations: lines (below the decision's
  /// own) matched by their wording up to the first `: ` (the `because` text; what follows
  /// is the learner's values), whose mark differs or that one side lacks.
  static func changedRules(_ old: Explanation?, _ new: Explanation?) -> [String] {
    func marks(_ explanation: Explanation?) -> [(String, Explanation.Mark)] {
      var lines: [(String, Explanation.Mark)] = []
      func walk(_ node: Explanation) {
        if node.mark != .info {
          let text = node.text
          let rule = text.range(of: ": ").map { String(text[..<$0.lowerBound]) } ?? text
          lines.append((rule, node.mark))
        }
        node.children.forEach(walk)
      }
      explanation?.children.forEach(walk)
      return lines
    }
    let before = marks(old)
    let after = marks(new)
    var afterMarks: [String: Explanation.Mark] = [:]
    for (rule, mark) in after where afterMarks[rule] == nil { afterMarks[rule] = mark }
    var beforeMarks: [String: Explanation.Mark] = [:]
    for (rule, mark) in before where beforeMarks[rule] == nil { beforeMarks[rule] = mark }
    var rules: [String] = []
    for (rule, mark) in before where afterMarks[rule] != mark && !rules.contains(rule) {
      rules.append(rule)
    }
    for (rule, _) in after where beforeMarks[rule] == nil && !rules.contains(rule) {
      rules.append(rule)
    }
    return rules
  }
}

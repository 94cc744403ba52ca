import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceSuggestions
import CredenceSyntax
import CredenceValues

/// Evaluation as the CLI and REPL use it: a checked program compiled once, decisions picked
/// by name, what-if questions.
public enum Evaluation {
  /// The checked program of `result` compiled for evaluation, or nil when it has errors.
  public static func compile(_ result: CheckResult) -> CompiledProgram? {
    result.program.map { CompiledProgram($0, sources: result.sources) }
  }

  /// The decisions named, in the order given; the names not found come back separately.
  public static func decisions(named names: [String], in program: CompiledProgram)
    -> (found: [DecisionID], unknown: [String])
  {
    var found: [DecisionID] = []
    var unknown: [String] = []
    for name in names {
      if let decision = program.decision(named: name) {
        if !found.contains(decision) { found.append(decision) }
      } else {
        unknown.append(name)
      }
    }
    return (found, unknown)
  }

  /// Up to `limit` of `candidates` close enough to `word` to be likely typos (the one
  /// threshold of every suggestion), closest first, ties in the candidates' order: "did you
  /// mean" with several answers, as for an unknown credential code.
  public static func suggestions(
    for word: String, among candidates: some Sequence<String>, limit: Int
  ) -> [String] {
    let most = Suggestions.maximumDistance(forLength: word.count)
    var close: [(candidate: String, distance: Int, order: Int)] = []
    for (order, candidate) in candidates.enumerated() where candidate != word {
      let distance = Suggestions.editDistance(word, candidate)
      if distance <= most { close.append((candidate, distance, order)) }
    }
    close.sort { ($0.distance, $0.order) < ($1.distance, $1.order) }
    return close.prefix(max(0, limit)).map(\.candidate)
  }

  /// The closest decision name to `name`, for "did you mean".
  public static func suggestion(for name: String, in program: CompiledProgram) -> String? {
    Suggestions.closest(to: name, among: program.decisionNames)
  }
}

/// An award a what-if question adds: `--with-award CODE[:DATE[:GRADE]]`.
public struct HypotheticalAward: Sendable, Hashable {
  public var code: String
  /// The award date; the evaluation date when not given.
  public var date: CredenceValues.CivilDate?
  public var grade: String?

  public init(code: String, date: CredenceValues.CivilDate? = nil, grade: String? = nil) {
    self.code = code
    self.date = date
    self.grade = grade
  }

  /// Reads `CODE`, `CODE:DATE` or `CODE:DATE:GRADE` (an empty date means the evaluation
  /// date: `CODE::A-`); nil when the date is not a date, the code is empty, or there is a
  /// fourth part (`CODE:DATE:A:extra` is a mistake, not the grade `A:extra`).
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count <= 3, let code = parts.first, !code.isEmpty else { return nil }
    self.code = String(code)
    if parts.count > 1, !parts[1].isEmpty {
      guard let date = CredenceValues.CivilDate(parsing: parts[1]) else { return nil }
      self.date = date
    }
    if parts.count > 2, !parts[2].isEmpty { grade = String(parts[2]) }
  }
}

/// What-if questions: add hypothetical awards to a learner and see which decisions change.
public enum WhatIf {
  /// One decision that changes (or not) when the awards are added.
  public struct Change: Sendable, Hashable {
    public var decision: String
    public var enrolment: String?
    /// Nil when the decision (a claim) did not exist before.
    public var before: DecisionResult?
    public var after: DecisionResult?

    /// Whether anything a result reports differs.
    public var changed: Bool { before?.withoutExplanation != after?.withoutExplanation }
  }

  /// The learner with the awards added (ids `what-if-1`, …), their credentials from
  /// `credential` (an unknown code gets an entry with only its code).
  public static func adding(
    _ awards: [HypotheticalAward], to learner: Learner, on date: CredenceValues.CivilDate,
    credential: (String) throws -> Credential?
  ) rethrows -> Learner {
    var learner = learner
    for (index, award) in awards.enumerated() {
      let entry = try credential(award.code) ?? Credential(code: award.code)
      learner.awards.append(
        Award(
          id: "what-if-\(index + 1)", credential: entry, awardedOn: award.date ?? date,
          grade: award.grade, isHypothetical: true))
    }
    learner.sortRecords()
    return learner
  }

  /// Every decision before and after, matched by decision and enrolment, in result order.
  public static func changes(before: LearnerResults, after: LearnerResults) -> [Change] {
    var changes: [Change] = []
    var remaining = after.results
    for result in before.results {
      let index = remaining.firstIndex {
        $0.decision == result.decision && $0.enrolment == result.enrolment
      }
      let match = index.map { remaining.remove(at: $0) }
      changes.append(
        Change(decision: result.decision, enrolment: result.enrolment, before: result, after: match)
      )
    }
    for result in remaining {
      changes.append(
        Change(decision: result.decision, enrolment: result.enrolment, before: nil, after: result))
    }
    return changes
  }
}

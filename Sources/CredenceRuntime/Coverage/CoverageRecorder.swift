import CredenceSyntax
import CredenceValues

/// Records which rules of a program policy tests exercise, for `credence test --coverage`.
///
/// Coverage costs nothing unless asked for: a machine holds an optional recorder, and only
/// two places call it while deciding (a fund's conditions, a first-match table's chosen
/// row), each behind one nil check. Everything else (which decisions were decided, which
/// requirements were met, which equivalence rules granted credit, which caps were reached)
/// is read after each test from the outcomes the machine memoised, so batch evaluation never
/// sees it. One recorder serves one thread.
public final class CoverageRecorder {
  /// Truth values seen, by the span of the condition or requirement.
  var truths: [Span: TruthsSeen] = [:]
  /// Decisions decided (other than `not in effect`), by declaration span.
  var decided: Set<Span> = []
  /// Table rows chosen, equivalence rules that granted credit, caps that cut credits.
  var reached: Set<Span> = []

  public init() {}

  /// Which truth values something took.
  struct TruthsSeen: OptionSet {
    let rawValue: UInt8
    static let held = TruthsSeen(rawValue: 1)
    static let failed = TruthsSeen(rawValue: 2)
    static let unknown = TruthsSeen(rawValue: 4)
  }

  /// A fund condition or a requirement took `truth`.
  func observe(_ span: Span, _ truth: Truth) {
    let seen: TruthsSeen =
      switch truth {
      case .true: .held
      case .false: .failed
      case .unknown: .unknown
      }
    truths[span, default: []].insert(seen)
  }

  /// A table row was chosen.
  func chose(row span: Span) { reached.insert(span) }

  /// Reads what the machine decided for the test just run.
  func collect(from machine: Machine) {
    let program = machine.program
    func decision(_ outcome: DecisionOutcome?, _ span: Span) {
      guard let outcome, outcome.status != .notInEffect else { return }
      decided.insert(span)
    }
    for (index, fund) in program.funds.enumerated() {
      decision(machine.fundMemo[index], fund.span)
      for outcome in machine.claimMemo[index].values { decision(outcome, fund.span) }
    }
    for (index, stack) in program.stacks.enumerated() {
      guard let outcome = machine.stackMemo[index] else { continue }
      decision(outcome, stack.span)
      if case .stack(let detail) = outcome.detail {
        collect(stack.requirements, detail.allocation.root.children)
      }
    }
    for (index, equivalence) in program.equivalences.enumerated() {
      guard let outcome = machine.equivalenceMemo[index] else { continue }
      decision(outcome, equivalence.span)
      if case .equivalence(let detail) = outcome.detail { collect(equivalence, detail) }
    }
  }

  /// Each requirement's status under the allocation reported (the outcome tree mirrors the
  /// requirement tree).
  private func collect(_ requirements: [CompiledRequirement], _ outcomes: [RequirementOutcome]) {
    guard requirements.count == outcomes.count else { return }
    for (requirement, outcome) in zip(requirements, outcomes) {
      observe(requirement.span, outcome.status)
      if case .group(_, let children) = requirement.kind {
        collect(children, outcome.children)
      }
    }
  }

  /// The rules whose options were chosen, and the caps that cut the credits.
  private func collect(_ equivalence: CompiledEquivalence, _ detail: EquivalenceDetail) {
    for chosen in detail.chosen where detail.options.indices.contains(chosen) {
      let rule = detail.options[chosen].rule
      if equivalence.rules.indices.contains(rule) { reached.insert(equivalence.rules[rule].span) }
    }
    for cap in equivalence.caps {
      if let category = cap.category {
        if detail.categories.contains(where: { $0.category == category && $0.after < $0.before }) {
          reached.insert(cap.span)
        }
      } else if detail.total < detail.uncapped {
        reached.insert(cap.span)
      }
    }
  }
}

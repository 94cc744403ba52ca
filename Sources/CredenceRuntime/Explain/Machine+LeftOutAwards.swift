import CredenceSemantics
import CredenceValues

extension Machine {
  /// The awards the learner holds that a *not achieved* stack's pool left out although an
  /// unmet requirement could have used them, each with why (`award A-1 (C1): too old: …`),
  /// as an equivalence names the awards it did not count. A code list's unmet requirement
  /// wants the codes it still lacks; an unmet count (with or without `where`) could use any
  /// award, so then every award the pool left out for its own record (too old, too recent,
  /// grade too low, expired) is named too.
  func leftOutAwardLines(_ stack: CompiledStack, _ detail: StackDetail) -> [Explanation] {
    guard let pool = stack.pool else { return [] }
    var wanted: Set<String> = []
    var anyAward = false
    func collect(_ requirements: [CompiledRequirement], _ outcomes: [RequirementOutcome]) {
      for (requirement, outcome) in zip(requirements, outcomes) where outcome.counted {
        switch requirement.kind {
        case .group(_, let children): collect(children, outcome.children)
        case .codes:
          if outcome.status == .false { wanted.formUnion(outcome.shortfall?.candidates ?? []) }
        case .count:
          if outcome.status == .false { anyAward = true }
        case .nested, .condition: break
        }
      }
    }
    collect(stack.requirements, detail.allocation.root.children)
    guard anyAward || !wanted.isEmpty else { return [] }
    var leftOut: [(award: Int, reason: String)] = []
    for award in learner.awards.indices {
      let code = learner.awards[award].credential.code
      guard detail.codes.awards(of: code) == nil else { continue }
      let reason = poolReason(pool, award: award) ?? "not among the awards the stack may use"
      // A code the stack lacks is named whatever kept it out; for a count, only an award
      // kept out for its own record (its date, grade or expiry), not for being another
      // programme's credential.
      if wanted.contains(code) || (anyAward && Self.isAboutTheAward(reason)) {
        leftOut.append((award, reason))
      }
    }
    var lines = leftOut.prefix(Self.maximumElementsShown).map { award, reason in
      Explanation(.failed, "\(describeAward(award)): \(reason)")
    }
    if leftOut.count > Self.maximumElementsShown {
      let more = leftOut.count - Self.maximumElementsShown
      lines.append(Explanation(.info, "and \(more) more award\(more == 1 ? "" : "s") left out"))
    }
    return lines
  }

  /// Whether a pool reason (``poolReason(_:award:)``) is about the award's own record: the
  /// words ``failedFilterText`` gives a failed date, grade or expiry condition.
  static func isAboutTheAward(_ reason: String) -> Bool {
    ["too old", "too recent", "expired", "grade too low"].contains { reason.hasPrefix($0) }
  }

  /// Said when the node limit cut the search for the closest assignment short: the
  /// requirements shown unmet are those of the best assignment found, not proven the closest.
  static let closestNotProvenText =
    "not proven the closest assignment: the search stopped at its limit, and another "
    + "assignment may leave fewer requirements unmet"
}

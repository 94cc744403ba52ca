import CredenceRecords
import CredenceTestSupport
import CredenceValues

@testable import CredenceRuntime

private let sgd = CurrencyCode(parsing: "SGD")!

/// One generated case for the pathway property test: a policy, a catalogue and a learner.
struct PathwayCase {
  var policy: String
  var catalogue: [Credential]
  var learner: Learner
  var asOf: CivilDate
  /// The credit goal when the target is an equivalence; nil for a stack.
  var goal: ExactDecimal?
  /// What the case exercises (for the test's coverage check).
  var features: Set<PathwayCaseFeature>
}

/// What a generated case exercises.
enum PathwayCaseFeature: String, CaseIterable {
  /// The target is an equivalence with a credit goal.
  case equivalence
  /// A pool whose condition reads other awards of the learner (not static).
  case learnerDependentPool
  /// A pool that excludes what another decision uses (`id not in side.used.id`), that
  /// decision reading awards of its own pool.
  case poolExcludingAnotherDecision
  /// A requirement that reads awards outside the pool (a condition on a decision, or on
  /// `learner.awards` directly).
  case conditionOutsidePool
}

/// Generates cases: catalogues of 3 to 12 credentials; targets that are stacks (k-of-S
/// lists, credit totals, `where` counts, a nested stack, blocks, conditions) or
/// equivalences (code, all-of and each rules, caps) with a credit goal; pools static or
/// not; two per-enrolment funds (one drawing on a balance).
struct PathwayCaseGenerator {
  var random: SplitMix64

  mutating func pick(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(random.next() % UInt64(range.count))
  }

  mutating func make() -> PathwayCase {
    var features: Set<PathwayCaseFeature> = []
    let size = pick(3...12)
    let codes = (1...size).map { "C" + ($0 < 10 ? "0" : "") + String($0) }
    var catalogue: [Credential] = []
    for code in codes {
      var tags: [String] = []
      if pick(0...2) == 0 { tags.append("a") }
      if pick(0...1) == 0 { tags.append("b") }
      let fee = pick(0...7) == 0 ? nil : Money(ExactDecimal(pick(1...8) * 100), sgd)
      catalogue.append(
        Credential(
          code: code, title: "Course \(code)", credits: ExactDecimal(pick(1...4)),
          level: ExactDecimal(pick(1...3)),
          hours: pick(0...6) == 0 ? nil : ExactDecimal(pick(1...5) * 10),
          fee: fee, tags: tags))
    }
    let pool: String
    switch pick(0...4) {
    case 0: pool = ""
    case 1: pool = "  using learner.awards where awarded_on > as_of - 5 years\n"
    case 2:
      pool = "  using learner.awards where \"a\" in credential.tags or \"b\" in credential.tags\n"
    case 3:
      // On a blank learner only "a" enters; with two awards already held, every award does.
      pool = "  using learner.awards where \"a\" in credential.tags or count(learner.awards) >= 3\n"
      features.insert(.learnerDependentPool)
    default:
      pool = "  using learner.awards where \"b\" in credential.tags and id not in side.used.id\n"
      features.insert(.poolExcludingAnotherDecision)
    }
    let target: String
    var goal: ExactDecimal?
    if pick(0...2) == 0 {
      features.insert(.equivalence)
      goal = ExactDecimal(pick(2...8))
      target = "equivalence target \"Target\"\n" + pool + equivalenceRules(codes)
    } else {
      target = "stack target \"Target\"\n" + pool + requirements(codes, &features)
    }
    let policy = """
      policy "generated"
        effective 2000-01-01

      stack inner "Inner"
        using learner.awards where "a" in credential.tags
        require at least \(pick(1...2)) credentials

      equivalence side "Side"
        using learner.awards where "a" in credential.tags and credential.level >= 2
        each where credential.credits >= 1 counts as elective for credential.credits credits
        cap 6 credits

      \(target)
      fund subsidy "Subsidy" per enrolment e
        where "b" in e.credential.tags
        rate 50%
        amount round(rate * e.fee, 2)

      fund wallet "Wallet" per enrolment e
        amount min(e.fee, max(0 SGD, balance("wallet")))

      """
    let asOf = CivilDate(parsing: "2026-07-01") ?? .min
    var awards: [Award] = []
    for (number, credential) in catalogue.enumerated() where pick(0...9) == 0 {
      let years = pick(0...1) == 0 ? 1 : 8
      awards.append(
        Award(
          id: "held-\(number)", credential: credential,
          awardedOn: CivilDate(parsing: "\(2026 - years)-03-01")))
    }
    let ledger = [
      LedgerEntry(
        id: 1, scheme: "wallet", amount: Money(ExactDecimal(pick(0...6) * 100), sgd),
        postedOn: CivilDate(parsing: "2020-01-01"))
    ]
    return PathwayCase(
      policy: policy, catalogue: catalogue,
      learner: Learner(id: "L1", awards: awards, ledger: ledger), asOf: asOf, goal: goal,
      features: features)
  }

  private mutating func list(_ codes: [String]) -> String {
    var chosen = codes.filter { _ in pick(0...2) == 0 }
    if chosen.count < 2 { chosen = Array(codes.prefix(2)) }
    if pick(0...9) == 0 { chosen.append("X99") }  // listed, not in the catalogue
    return "[" + chosen.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
  }

  private mutating func leaf(_ codes: [String]) -> String {
    switch pick(0...4) {
    case 0: return "at least \(pick(1...2)) of \(list(codes))"
    case 1: return "at least \(pick(2...8)) credits"
    case 2: return "at least \(pick(1...2)) credentials where \"b\" in credential.tags"
    case 3: return "at least \(pick(2...5)) credits where credential.level >= 2"
    default: return "inner"
    }
  }

  private mutating func requirements(
    _ codes: [String], _ features: inout Set<PathwayCaseFeature>
  ) -> String {
    var requirements: [String] = []
    for _ in 0..<pick(1...3) {
      switch pick(0...6) {
      case 0:
        let quantifier = ["any of", "all of", "at least 1 of"][pick(0...2)]
        var block = "  require \(quantifier)\n"
        for _ in 0..<2 {
          // Inside a block a count claims from the pool, so totals are written with `where`.
          var item = leaf(codes)
          if item.hasSuffix("credits") { item += " where credential.credits >= 1" }
          block += "    \(item)\n"
        }
        requirements.append(block)
      case 1:
        // Reads awards outside the pool: through another decision, or directly.
        features.insert(.conditionOutsidePool)
        if pick(0...1) == 0 {
          requirements.append("  require side.credits >= \(pick(2...5))\n")
        } else {
          requirements.append(
            "  require count(learner.awards where credential.level >= 3) >= \(pick(1...2))\n")
        }
      default:
        requirements.append("  require \(leaf(codes))\n")
      }
    }
    return requirements.joined()
  }

  private mutating func equivalenceRules(_ codes: [String]) -> String {
    var rules: [String] = []
    var categorised = false
    for _ in 0..<pick(1...3) {
      let category = pick(0...1) == 0 ? " in \"e\"" : ""
      if !category.isEmpty { categorised = true }
      switch pick(0...2) {
      case 0:
        rules.append(
          "  \"\(codes[pick(0...(codes.count - 1))])\" counts as \"M\(pick(1...3))\"\(category) "
            + "for \(pick(2...4)) credits\n")
      case 1:
        rules.append(
          "  all of \(list(codes)) counts as \"M4\"\(category) for \(pick(3...6)) credits\n")
      default:
        let condition = ["\"b\" in credential.tags", "credential.level >= 2", "true"][pick(0...2)]
        rules.append(
          "  each where \(condition) counts as elective\(category) for credential.credits "
            + "credits\n")
      }
    }
    if categorised && pick(0...1) == 0 { rules.append("  cap \(pick(2...6)) credits in \"e\"\n") }
    if pick(0...2) == 0 { rules.append("  cap \(pick(4...9)) credits\n") }
    return rules.joined()
  }
}

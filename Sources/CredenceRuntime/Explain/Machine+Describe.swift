import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// Most list elements an explanation shows; the rest are counted.
  static let maximumElementsShown = 10

  /// A value as a learner or registrar reads it: `500 SGD`, `90%`, `2026-07-01`, `"SG"`,
  /// `award A-1 (IS5003)`; a number that does not terminate is cut short (`4.333…`,
  /// ``ExactDecimal/readable``).
  func describe(_ value: Value) -> String {
    switch value {
    case .unknown: return "unknown"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return x.readable
    case .percent(let x): return x.readable + "%"
    case .money(let m): return Self.describe(m)
    case .text(let t): return "\"\(t)\""
    case .date(let d): return d.description
    case .duration(let d): return d.duration.description
    case .grade(let g): return g.mark
    case .list(let list):
      var shown = list.elements.prefix(Self.maximumElementsShown).enumerated().map {
        index, element in
        describe(element) + (list.isUncertain(index) ? " (perhaps)" : "")
      }
      if list.count > Self.maximumElementsShown {
        shown.append("and \(list.count - Self.maximumElementsShown) more")
      }
      return "[" + shown.joined(separator: ", ") + "]"
    case .record(let record): return describe(record)
    case .decision(let outcome): return outcome.status.rawValue
    }
  }

  /// Money as written in policies; a zero without currency is just `0`.
  static func describe(_ money: Money) -> String {
    MoneyArithmetic.isBareZero(money) ? "0" : money.readable
  }

  func describe(_ record: RecordRef) -> String {
    switch record {
    case .learner: return "the learner"
    case .award(let index): return describeAward(Int(index))
    case .awardCredential(let index):
      return "credential \(learner.awards[Int(index)].credential.code)"
    case .enrolment(let index):
      let enrolment = learner.enrolments[Int(index)]
      if Int(index) == plannedEnrolment {
        return "the planned enrolment in \(enrolment.credential.code)"
      }
      return "enrolment \(enrolment.id) (\(enrolment.credential.code))"
    case .enrolmentCredential(let index):
      return "credential \(learner.enrolments[Int(index)].credential.code)"
    case .ledger(let index):
      let row = learner.ledger[Int(index)]
      return "ledger row \(row.id.map(String.init) ?? "?")"
    }
  }

  /// `award A-1 (IS5003)`; an award a path plans is `the planned IS5003 award` (its id is
  /// the planner's, never shown).
  func describeAward(_ index: Int) -> String {
    let award = learner.awards[index]
    if Self.isPlanned(award) { return "the planned \(award.credential.code) award" }
    let what = award.isHypothetical ? "hypothetical award" : "award"
    return "\(what) \(award.id) (\(award.credential.code))"
  }

  /// Whether a pathway planner added `award` (``PathwayPlanner/awardID(_:)``): only the
  /// planner and what-if questions (`what-if-1`, …) add hypothetical awards.
  static func isPlanned(_ award: Award) -> Bool {
    award.isHypothetical && award.id.hasPrefix(PathwayPlanner.plannedAwardPrefix)
  }

  /// `IS5003 (award A-1, 2024-12-10, grade A-)`: an award as a stack or equivalence uses it.
  func describeUse(_ index: Int) -> String {
    let award = learner.awards[index]
    var parts = [
      Self.isPlanned(award)
        ? "planned" : "\(award.isHypothetical ? "hypothetical award" : "award") \(award.id)"
    ]
    if let date = award.awardedOn { parts.append(date.description) }
    if let grade = award.grade { parts.append("grade \(grade)") }
    return "\(award.credential.code) (\(parts.joined(separator: ", ")))"
  }

  /// A field name as words: `birth_date` → `birth date`.
  static func words(_ name: String) -> String {
    // Most names are one word: nothing to replace, so no new string.
    guard name.utf8.contains(UInt8(ascii: "_")) else { return name }
    return String(
      decoding: name.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
  }

  /// The policy text of an expression, on one line (or a short description without sources).
  func source(_ expr: CompiledExpr) -> String {
    program.text(of: expr.expr.span) ?? "a condition"
  }
}

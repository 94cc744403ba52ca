import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// A compiled `equivalence`: a class, so that deciding one per learner takes one reference,
/// not a copy of every field.
final class CompiledEquivalence: Sendable {
  struct Rule: Sendable {
    enum Source: Sendable {
      case code(String)
      case allOf(CompiledExpr)
      case each(slot: Int, condition: CompiledExpr)
    }

    var source: Source
    /// The module code; nil for `elective`.
    var target: String?
    var category: String?
    var credits: CompiledExpr
    var span: Span
  }

  struct Cap: Sendable {
    var limit: CompiledExpr
    var category: String?
    var span: Span
  }

  let name: String
  let title: String
  let policy: Int
  let pool: CompiledExpr?
  let rules: [Rule]
  let codeRows: EquivalenceCodeRows
  let caps: [Cap]
  let localCount: Int
  let span: Span

  init(
    name: String, title: String, policy: Int, pool: CompiledExpr?, rules: [Rule],
    codeRows: EquivalenceCodeRows, caps: [Cap], localCount: Int, span: Span
  ) {
    self.name = name
    self.title = title
    self.policy = policy
    self.pool = pool
    self.rules = rules
    self.codeRows = codeRows
    self.caps = caps
    self.localCount = localCount
    self.span = span
  }
}

extension Compiler {
  func compileEquivalence(_ equivalence: CheckedEquivalence) -> CompiledEquivalence {
    CompiledEquivalence(
      name: equivalence.name, title: equivalence.title, policy: equivalence.policy.index,
      pool: equivalence.pool.map(compile),
      rules: equivalence.rules.map { rule in
        let source: CompiledEquivalence.Rule.Source =
          switch rule.source {
          case .code(let code): .code(code)
          case .allOf(let list): .allOf(compile(list))
          case .each(let element, let condition):
            .each(slot: element.index, condition: compile(condition))
          }
        let target: String? =
          switch rule.target {
          case .module(let code): code
          case .elective: nil
          }
        return CompiledEquivalence.Rule(
          source: source, target: target, category: rule.category,
          credits: compile(rule.credits), span: rule.span)
      },
      codeRows: EquivalenceCodeRows(
        codes: equivalence.rules.map {
          if case .code(let code) = $0.source { code } else { nil }
        }),
      caps: equivalence.caps.map {
        .init(limit: compile($0.limit), category: $0.category, span: $0.span)
      },
      localCount: equivalence.localCount, span: equivalence.span)
  }
}

/// One way a rule could use awards: the awards, what they count as, and for how much.
struct EquivalenceOption: Sendable, Hashable {
  var rule: Int
  var awards: [Int]
  /// The awards' credentials, each as the first pool award of its code: what two options
  /// cannot share. A course taken twice is one credential, so its two awards never earn
  /// credits twice (docs/decisions.md, "A course taken twice is one credential").
  var credentials: [Int]
  /// The module code; nil for an elective.
  var target: String?
  var category: String?
  /// Nil when unknown.
  var credits: ExactDecimal?
  /// Whether the option depends on something unknown (an award only possibly in the pool,
  /// a condition or credits that are unknown).
  var uncertain: Bool
}

/// What an explanation of an equivalence needs.
struct EquivalenceDetail: Sendable {
  var options: [EquivalenceOption]
  /// Indices into ``options`` of the options chosen.
  var chosen: [Int]
  /// Pool awards (in pool order) and whether each is only possibly in the pool.
  var pool: [(award: Int, uncertain: Bool)]
  /// Credits before and after each category cap, by category.
  var categories: [(category: String, before: ExactDecimal, after: ExactDecimal, cap: ExactDecimal)]
  /// Total before and after the overall cap.
  var uncapped: ExactDecimal
  var total: ExactDecimal
  var totalCap: ExactDecimal?
  /// Why the equivalence is undetermined, when it is.
  var undetermined: UndeterminedReason?
}

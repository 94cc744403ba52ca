import CredenceSemantics
import CredenceSyntax

/// Which rules of a program the tests exercised, rule by rule.
///
/// What "exercised" means for each kind (docs/decisions.md, "Test coverage"):
/// - a decision (stack, fund, equivalence): some test decided it (not `not in effect`);
/// - a fund's `eligible when` condition: some test saw it hold and some test saw it fail
///   (false or unknown), so a test shows it matters;
/// - a stack's requirement (at any depth): some test met it and some test did not;
/// - a `first match` row: some test chose it;
/// - an equivalence rule: some test was granted credit by it;
/// - a `cap`: some test had credits cut by it.
public struct PolicyCoverage: Sendable {
  /// One rule and what no test did to it.
  public struct Item: Sendable, Hashable {
    public enum Kind: String, Sendable {
      case decision
      case condition
      case requirement
      case tableRow = "table row"
      case rule
      case cap
    }

    public var kind: Kind
    public var span: Span
    /// The declaration the rule belongs to: `fund sfc_opening`, `let ssg_rate`.
    public var owner: String
    /// The rule in words: its `because` or a decision's title in quotes, or its text on one
    /// line in backquotes.
    public var text: String
    /// What no test did ("no test where it fails"); nil when the rule was exercised.
    public var gap: String?

    public var exercised: Bool { gap == nil }
  }

  /// Every rule of the program, in source order.
  public var items: [Item]

  public var unexercised: [Item] { items.filter { !$0.exercised } }

  /// `coverage: 240 of 252 rules exercised`.
  public var summary: String {
    "coverage: \(items.count - unexercised.count) of \(items.count) rules exercised"
  }
}

extension CoverageRecorder {
  /// Every rule of `program` with what the tests recorded here did to it.
  public func report(for program: CompiledProgram) -> PolicyCoverage {
    var items: [PolicyCoverage.Item] = []
    func text(_ span: Span, _ because: String?) -> String {
      if let because { return "\"\(because)\"" }
      return "`" + (program.text(of: span) ?? "a rule") + "`"
    }
    func add(
      _ kind: PolicyCoverage.Item.Kind, _ span: Span, _ owner: String, _ text: String,
      _ gap: String?
    ) {
      items.append(.init(kind: kind, span: span, owner: owner, text: text, gap: gap))
    }
    func bothWays(_ span: Span, _ holds: String, _ fails: String) -> String? {
      let seen = truths[span] ?? []
      if seen.isEmpty { return "no test reaches it" }
      if !seen.contains(.held) { return "no test where it \(holds)" }
      if seen.isDisjoint(with: [.failed, .unknown]) { return "no test where it \(fails)" }
      return nil
    }
    func decision(_ span: Span, _ owner: String, _ title: String) {
      add(
        .decision, span, owner, "\"\(title)\"", decided.contains(span) ? nil : "no test decides it")
    }
    func tables(in expr: CompiledExpr?, _ owner: String) {
      guard let expr else { return }
      if case .firstMatch(let table) = expr.expr.node {
        for row in table.rows {
          add(
            .tableRow, row.span, owner, text(row.span, nil),
            reached.contains(row.span) ? nil : "no test chooses it")
        }
      }
      for child in expr.children { tables(in: child, owner) }
    }
    func requirements(_ list: [CompiledRequirement], _ owner: String) {
      for requirement in list {
        add(
          .requirement, requirement.span, owner, text(requirement.span, requirement.because),
          bothWays(requirement.span, "is met", "is not met"))
        switch requirement.kind {
        case .group(let quantifier, let children):
          if case .atLeast(let count) = quantifier { tables(in: count, owner) }
          requirements(children, owner)
        case .codes(_, let codes): tables(in: codes, owner)
        case .count(let minimum, _, let filter):
          tables(in: minimum, owner)
          tables(in: filter?.condition, owner)
        case .condition(let condition): tables(in: condition, owner)
        case .nested: break
        }
      }
    }

    for definition in program.lets { tables(in: definition.body, "let \(definition.name)") }
    for param in program.params {
      for value in param.values { tables(in: value.value, "param \(param.name)") }
    }
    for fund in program.funds {
      let owner = "fund \(fund.name)"
      decision(fund.span, owner, fund.title)
      tables(in: fund.perEnrolment?.filter, owner)
      for condition in fund.conditions {
        let span = condition.expression.expr.span
        add(
          .condition, span, owner, text(span, condition.because),
          bothWays(span, "holds", "fails"))
        tables(in: condition.expression, owner)
      }
      tables(in: fund.rate, owner)
      tables(in: fund.amount, owner)
    }
    for stack in program.stacks {
      let owner = "stack \(stack.name)"
      decision(stack.span, owner, stack.title)
      tables(in: stack.pool, owner)
      requirements(stack.requirements, owner)
    }
    for equivalence in program.equivalences {
      let owner = "equivalence \(equivalence.name)"
      decision(equivalence.span, owner, equivalence.title)
      tables(in: equivalence.pool, owner)
      for rule in equivalence.rules {
        add(
          .rule, rule.span, owner, text(rule.span, nil),
          reached.contains(rule.span) ? nil : "no test is granted credit by it")
        tables(in: rule.credits, owner)
        switch rule.source {
        case .allOf(let list): tables(in: list, owner)
        case .each(_, let condition): tables(in: condition, owner)
        case .code: break
        }
      }
      for cap in equivalence.caps {
        add(
          .cap, cap.span, owner, text(cap.span, nil),
          reached.contains(cap.span) ? nil : "no test reaches it")
        tables(in: cap.limit, owner)
      }
    }
    items.sort { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }
    return PolicyCoverage(items: items)
  }
}

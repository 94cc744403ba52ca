import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// A Markdown reference of a checked program, for people who read policies rather than write
/// them: per policy file its header, then its decisions, params, facts and definitions, each
/// with the author's `##` documentation and, where the policy says it, the `because` texts.
///
/// Expressions are quoted from the source as written, so the reference never shows anything
/// the author did not write.
public struct PolicyReference {
  public let program: CheckedProgram
  public let sources: SourceSet

  /// The reference of loaded policies.
  public init(_ policies: Policies) {
    self.init(program: policies.program.checked, sources: policies.checked.sources)
  }

  public init(program: CheckedProgram, sources: SourceSet) {
    self.program = program
    self.sources = sources
  }

  /// The whole reference, policies in file order.
  public func markdown() -> String {
    var out = "# Policy reference\n"
    for (index, policy) in program.policies.enumerated() {
      out += "\n" + section(for: PolicyID(index), policy)
    }
    return out
  }

  private func section(for id: PolicyID, _ policy: CheckedPolicy) -> String {
    var out = "## \(policy.title)\n\n"
    var facts: [String] = []
    if let path = sources[policy.file]?.path { facts.append("File: `\(path)`") }
    if let authority = policy.authority { facts.append("Authority: \(authority)") }
    if let version = policy.version { facts.append("Version: \(version)") }
    facts.append("In force: " + inForce(policy))
    if let source = policy.source { facts.append("Source: <\(source)>") }
    out += facts.map { "- \($0)\n" }.joined()
    let decisions = program.decisions.filter { policyID(of: $0) == id }
    if !decisions.isEmpty {
      out += "\n### Decisions\n"
      for decision in decisions { out += "\n" + describe(decision) }
    }
    let params = program.params.filter { $0.policy == id }
    if !params.isEmpty {
      out += "\n### Parameters\n\n"
      for param in params {
        out += "- `\(param.name)`: \(program.describe(param.type))"
        if param.values.count == 1, let only = param.values.first, only.from == nil {
          out += " = `\(quote(only.value.span))`" + prose(param.documentation) + "\n"
          continue
        }
        out += prose(param.documentation)
        for value in param.values {
          let from = value.from.map { " from \($0)" } ?? ""
          out += "\n  - `\(quote(value.value.span))`\(from)"
        }
        out += "\n"
      }
    }
    let recorded = program.facts.filter { $0.policy == id }
    if !recorded.isEmpty {
      out += "\n### Facts read from the learner's records\n\n"
      for fact in recorded {
        out += "- `\(fact.name)`: \(program.describe(fact.type))" + prose(fact.documentation) + "\n"
      }
    }
    let lets = program.lets.filter { $0.policy == id && !$0.documentation.isEmpty }
    if !lets.isEmpty {
      out += "\n### Definitions\n\n"
      for definition in lets {
        let parameters =
          definition.parameters.map { list in
            "(" + list.map { "\($0.name): \(program.describe($0.type))" }.joined(separator: ", ")
              + ")"
          } ?? ""
        out += "- `\(definition.name)\(parameters)`" + prose(definition.documentation) + "\n"
      }
    }
    return out
  }

  /// "2016-01-01 onwards", "2020-07-01 to 2025-12-31", "always".
  private func inForce(_ policy: CheckedPolicy) -> String {
    switch (policy.effective, policy.until) {
    case (let from?, let until?): "\(from) to \(until)"
    case (let from?, nil): "from \(from)"
    case (nil, let until?): "until \(until)"
    case (nil, nil): "always"
    }
  }

  private func describe(_ decision: DecisionID) -> String {
    switch decision {
    case .fund(let id):
      let fund = program[id]
      let per = fund.perEnrolment == nil ? "one decision per learner" : "one decision per enrolment"
      var out = heading(fund.name, fund.title, "fund, \(per)", fund.documentation)
      if let filter = fund.perEnrolment?.filter {
        out += "- Enrolments claimed: `\(quote(filter.span))`\n"
      }
      if !fund.eligibility.isEmpty {
        out += "- Eligible when all of:\n"
        for condition in fund.eligibility {
          out += "  - " + reason(condition.because, condition.expression.span) + "\n"
        }
      }
      if let rate = fund.rate { out += "- Rate: `\(quote(rate.span))`\n" }
      if let amount = fund.amount { out += "- Amount: `\(quote(amount.span))`\n" }
      return out
    case .stack(let id):
      let stack = program[id]
      var out = heading(stack.name, stack.title, "stack", stack.documentation)
      if let pool = stack.pool { out += "- Awards considered: `\(quote(pool.span))`\n" }
      out += "- Requires all of:\n"
      for requirement in stack.requirements { out += describe(requirement, indent: "  ") }
      return out
    case .equivalence(let id):
      let equivalence = program[id]
      var out = heading(
        equivalence.name, equivalence.title, "equivalence", equivalence.documentation)
      if let pool = equivalence.pool { out += "- Awards considered: `\(quote(pool.span))`\n" }
      out += "- Rules, each award used once and each module granted once:\n"
      for rule in equivalence.rules { out += "  - `\(quote(rule.span))`\n" }
      for cap in equivalence.caps { out += "- Cap: `\(quote(cap.span))`\n" }
      return out
    }
  }

  /// A requirement as a bullet; a group's items as bullets under it.
  private func describe(_ requirement: CheckedRequirement, indent: String) -> String {
    guard case .group(let quantifier, let items) = requirement.kind else {
      return indent + "- " + reason(requirement.because, requirement.span) + "\n"
    }
    let rule =
      switch quantifier {
      case .all: "all of:"
      case .any: "any of:"
      case .atLeast(let count): "at least \(quote(count.span)) of:"
      }
    var out = indent + "- " + (requirement.because.map { "\($0): \(rule)" } ?? rule) + "\n"
    for item in items { out += describe(item, indent: indent + "  ") }
    return out
  }

  private func heading(_ name: String, _ title: String, _ kind: String, _ docs: [String])
    -> String
  {
    "#### \(title)\n\n`\(name)`, \(kind.first == "e" ? "an" : "a") \(kind).\(docs.isEmpty ? "" : " " + docs.joined(separator: " "))\n\n"
  }

  /// The author's `because` text and the condition as written (without its `because`).
  private func reason(_ because: String?, _ span: Span) -> String {
    guard let because else { return "`\(quote(span))`" }
    let code = quote(span).replacingOccurrences(of: " because \"\(because)\"", with: "")
    return "\(because) (`\(code)`)"
  }

  /// The documentation after a name: ". text", or nothing.
  private func prose(_ documentation: [String]) -> String {
    documentation.isEmpty ? "" : ". " + documentation.joined(separator: " ")
  }

  /// The source text of `span` on one line: comments dropped, runs of spaces and line breaks
  /// made one space.
  private func quote(_ span: Span) -> String {
    let text = sources[span.file]?.text(of: span) ?? ""
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Self.code)
    return lines.joined(separator: " ").split(whereSeparator: \.isWhitespace)
      .joined(separator: " ").replacingOccurrences(of: "`", with: "'")
  }

  /// A line without its comment (a `#` outside a string starts one).
  private static func code(_ line: Substring) -> Substring {
    var inString = false
    var escaped = false
    for index in line.indices {
      let character = line[index]
      if escaped {
        escaped = false
      } else if inString && character == "\\" {
        escaped = true
      } else if character == "\"" {
        inString.toggle()
      } else if character == "#" && !inString {
        return line[..<index]
      }
    }
    return line
  }

  private func policyID(of decision: DecisionID) -> PolicyID {
    switch decision {
    case .fund(let id): program[id].policy
    case .stack(let id): program[id].policy
    case .equivalence(let id): program[id].policy
    }
  }
}

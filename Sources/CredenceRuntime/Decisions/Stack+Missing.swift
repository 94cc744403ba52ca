import CredenceSemantics
import CredenceSyntax
import CredenceValues

extension Machine {
  /// What a stack that is not achieved still needs, one text per unmet requirement of the
  /// closest allocation ("1 more credential from IS5005, IS5128", "4 more credits").
  func missingTexts(
    _ requirements: [CompiledRequirement], _ outcomes: [RequirementOutcome],
    _ detail: StackDetail
  ) -> [String] {
    var texts: [String] = []
    appendMissingTexts(requirements, outcomes, detail, to: &texts)
    return texts
  }

  /// Appends the texts of ``missingTexts(_:_:_:)`` to `texts` (one array for the whole tree).
  private func appendMissingTexts(
    _ requirements: [CompiledRequirement], _ outcomes: [RequirementOutcome],
    _ detail: StackDetail, to texts: inout [String]
  ) {
    for (requirement, outcome) in zip(requirements, outcomes)
    where outcome.status == .false && outcome.counted {
      appendMissingText(requirement, outcome, detail, to: &texts)
    }
  }

  private func appendMissingText(
    _ requirement: CompiledRequirement, _ outcome: RequirementOutcome, _ detail: StackDetail,
    to texts: inout [String]
  ) {
    switch requirement.kind {
    case .group(_, let children):
      let before = texts.count
      if !outcome.children.isEmpty {
        appendMissingTexts(children, outcome.children, detail, to: &texts)
      }
      if texts.count == before { texts.append(label(of: requirement)) }
    case .codes:
      guard let shortfall = outcome.shortfall else {
        texts.append(label(of: requirement))
        return
      }
      texts.append(Self.shortfallText(shortfall))
    case .count(_, _, let filter):
      guard let shortfall = outcome.shortfall else {
        texts.append(label(of: requirement))
        return
      }
      let text = Self.shortfallText(shortfall)
      // "4 more credentials" of a filtered count says nothing about which: name the
      // requirement ("4 more credentials for the 4 core courses"). A total needs no name.
      texts.append(filter == nil ? text : text + " " + countedKind(requirement))
    case .nested(let index):
      texts.append("\(program.stacks[index].title) first")
    case .condition:
      texts.append(label(of: requirement))
    }
  }

  /// The requirement's `because` text, or its policy text.
  func label(of requirement: CompiledRequirement) -> String {
    if let because = requirement.because { return because }
    return program.text(of: requirement.span) ?? "a requirement"
  }

  /// Which awards a filtered count counts: `for` its `because` text, or its own `where …`
  /// as written in the policy.
  func countedKind(_ requirement: CompiledRequirement) -> String {
    if let because = requirement.because { return "for " + because }
    let written = program.text(of: requirement.span) ?? ""
    // The words from `where` on (the count before it is a number or a name, never `where`);
    // a condition written over several lines reads as one.
    let words = written.split(whereSeparator: \.isWhitespace)
    guard let keyword = words.firstIndex(of: "where") else { return "that qualify" }
    return words[keyword...].joined(separator: " ")
  }

  /// Most codes listed in one "more … from" text; the rest are counted.
  static let maximumCandidatesShown = 8

  /// The largest count whose "N more credentials" text is kept ready.
  static let countTextsKept = 32

  /// "N more credential(s)" for N up to ``countTextsKept`` (index 0 unused).
  private static let countTexts: [String] = (0...countTextsKept).map { count in
    "\(count) more credential\(count == 1 ? "" : "s")"
  }

  /// The largest whole number of credits whose "N more credits" text is kept ready.
  static let creditTextsKept = 64

  /// "N more credit(s)" for whole N up to ``creditTextsKept`` (index 0 unused).
  private static let moreCreditsTexts: [String] = (0...creditTextsKept).map { count in
    creditsText(ExactDecimal(count), more: true)
  }

  /// "X more credits", kept ready for whole amounts up to ``creditTextsKept``.
  private static func moreCreditsText(_ amount: ExactDecimal) -> String {
    if let whole = amount.intValue, moreCreditsTexts.indices.contains(whole), whole > 0 {
      return moreCreditsTexts[whole]
    }
    return creditsText(amount, more: true)
  }

  static func shortfallText(_ shortfall: Shortfall) -> String {
    // The common texts of a count and of a credit total, built once rather than per learner.
    if shortfall.candidates.isEmpty, shortfall.credits.signum <= 0,
      countTexts.indices.contains(shortfall.credentials), shortfall.credentials > 0
    {
      return countTexts[shortfall.credentials]
    }
    if shortfall.credentials <= 0, shortfall.credits.signum > 0 {
      return moreCreditsText(shortfall.credits)
    }
    var parts: [String] = []
    if shortfall.credentials > 0 {
      var text = "\(shortfall.credentials) more credential\(shortfall.credentials == 1 ? "" : "s")"
      if !shortfall.candidates.isEmpty { text += " from " + listed(shortfall.candidates) }
      parts.append(text)
    }
    if shortfall.credits.signum > 0 {
      parts.append(moreCreditsText(shortfall.credits))
    }
    return parts.isEmpty ? "nothing more" : parts.joined(separator: " and ")
  }

  /// `4 credits`, `1 credit`, `4 more credits`.
  static func creditsText(_ amount: ExactDecimal, more: Bool = false) -> String {
    let value = amount.normalized
    let unit = value == .one ? "credit" : "credits"
    return more ? "\(value.readable) more \(unit)" : "\(value.readable) \(unit)"
  }

  static func listed(_ codes: [String]) -> String {
    if codes.count <= maximumCandidatesShown { return codes.joined(separator: ", ") }
    let shown = codes.prefix(maximumCandidatesShown).joined(separator: ", ")
    return "\(shown) and \(codes.count - maximumCandidatesShown) more"
  }
}

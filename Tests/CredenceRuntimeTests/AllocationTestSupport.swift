import CredenceRuntime
import CredenceValues
import Testing

/// An exact decimal from its text; records an issue (and gives zero) if the text is not one.
func decimal(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(parsing: text) else {
    Issue.record("not a decimal: \(text)")
    return .zero
  }
  return value
}

/// An item with known credits (`nil` text for unknown), one award named after the code.
func item(_ code: String, _ credits: String?) -> AllocationItem {
  AllocationItem(code: code, credits: credits.map(decimal), awardIDs: ["award-\(code)"])
}

/// `at least X credits` among `codes`.
func credits(_ amount: String, among codes: [String]) -> Requirement {
  .credits(decimal(amount), among: EligibleCodes(codes))
}

extension Allocation {
  /// The outcome at a child path (`[1, 0]`: the first child of the second child).
  func outcome(_ path: [Int]) -> RequirementOutcome {
    var node = root
    for index in path { node = node.children[index] }
    return node
  }
}

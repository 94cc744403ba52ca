/// A readable explanation of a decision: a tree of lines, each marked with how it turned
/// out, written for a learner or a registrar (no internal names, actual values shown).
///
/// ```
/// ✗ SkillsFuture Credit (Mid-Career): ineligible
///   ✓ for Singapore Citizens
///   ✗ aged 40 and above, by year of birth: needs 40 or more, is 38
/// ```
public struct Explanation: Sendable, Hashable {
  /// How the line turned out.
  public enum Mark: String, Sendable, Hashable {
    /// A condition or requirement that holds.
    case held
    /// One that does not.
    case failed
    /// One that depends on something unknown.
    case unknown
    /// Information (what an award earned, which awards were used).
    case info
    /// A computation that failed.
    case error
  }

  public var mark: Mark
  public var text: String
  public var children: [Explanation]

  public init(_ mark: Mark, _ text: String, _ children: [Explanation] = []) {
    self.mark = mark
    self.text = text
    self.children = children
  }

  /// The symbol shown before a line in text output.
  public var symbol: String {
    switch mark {
    case .held: "✓"
    case .failed: "✗"
    case .unknown: "?"
    case .info: "·"
    case .error: "!"
    }
  }

  /// The tree as indented lines, two spaces per level.
  public func lines(indent: Int = 0) -> [String] {
    var result = [String(repeating: " ", count: indent) + symbol + " " + text]
    for child in children { result += child.lines(indent: indent + 2) }
    return result
  }
}

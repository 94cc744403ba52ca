import Credence

extension Session {
  /// Most ids `:learners` prints; the count says how many there are in all.
  public static let maximumLearnersListed = 20

  /// `:learners [PREFIX]`: learner ids from the database starting with the prefix, a
  /// bounded list and the count.
  func listLearners(_ prefix: String) -> String {
    guard let directory else { return "error: no database; start the REPL with `--db DB`\n" }
    guard let page = try? directory.learnerIDs(prefix: prefix, limit: Session.maximumLearnersListed)
    else { return "error: the database could not be read\n" }
    let whose = prefix.isEmpty ? "" : " starting with `\(prefix.escapingControlCharacters)`"
    guard page.total > 0 else { return "no learners\(whose)\n" }
    var out = page.ids.map(\.escapingControlCharacters).joined(separator: "\n") + "\n"
    let noun = page.total == 1 ? "learner" : "learners"
    if page.total > page.ids.count {
      out += "(\(page.ids.count) of \(page.total) \(noun)\(whose); `:learners PREFIX` narrows)\n"
    } else {
      out += "(\(page.total) \(noun)\(whose))\n"
    }
    return out
  }

  /// What Tab completes against now: the names of the last program that checked.
  public func completionContext() -> CompletionContext {
    var context = CompletionContext(names: Completion.builtins, directory: directory)
    guard let policies else { return context }
    context.names += policies.definitionNames.filter { $0 != Session.valueName }
    context.decisions = policies.decisionNames.sorted()
    context.facts = policies.factNames.sorted()
    context.names.sort()
    return context
  }
}

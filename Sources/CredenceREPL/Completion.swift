import Credence

/// What Tab completes against: a snapshot of the session's names, taken before each prompt.
///
/// A value (Sendable), so the readline callback, which C calls with no context, can read it
/// from a global without sharing the session.
public struct CompletionContext: Sendable {
  /// Meta-command names (`:help`, …).
  public var metaCommands: [String]
  /// Names of definitions (params, facts, lets, scales, decisions), built-in functions and
  /// the predefined names, sorted.
  public var names: [String]
  /// Decision names, sorted (for `:why` and `decision.field`).
  public var decisions: [String]
  /// Declared facts (read as `learner.NAME`).
  public var facts: [String]
  /// Where `:learner ` completes ids from; nil without a database.
  public var directory: (any LearnerDirectory)?

  public init(
    metaCommands: [String] = REPL.metaCommandNames, names: [String] = [],
    decisions: [String] = [], facts: [String] = [], directory: (any LearnerDirectory)? = nil
  ) {
    self.metaCommands = metaCommands
    self.names = names
    self.decisions = decisions
    self.facts = facts
    self.directory = directory
  }
}

/// Tab completion as a pure function: the line up to the cursor → the words that can
/// replace the word being typed.
public enum Completion {
  /// Most learner ids offered for `:learner ` (a bounded query; type more of the id to see
  /// the rest).
  public static let maximumLearnerCandidates = 100

  /// Characters that end a word for completion; readline is given the same set, so the
  /// word it replaces is the word these functions complete.
  public static let wordBreaks = " \t\n\"()[]{},+*/<>=!|."

  /// What completing the end of `beforeCursor` offers.
  public enum Result: Equatable, Sendable {
    /// Words that replace the current word, sorted, distinct.
    case words([String])
    /// A file name (`:load`): readline's own file-name completion.
    case files
  }

  /// The word being typed: the text after the last word break.
  public static func currentWord(_ beforeCursor: String) -> Substring {
    let breaks = Set(wordBreaks)
    let start =
      beforeCursor.lastIndex(where: { breaks.contains($0) }).map(beforeCursor.index(after:))
      ?? beforeCursor.startIndex
    return beforeCursor[start...]
  }

  /// The completions of the word ending at the cursor.
  public static func complete(_ beforeCursor: String, in context: CompletionContext) -> Result {
    let word = String(currentWord(beforeCursor))
    let lead = beforeCursor.drop { $0 == " " || $0 == "\t" }
    if lead.hasPrefix(":") {
      let command = String(lead.prefix { !$0.isWhitespace })
      // Still typing the command's name.
      if command.count == lead.count { return .words(matching(word, context.metaCommands)) }
      switch command {
      case ":learner":
        return .words(learnerIDs(word, context.directory))
      case ":load":
        return .files
      case ":why":
        return .words(matching(word, context.decisions))
      case ":path":
        return .words(
          matching(word, word.hasPrefix("-") ? Session.pathOptions : context.decisions))
      case ":doc":
        return .words(matching(word, context.names))
      case ":type":
        break
      case ":what-if":
        return .words(matching(word, ["+award"]))
      default:
        return .words([])
      }
    }
    if let owner = fieldOwner(beforeCursor, word: word) {
      return .words(matching(word, fields(of: owner, context)))
    }
    return .words(matching(word, context.names + keywords))
  }

  /// Language keywords worth completing (declaration words and operators spelt in letters).
  static let keywords = [
    "and", "as", "because", "counts", "credits", "eligible", "equivalence", "fact", "for",
    "fund", "given", "in", "is", "known", "let", "not", "of", "or", "param", "policy",
    "scale", "stack", "unknown", "where", "with",
  ]

  /// The built-in functions and predefined names.
  static let builtins = [
    "count", "sum", "min", "max", "any", "all", "round", "years_between", "months_between",
    "age_by_year_of_birth", "end_of_year", "balance", "points", "learner", "as_of", "it",
  ]

  /// The word before `.` when the cursor is on a field (`learner.bi` → `learner`).
  static func fieldOwner(_ beforeCursor: String, word: String) -> String? {
    let head = beforeCursor.dropLast(word.count)
    guard head.last == "." else { return nil }
    let owner = currentWord(String(head.dropLast()))
    return owner.isEmpty ? nil : String(owner)
  }

  /// The fields a word before `.` can have: known record words get their own fields, a
  /// decision its reported values, anything else every field.
  static func fields(of owner: String, _ context: CompletionContext) -> [String] {
    let award = FieldNames.award
    let credential = FieldNames.credential
    let enrolment = FieldNames.enrolment
    let ledger = FieldNames.ledger
    switch owner {
    case "learner": return FieldNames.learner + context.facts
    case "awards", "award": return award
    case "credential": return credential
    case "enrolments", "enrolment": return enrolment
    case "ledger": return ledger
    case "grade": return ["mark"]
    default:
      if context.decisions.contains(owner) { return FieldNames.decision }
      return award + credential + enrolment + ledger + ["mark"]
    }
  }

  /// The candidates starting with `word`, sorted and distinct.
  static func matching(_ word: String, _ candidates: [String]) -> [String] {
    Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
  }

  /// Learner ids starting with `word` (none when the database cannot be read: completion
  /// never prints errors in the middle of a line).
  static func learnerIDs(_ word: String, _ directory: (any LearnerDirectory)?) -> [String] {
    guard let directory,
      let page = try? directory.learnerIDs(prefix: word, limit: maximumLearnerCandidates)
    else { return [] }
    return page.ids
  }
}

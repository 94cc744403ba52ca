import Credence

/// Whether a piece of input is finished, as Lua's `incomplete()` decides.
enum Input {
  /// Declaration keywords; the rest of what can be typed is an expression.
  static let declarationKeywords: Set<String> = [
    "policy", "scale", "param", "fact", "let", "stack", "fund", "equivalence", "test",
  ]

  /// Declarations whose clauses follow on indented lines: they end at a blank line.
  static let blockKeywords: Set<String> = [
    "policy", "scale", "param", "stack", "fund", "equivalence", "test",
  ]

  /// The first word of `text` (after `##` documentation lines).
  static func firstWord(_ text: String) -> String {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("#") { continue }
      return String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
    return ""
  }

  /// Whether `text` is a declaration rather than an expression.
  static func isDeclaration(_ text: String) -> Bool {
    declarationKeywords.contains(firstWord(text))
  }

  /// How many brackets are open at the end of `text` (strings and comments skipped).
  static func openBrackets(_ text: String) -> Int {
    var depth = 0
    var inString = false
    var escaped = false
    var inComment = false
    for character in text {
      if inComment {
        if character == "\n" { inComment = false }
        continue
      }
      if inString {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        continue
      }
      switch character {
      case "\"": inString = true
      case "#": inComment = true
      case "(", "[", "{": depth += 1
      case ")", "]", "}": depth -= 1
      default: break
      }
    }
    return depth
  }

  /// Whether more lines are needed: a bracket still open, a block declaration not yet ended
  /// by a blank line, or a parse that stopped at the end of the input.
  static func needsMore(_ text: String, lastLineBlank: Bool) -> Bool {
    if lastLineBlank { return false }
    if openBrackets(text) > 0 { return true }
    if isDeclaration(text) {
      if blockKeywords.contains(firstWord(text)) { return true }
      return endsEarly(text)
    }
    return endsEarly("let repl_probe = " + text)
  }

  /// Whether parsing `text` fails only at its end (the input stopped in mid-construct).
  static func endsEarly(_ text: String) -> Bool { FrontEnd.stopsEarly(text) }
}

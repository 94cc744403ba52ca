import Foundation
import Testing

/// Checks grammar/credence.tmLanguage.json, the TextMate grammar editors use: it loads, it
/// covers every word of grammar/credence.ebnf, and it gives the main literals their scopes.
@Suite("Editor grammar")
struct EditorGrammarTests {
  /// The repository root, found from this file's path (Tests/CredenceSyntaxTests/…).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Productions of the EBNF whose quoted terminals are pieces of literals, not words a
  /// writer types as keywords: duration units belong to DURATION, and `n`, `t` to escapes.
  static let literalProductions: Set<String> = ["duration_unit", "escape"]

  @Test("the grammar is valid JSON with the expected name and file type")
  func grammarLoads() throws {
    let grammar = try Self.loadGrammar()
    #expect(grammar["scopeName"] as? String == "source.credence")
    #expect((grammar["fileTypes"] as? [String]) == ["credence"])
    #expect((grammar["patterns"] as? [Any])?.isEmpty == false)
  }

  @Test("every include names a repository entry")
  func includesResolve() throws {
    let grammar = try Self.loadGrammar()
    let repository = grammar["repository"] as? [String: Any] ?? [:]
    var includes: [String] = []
    Self.collect(grammar, key: "include", into: &includes)
    #expect(!includes.isEmpty)
    for include in includes {
      #expect(include.hasPrefix("#"), "include \(include) is not a repository reference")
      #expect(repository[String(include.dropFirst())] != nil, "include \(include) is undefined")
    }
  }

  @Test("every regular expression compiles")
  func regexesCompile() throws {
    let grammar = try Self.loadGrammar()
    var sources: [String] = []
    for key in ["match", "begin", "end"] { Self.collect(grammar, key: key, into: &sources) }
    #expect(sources.count > 20)
    for source in sources {
      #expect(throws: Never.self, "does not compile: \(source)") {
        _ = try NSRegularExpression(pattern: source)
      }
    }
  }

  @Test("the EBNF yields the words the check below needs")
  func ebnfWordsAreFound() throws {
    let words = try Self.ebnfWords()
    // Reserved words, contextual words and status words, one of each kind.
    for word in ["policy", "where", "unknown", "least", "counts", "partial", "known", "effect"] {
      #expect(words.contains(word), "\(word) not extracted from the EBNF")
    }
    // Duration units and escape letters are parts of literals, and comments are not read.
    for word in ["years", "n", "a", "mistake"] {
      #expect(!words.contains(word), "\(word) should not be extracted")
    }
  }

  @Test("every keyword and contextual word of the EBNF is highlighted as a keyword")
  func everyWordIsCovered() throws {
    let keywordPatterns = try Self.keywordRegexes()
    let words = try Self.ebnfWords()
    #expect(words.count > 60)
    for word in words.sorted() {
      let covered = keywordPatterns.contains { Self.matchesWhole($0, word) }
      #expect(covered, "`\(word)` is a word of the EBNF but no keyword pattern matches it")
    }
  }

  @Test("a word that is not a keyword is not highlighted as one")
  func nonKeywordIsNotCovered() throws {
    let keywordPatterns = try Self.keywordRegexes()
    for word in ["birth_date", "gc_cyber", "policies", "asof", "itself"] {
      #expect(!keywordPatterns.contains { Self.matchesWhole($0, word) }, "\(word) matched")
    }
  }

  @Test(
    "literals, comments and operators get their scopes",
    arguments: [
      ("500 SGD", "constant.numeric.money.credence", "500 SGD"),
      ("4.50 SGD per hour", "constant.numeric.money.credence", "4.50 SGD"),
      ("100_000 SGD", "constant.numeric.money.credence", "100_000 SGD"),
      ("2026-07-01", "constant.numeric.date.credence", "2026-07-01"),
      ("5 years", "constant.numeric.duration.credence", "5 years"),
      ("1 month", "constant.numeric.duration.credence", "1 month"),
      ("90%", "constant.numeric.percent.credence", "90%"),
      ("2.5", "constant.numeric.decimal.credence", "2.5"),
      ("500 SGDX", "constant.numeric.decimal.credence", "500"),
      (
        "## The opening credit", "comment.line.double-number-sign.documentation.credence",
        "## The opening credit"
      ),
      ("# a note", "comment.line.number-sign.credence", "# a note"),
      (#""B-" and"#, "string.quoted.double.credence", #""B-""#),
      (#""say \"hi\"" x"#, "string.quoted.double.credence", #""say \"hi\"""#),
      ("stack gc_cyber", nil, "stack gc_cyber"),
      ("where grade", "keyword.control.credence", "where"),
      ("at least 3 credentials", "keyword.other.contextual.credence", "at least"),
      ("counts as elective", "keyword.other.contextual.credence", "counts as"),
      ("unknown", "constant.language.credence", "unknown"),
      ("min(a, b)", "support.function.builtin.credence", "min"),
      ("-> 90%", "keyword.operator.arrow.credence", "->"),
      (">= 40", "keyword.operator.comparison.credence", ">="),
      ("| otherwise", "punctuation.separator.table.credence", "|"),
      ("credits: 4", "variable.other.credence", "credits"),
    ] as [(String, String?, String)])
  func scopes(snippet: String, scope: String?, token: String) throws {
    let patterns = try Self.topLevelPatterns()
    let found = try #require(Self.firstToken(in: snippet, at: 0, patterns: patterns))
    #expect(found.scope == scope)
    #expect(found.text == token)
  }

  @Test("a contextual word after a dot is a field, not a keyword")
  func fieldAfterDot() throws {
    let patterns = try Self.topLevelPatterns()
    let line = "credential.credits"
    let offset = (line as NSString).range(of: "credits").location
    let found = try #require(Self.firstToken(in: line, at: offset, patterns: patterns))
    #expect(found.scope == "variable.other.credence")
  }

  // MARK: - Helpers

  static func loadGrammar() throws -> [String: Any] {
    let url = root.appendingPathComponent("grammar/credence.tmLanguage.json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return try #require(object as? [String: Any])
  }

  /// Every string value stored under `key`, anywhere in the JSON tree.
  static func collect(_ node: Any, key: String, into result: inout [String]) {
    if let dictionary = node as? [String: Any] {
      for (name, value) in dictionary {
        if name == key, let text = value as? String { result.append(text) }
        collect(value, key: key, into: &result)
      }
    } else if let array = node as? [Any] {
      for value in array { collect(value, key: key, into: &result) }
    }
  }

  /// The `match` expressions of the repository's `keywords` entry.
  static func keywordRegexes() throws -> [NSRegularExpression] {
    let grammar = try loadGrammar()
    let repository = try #require(grammar["repository"] as? [String: Any])
    let keywords = try #require(repository["keywords"])
    var sources: [String] = []
    collect(keywords, key: "match", into: &sources)
    return try sources.map { try NSRegularExpression(pattern: $0) }
  }

  static func matchesWhole(_ regex: NSRegularExpression, _ word: String) -> Bool {
    let range = NSRange(location: 0, length: (word as NSString).length)
    guard let match = regex.firstMatch(in: word, options: [.anchored], range: range) else {
      return false
    }
    return match.range == range
  }

  /// The lowercase words quoted as terminals in the EBNF, outside comments and outside the
  /// productions that spell parts of literals.
  static func ebnfWords() throws -> Set<String> {
    let url = root.appendingPathComponent("grammar/credence.ebnf")
    let text = stripComments(try String(contentsOf: url, encoding: .utf8))
    let production = try NSRegularExpression(
      pattern: #"(?m)^([A-Za-z_]+)\s*=(.*?);\s*$"#, options: [.dotMatchesLineSeparators])
    let terminal = try NSRegularExpression(pattern: #""([a-z]+)""#)
    let whole = NSRange(location: 0, length: (text as NSString).length)
    var words: Set<String> = []
    for match in production.matches(in: text, range: whole) {
      let name = (text as NSString).substring(with: match.range(at: 1))
      if literalProductions.contains(name) { continue }
      let body = (text as NSString).substring(with: match.range(at: 2))
      let bodyRange = NSRange(location: 0, length: (body as NSString).length)
      for word in terminal.matches(in: body, range: bodyRange) {
        words.insert((body as NSString).substring(with: word.range(at: 1)))
      }
    }
    return words
  }

  /// The text without `(* … *)` comments, which nest in the EBNF's preamble.
  static func stripComments(_ text: String) -> String {
    var result = ""
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      let rest = text[index...]
      if rest.hasPrefix("(*") {
        depth += 1
        index = text.index(index, offsetBy: 2)
      } else if depth > 0, rest.hasPrefix("*)") {
        depth -= 1
        index = text.index(index, offsetBy: 2)
      } else {
        if depth == 0 { result.append(text[index]) }
        index = text.index(after: index)
      }
    }
    return result
  }

  /// One top-level rule, with its includes expanded, in the order TextMate tries them.
  struct Rule {
    let regex: NSRegularExpression
    let scope: String?
  }

  static func topLevelPatterns() throws -> [Rule] {
    let grammar = try loadGrammar()
    let repository = try #require(grammar["repository"] as? [String: Any])
    let top = try #require(grammar["patterns"] as? [[String: Any]])
    return try expand(top, repository: repository, depth: 0)
  }

  /// How deep includes may nest before the grammar is taken to loop.
  static let maxIncludeDepth = 8

  static func expand(_ patterns: [[String: Any]], repository: [String: Any], depth: Int)
    throws -> [Rule]
  {
    try #require(depth < maxIncludeDepth, "includes nest too deeply")
    var rules: [Rule] = []
    for pattern in patterns {
      if let include = pattern["include"] as? String {
        let entry = try #require(repository[String(include.dropFirst())] as? [String: Any])
        let inner = try #require(entry["patterns"] as? [[String: Any]])
        rules += try expand(inner, repository: repository, depth: depth + 1)
      } else if let match = (pattern["match"] ?? pattern["begin"]) as? String {
        rules.append(
          Rule(regex: try NSRegularExpression(pattern: match), scope: pattern["name"] as? String))
      }
    }
    return rules
  }

  /// The scope and text of the token TextMate would start at `offset`: the first rule, in
  /// order, that matches there. A string's token runs to its closing quote.
  static func firstToken(in line: String, at offset: Int, patterns: [Rule])
    -> (scope: String?, text: String)?
  {
    let text = line as NSString
    let range = NSRange(location: offset, length: text.length - offset)
    for rule in patterns {
      guard
        let match = rule.regex.firstMatch(
          in: line, options: [.anchored, .withTransparentBounds], range: range)
      else { continue }
      if rule.scope == "string.quoted.double.credence" {
        return (rule.scope, stringToken(in: text, from: offset))
      }
      return (rule.scope, text.substring(with: match.range))
    }
    return nil
  }

  /// A string literal from its opening quote to the closing one, skipping escapes.
  static func stringToken(in text: NSString, from start: Int) -> String {
    var index = start + 1
    while index < text.length {
      let character = text.character(at: index)
      if character == 0x5C { index += 2; continue }  // backslash: skip the escaped character
      if character == 0x22 {
        return text.substring(with: NSRange(location: start, length: index - start + 1))
      }
      index += 1
    }
    return text.substring(from: start)
  }
}

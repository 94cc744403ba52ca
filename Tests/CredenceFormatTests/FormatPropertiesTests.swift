import CredenceFormat
import CredenceSyntax
import Foundation
import Testing

/// The formatter's three promises, over every clean `.credence` file of the repository:
/// it is idempotent, it keeps the meaning, and it keeps every comment where it belongs.
@Suite struct FormatPropertiesTests {
  /// Every clean corpus file formatted once, shared by the tests below.
  static let corpusOutcomes: [String: FormatOutcome] = Dictionary(
    uniqueKeysWithValues: Corpus.cleanFiles.map { ($0, Formatter.format(Corpus.source($0))) })

  /// The formatted text of a corpus file, or nil after recording why there is none.
  static func formatted(corpusFile path: String) -> String? {
    formatted(Corpus.source(path), path, outcome: corpusOutcomes[path])
  }

  /// The formatted text of `source`, or nil after recording why there is none.
  static func formatted(_ source: SourceFile, _ what: String, outcome: FormatOutcome? = nil)
    -> String?
  {
    switch outcome ?? Formatter.format(source) {
    case .formatted(let text): return text
    case .rejected(let diagnostics):
      Issue.record("\(what): rejected: \(diagnostics.map(\.message))")
    case .failed(let reason):
      Issue.record("\(what): failed: \(reason)")
    }
    return nil
  }

  /// A tree compared without spans, file ids or trailing whitespace in comments.
  struct Meaning: Equatable {
    var declarations: [Declaration]
    var comments: [String]

    init(_ syntax: FileSyntax) {
      func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
      }
      declarations = syntax.declarations.map { declaration in
        var declaration = declaration
        declaration.documentation = declaration.documentation.map(trimmed)
        return declaration
      }
      comments = syntax.comments.map { ($0.kind == .doc ? "##" : "#") + trimmed($0.text) }
    }

    init(_ text: String) { self.init(Parser.parse(text).syntax) }
  }

  @Test func theCorpusIsLarge() {
    // The properties below mean little over a handful of files.
    #expect(Corpus.policyFiles.count >= 20)
    #expect(Corpus.cleanFiles.count >= Corpus.policyFiles.count + 5)
    #expect(Corpus.cleanFiles.contains { $0.hasPrefix("Tests/CredenceSyntaxTests/spec/") })
    #expect(Corpus.cleanFiles.contains { $0.hasPrefix("Tests/CredenceFormatTests/layouts/") })
  }

  @Test func everyPolicyParsesCleanly() {
    for path in Corpus.policyFiles {
      #expect(Corpus.cleanFiles.contains(path), "\(path) has syntax errors")
    }
  }

  @Test(arguments: Corpus.cleanFiles)
  func idempotent(_ path: String) throws {
    let once = try #require(Self.formatted(corpusFile: path))
    let twice = try #require(Self.formatted(SourceFile(path: path, text: once), "\(path) again"))
    #expect(once == twice, "\(path): formatting the formatted text changed it")
  }

  @Test(arguments: Corpus.cleanFiles)
  func meaningPreserving(_ path: String) throws {
    let source = Corpus.source(path)
    let text = try #require(Self.formatted(corpusFile: path))
    let reparsed = Parser.parse(text)
    #expect(reparsed.isClean, "\(path): the formatted text has errors")
    let sameTree = Meaning(reparsed.syntax) == Meaning(Parser.parse(source).syntax)
    #expect(sameTree, "\(path): the formatted text parses to another tree")
  }

  @Test(arguments: Corpus.cleanFiles)
  func wellFormedText(_ path: String) throws {
    let text = try #require(Self.formatted(corpusFile: path))
    #expect(text.isEmpty || (text.hasSuffix("\n") && !text.hasSuffix("\n\n")))
    #expect(!text.hasPrefix("\n"))
    #expect(!text.contains("\n\n\n"), "\(path): two blank lines in a row")
    #expect(!text.contains("\t") || Corpus.source(path).bytes.contains(UInt8(ascii: "\t")))
    for (number, line) in text.split(separator: "\n").enumerated() {
      #expect(line.last != " ", "\(path):\(number + 1): trailing space")
    }
  }

  /// Blank lines, indentation and spaces between tokens are the formatter's to decide:
  /// the same tokens laid out differently format to the same text.
  @Test(arguments: Corpus.cleanFiles)
  func layoutInsensitive(_ path: String) throws {
    let source = Corpus.source(path)
    let respaced = Respacing.respace(source)
    let sameTokens = Meaning(respaced) == Meaning(Parser.parse(source).syntax)
    try #require(sameTokens, "\(path): respacing changed the tree")
    let expected = try #require(Self.formatted(corpusFile: path))
    let actual = try #require(
      Self.formatted(SourceFile(path: path, text: respaced), "\(path) respaced"))
    #expect(
      actual == expected, "\(path): a different layout of the same tokens formats differently")
  }

  /// cedar's formatter fuzzing, deterministically: a unique comment at every place a
  /// comment can go, each of which must come out once, between the same tokens.
  @Test(arguments: Corpus.cleanFiles)
  func commentPreserving(_ path: String) throws {
    let source = Corpus.source(path)
    let variant = CommentSeeding.seed(source)
    try #require(!variant.markers.isEmpty)
    let original = Parser.parse(source).syntax
    let seeded = Parser.parse(SourceFile(path: path, text: variant.text))
    let seededIsClean = seeded.isClean
    try #require(
      seededIsClean, "\(path): seeding broke the file: \(seeded.diagnostics.map(\.message))")
    let seededIsSame = seeded.syntax.declarations == original.declarations
    try #require(seededIsSame, "\(path): seeding changed the tree")
    let text = try #require(Self.formatted(SourceFile(path: path, text: variant.text), path))
    let output = Lexer.lex(SourceFile(path: path, text: text))
    let positions = CommentSeeding.positions(in: output)
    for (marker, expected) in variant.markers {
      let found = positions[marker] ?? []
      #expect(found.count == 1, "\(path): `\(marker)` appears \(found.count) times")
      if let position = found.first {
        #expect(
          position == expected,
          "\(path): `\(marker)` moved from after token \(expected) to after token \(position)")
      }
    }
    let sameTree = Meaning(Parser.parse(text).syntax).declarations == Meaning(original).declarations
    #expect(sameTree, "\(path): the seeded file formats to another tree")
  }
}

/// Re-lays a file out: every token separated from the next by extra spaces, every code
/// line indented twice as deep plus one, blank lines tripled. Comments stay as written.
enum Respacing {
  static func respace(_ source: SourceFile) -> String {
    let lexed = Lexer.lex(source)
    let bytes = source.bytes
    var output: [UInt8] = []
    var offset = 0
    var events: [(start: Int, end: Int, isToken: Bool)] =
      lexed.tokens.filter { $0.kind != .endOfFile }.map { ($0.span.start, $0.span.end, true) }
    events += lexed.comments.map { ($0.span.start, $0.span.end, false) }
    events.sort { $0.start < $1.start }
    var previousWasToken = false
    for event in events {
      let gap = bytes[offset..<event.start]
      if gap.contains(UInt8(ascii: "\n")) {
        // Keep the line breaks, triple the blank lines, re-indent the last line.
        let newlines = gap.filter { $0 == UInt8(ascii: "\n") }.count
        output += Array(repeating: UInt8(ascii: "\n"), count: newlines == 1 ? 1 : newlines * 3)
        let indent = gap.reversed().prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
          .count
        output += Array(
          repeating: UInt8(ascii: " "), count: event.isToken ? indent * 2 + 1 : indent)
      } else if previousWasToken && event.isToken {
        output += Array(gap) + Array("   ".utf8)
      } else {
        output += Array(gap) + (event.isToken ? [] : Array("  ".utf8))
      }
      output += bytes[event.start..<event.end]
      offset = event.end
      previousWasToken = event.isToken
    }
    output += bytes[offset...]
    return String(decoding: output, as: UTF8.self)
  }
}

/// Plants a uniquely numbered comment after every token where a line break changes
/// nothing, and on a line of its own before every line.
enum CommentSeeding {
  static let prefix = "#@seed-"

  struct Variant {
    var text: String
    /// Each marker's text and the number of tokens before it, trailing commas aside.
    var markers: [String: Int]
  }

  /// Whether `kind` counts as a token for positions (a trailing comma may be dropped).
  static func counts(_ kind: TokenKind) -> Bool {
    kind != .punctuation(.comma) && kind != .endOfFile
  }

  static func seed(_ source: SourceFile) -> Variant {
    let lexed = Lexer.lex(source)
    let tokens = lexed.tokens
    let bytes = source.bytes
    let parsed = Parser.parse(source)
    // Rows of examples tables end at the end of their line: no break inside one.
    var rowSpans: [Range<Int>] = []
    for declaration in parsed.syntax.declarations {
      guard case .test(let test) = declaration.kind else { continue }
      for clause in test.clauses {
        if case .examples(let table) = clause.kind {
          rowSpans += table.rows.map { $0.span.start..<$0.span.end }
        }
      }
    }
    var insertions: [(offset: Int, text: String)] = []
    var markers: [String: Int] = [:]
    var counted = 0
    func marker(_ kind: String, _ number: Int) -> String { "\(prefix)\(kind)\(number)" }

    // Before the first line.
    insertions.append((0, marker("o", 0) + "\n"))
    markers[marker("o", 0)] = 0
    for index in tokens.indices where tokens[index].kind != .endOfFile {
      let token = tokens[index]
      if counts(token.kind) { counted += 1 }
      let next = tokens[index + 1]
      let gap = bytes[token.span.end..<next.span.start]
      if gap.contains(UInt8(ascii: "\n")) || next.kind == .endOfFile {
        // Already the end of a line: a trailing comment, unless one is there already,
        // and a comment on a line of its own before the next line.
        let lineEnd = gap.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let restOfLine = bytes[token.span.end..<lineEnd]
        if !restOfLine.contains(UInt8(ascii: "#")) {
          insertions.append((token.span.end, "  " + marker("t", index)))
          markers[marker("t", index)] = counted
        }
        let nextLineStart =
          next.kind == .endOfFile
          ? bytes.count : source.lineStarts[source.line(of: next.span.start) - 1]
        let text =
          (nextLineStart == bytes.count && bytes.last != UInt8(ascii: "\n") ? "\n" : "")
          + marker("o", index + 1) + "\n"
        insertions.append((nextLineStart, text))
        markers[marker("o", index + 1)] = counted
        continue
      }
      // Inside a line: only where a line break is free.
      if next.kind == .punctuation(.leftParen), case .identifier = token.kind { continue }
      if case .identifier(let word) = token.kind, ["of", "rate", "amount"].contains(word) {
        continue
      }
      // `when` ends a clause word; `require` starts a group whose block is indented from
      // the line the group starts on.
      if token.kind == .keyword(.when) || token.kind == .keyword(.require) { continue }
      if rowSpans.contains(where: { $0.contains(token.span.start) && $0.contains(next.span.start) })
      {
        continue
      }
      let indent = token.lineIndent + 8
      insertions.append(
        (token.span.end, "  " + marker("t", index) + "\n" + String(repeating: " ", count: indent)))
      markers[marker("t", index)] = counted
    }
    // Apply from the back so earlier offsets stay valid; stable for equal offsets.
    var result = bytes
    for insertion in insertions.enumerated().sorted(by: {
      ($0.element.offset, $0.offset) > ($1.element.offset, $1.offset)
    }) {
      result.insert(contentsOf: Array(insertion.element.text.utf8), at: insertion.element.offset)
    }
    return Variant(text: String(decoding: result, as: UTF8.self), markers: markers)
  }

  /// Where each seeded comment sits in lexed text: the number of tokens before it.
  static func positions(in lexed: LexedFile) -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    var tokenIndex = 0
    var counted = 0
    for comment in lexed.comments {
      while tokenIndex < lexed.tokens.count,
        lexed.tokens[tokenIndex].span.start < comment.span.start
      {
        if counts(lexed.tokens[tokenIndex].kind) { counted += 1 }
        tokenIndex += 1
      }
      // Markers have no space after `#`, so the comment's text is the rest of the marker.
      let text = "#" + comment.text
      if comment.kind == .line, text.hasPrefix(prefix) { result[text, default: []].append(counted) }
    }
    return result
  }
}

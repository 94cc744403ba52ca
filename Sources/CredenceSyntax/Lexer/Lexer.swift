/// The tokens, comments and lexical errors of one file.
public struct LexedFile: Sendable {
  /// The tokens, ending with exactly one `.endOfFile`.
  public var tokens: [Token]
  /// Every comment, in source order.
  public var comments: [Comment]
  /// Lexical errors, in source order.
  public var diagnostics: [Diagnostic]
}

/// Turns a file's UTF-8 bytes into tokens (grammar/credence.ebnf, part 1: lexical grammar).
///
/// The lexer never traps: every byte either joins a token or a comment, or is reported
/// with its location and skipped (as an `.invalid` token, so the parser stays quiet).
public struct Lexer {
  let source: SourceFile
  let bytes: [UInt8]
  var offset = 0
  var tokens: [Token] = []
  var comments: [Comment] = []
  var diagnostics: [Diagnostic] = []
  /// Whether no token has been produced on the current line yet.
  var atLineStart = true
  /// The offset at which the current line starts.
  var lineStart = 0
  /// The line start of the last unexpected-character error: one such error per line is
  /// enough (`'text'` is one mistake, not two).
  var lastStrayLineStart = -1
  /// The `lineIndent` of the last token emitted (copying the token to read it costs more).
  var lastLineIndent = 0

  /// A lexer over `source`.
  public init(source: SourceFile) {
    self.source = source
    self.bytes = source.bytes
  }

  /// Lexes `source` completely.
  public static func lex(_ source: SourceFile) -> LexedFile {
    var lexer = Lexer(source: source)
    return lexer.run()
  }

  mutating func run() -> LexedFile {
    // A UTF-8 byte order mark, as some Windows editors write, is not part of the text.
    // About one token per six bytes in the policy library: growing the array as tokens come
    // cost a sixth of lexing.
    tokens.reserveCapacity(bytes.count / 6 + 16)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      offset = 3
      lineStart = 3
    }
    if Lexer.isBinary(bytes) {
      report(
        .binaryFile, "this is a binary file, not policy text", 0, 0,
        help: "policy files are UTF-8 text (`.credence`); a record store is given with `--store`")
      offset = bytes.count
    }
    while offset < bytes.count {
      lexOne()
    }
    tokens.append(
      Token(
        .endOfFile, span: .point(bytes.count, in: source.id), startsLine: true,
        lineIndent: 0))
    return LexedFile(tokens: tokens, comments: comments, diagnostics: diagnostics)
  }

  // MARK: Helpers

  /// C0 controls, DEL and C1 controls (Unicode's `Cc`).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
  }

  /// Whether `bytes` start like a binary file: ``Limits/binaryFileNULBytes`` NUL bytes or
  /// more among the first ``Limits/binarySniffBytes``.
  static func isBinary(_ bytes: [UInt8]) -> Bool {
    var nulBytes = 0
    for byte in bytes.prefix(Limits.binarySniffBytes) where byte == 0 {
      nulBytes += 1
      if nulBytes >= Limits.binaryFileNULBytes { return true }
    }
    return false
  }

  func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

  func span(_ start: Int, _ end: Int) -> Span { Span(file: source.id, start: start, end: end) }

  mutating func emit(_ kind: consuming TokenKind, from start: Int) {
    let startsLine = atLineStart
    if startsLine { lastLineIndent = start - lineStart }
    tokens.append(
      Token(kind, span: span(start, offset), startsLine: startsLine, lineIndent: lastLineIndent))
    atLineStart = false
  }

  mutating func report(
    _ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil
  ) {
    diagnostics.append(.error(code, message, at: span(start, end), help: help))
  }

  /// The reserved words by length, then spelling: a word is compared with the few of its
  /// length, byte by byte, before any `String` is made (hashing every word cost more).
  static let keywordsByLength: [[(spelling: [UInt8], keyword: Keyword)]] = {
    var table = [[(spelling: [UInt8], keyword: Keyword)]](
      repeating: [], count: (Keyword.allCases.map(\.rawValue.utf8.count).max() ?? 0) + 1)
    for keyword in Keyword.allCases {
      table[keyword.rawValue.utf8.count].append((Array(keyword.rawValue.utf8), keyword))
    }
    return table
  }()

  /// The reserved word spelt by `bytes[start..<end]`, if it is one.
  static func keyword(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Keyword? {
    let length = end - start
    guard length < keywordsByLength.count else { return nil }
    candidates: for candidate in keywordsByLength[length] {
      for i in 0..<length where candidate.spelling[i] != bytes[start + i] { continue candidates }
      return candidate.keyword
    }
    return nil
  }

  static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
  static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
  static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || (b >= 0x61 && b <= 0x7A) }
  static func isIdentifierStart(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") }
  static func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }

  // MARK: Dispatch

  mutating func lexOne() {
    let b = bytes[offset]
    switch b {
    case UInt8(ascii: " "), UInt8(ascii: "\t"):
      offset += 1
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      // LF, CRLF and a lone CR (old Mac files) each end a line, as in the line table.
      offset += b == UInt8(ascii: "\r") && byte(at: offset + 1) == UInt8(ascii: "\n") ? 2 : 1
      atLineStart = true
      lineStart = offset
    case UInt8(ascii: "#"):
      lexComment()
    case UInt8(ascii: "\""):
      lexString()
    case _ where Lexer.isDigit(b):
      lexNumeric()
    case _ where Lexer.isIdentifierStart(b):
      lexWord()
    default:
      if !lexPunctuation() { lexStray() }
    }
  }

  mutating func lexWord() {
    let start = offset
    let (end, keyword, text) = bytes.withUnsafeBufferPointer {
      buffer -> (Int, Keyword?, String?) in
      var end = start
      while end < buffer.count, Lexer.isIdentifierPart(buffer[end]) { end += 1 }
      if let keyword = Lexer.keyword(buffer, start, end) { return (end, keyword, nil) }
      // Identifiers are ASCII letters, digits and `_`: valid UTF-8 by construction.
      return (
        end, nil,
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
      )
    }
    offset = end
    if let keyword {
      emit(.keyword(keyword), from: start)
    } else {
      emit(.identifier(text ?? ""), from: start)
    }
  }

  mutating func lexPunctuation() -> Bool {
    let start = offset
    let b = bytes[offset]
    let next = byte(at: offset + 1)
    let twoByte: Punctuation? =
      switch (b, next) {
      case (UInt8(ascii: "-"), UInt8(ascii: ">")): .arrow
      case (UInt8(ascii: "="), UInt8(ascii: "=")): .equalEqual
      case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
      case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessEqual
      case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterEqual
      default: nil
      }
    if let twoByte {
      offset += 2
      emit(.punctuation(twoByte), from: start)
      return true
    }
    guard let single = Punctuation(singleByte: b) else {
      return false
    }
    offset += 1
    emit(.punctuation(single), from: start)
    return true
  }

  /// Reports a run of characters that start no token as one error, and emits one
  /// `.invalid` token for it so the parser does not report the same text again.
  mutating func lexStray() {
    let start = offset
    var sawInvalidUTF8 = false
    var sawNul = false
    while offset < bytes.count, offset == start || !startsToken(at: offset) {
      let b = bytes[offset]
      if b == 0 { sawNul = true }
      if b >= 0x80 {
        let length = UTF8Decoding.sequenceLength(bytes, at: offset)
        if length == 0 { sawInvalidUTF8 = true }
        offset += max(1, length)
      } else {
        offset += 1
      }
    }
    if sawNul {
      report(
        .nulByte, "a NUL byte is not allowed in a policy file", start, offset,
        help: "the file may be binary or saved in UTF-16; policy files are UTF-8 text")
    } else if sawInvalidUTF8 {
      report(
        .invalidUTF8, "this text is not valid UTF-8", start, offset,
        help: "policy files must be saved as UTF-8")
    } else if lastStrayLineStart != lineStart {
      lastStrayLineStart = lineStart
      let text = String(decoding: bytes[start..<offset], as: UTF8.self)
      let what = text.unicodeScalars.count == 1 ? "character" : "characters"
      if let control = text.unicodeScalars.first(where: Lexer.isControl) {
        // Never echoed: an escape or a bell in a message would act on the terminal.
        let digits = String(control.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        report(
          .unexpectedCharacter, "unexpected control character \(code)", start, offset,
          help: "policy text has no control characters but tabs and line ends; remove it")
      } else {
        report(
          .unexpectedCharacter, "unexpected \(what) `\(text)`", start, offset,
          help: strayHelp(text))
      }
    }
    emit(.invalid, from: start)
  }

  /// Whether the byte at `index` is whitespace or begins a token or comment.
  func startsToken(at index: Int) -> Bool {
    let b = bytes[index]
    if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n")
      || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "#")
      || Lexer.isIdentifierPart(b)
    {
      return true
    }
    if b == UInt8(ascii: "!") { return byte(at: index + 1) == UInt8(ascii: "=") }
    return Punctuation(singleByte: b) != nil
  }

  func strayHelp(_ text: String) -> String? {
    switch text {
    case "!": "write `not` for negation and `!=` for inequality"
    case "&", "&&": "write `and`"
    case "||": "write `or`"
    case "%": "a percentage is written right after its number: `90%`"
    case "'", "‘", "’", "“", "”": "strings are written in straight double quotes: \"text\""
    case ";": "statements need no separator; start the next clause on its own line"
    default: nil
    }
  }

  // MARK: Comments

  mutating func lexComment() {
    let start = offset
    let isDoc = byte(at: offset + 1) == UInt8(ascii: "#")
    offset += isDoc ? 2 : 1
    let textStart = offset
    // Most comments are plain ASCII: find the line's end in one tight pass, and validate
    // byte by byte only when something needs a closer look.
    var end = offset
    var plain = true
    bytes.withUnsafeBufferPointer { buffer in
      while end < buffer.count, buffer[end] != UInt8(ascii: "\n"),
        buffer[end] != UInt8(ascii: "\r")
      {
        if buffer[end] == 0 || buffer[end] >= 0x80 { plain = false }
        end += 1
      }
    }
    if plain { offset = end }
    while let b = byte(at: offset), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") {
      if b == 0 {
        report(
          .nulByte, "a NUL byte is not allowed in a policy file", offset, offset + 1,
          help: "the file may be binary or saved in UTF-16; policy files are UTF-8 text")
        offset += 1
      } else if b >= 0x80 {
        let length = UTF8Decoding.sequenceLength(bytes, at: offset)
        if length == 0 {
          report(
            .invalidUTF8, "this text is not valid UTF-8", offset, offset + 1,
            help: "policy files must be saved as UTF-8")
          offset += 1
        } else {
          offset += length
        }
      } else {
        offset += 1
      }
    }
    let textEnd = offset
    var text = String(decoding: bytes[textStart..<textEnd], as: UTF8.self)
    if text.hasPrefix(" ") { text.removeFirst() }
    comments.append(Comment(isDoc ? .doc : .line, text: text, span: span(start, textEnd)))
  }
}

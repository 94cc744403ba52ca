import CredenceSemantics
import CredenceSyntax

/// One completion an editor can offer.
public struct PolicyCompletion: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A declared name or a local.
    case name(SymbolIndex.Kind)
    case field
    case keyword
    case function
    /// A grade of a scale, offered inside the quotes of a grade comparison.
    case grade
  }

  /// The text inserted.
  public var label: String
  public var kind: Kind
  /// A short description (a type, a field's meaning).
  public var detail: String?
}

extension PolicyNavigator {
  /// What can be typed at `offset` of `file` (the text being edited, which may be newer than
  /// the index and half-typed): record fields after `.`, a scale's grades inside the quotes
  /// of a grade comparison, clause words at the start of an indented line, declaration
  /// keywords at the start of a line, and otherwise the names in scope, built-in functions
  /// and the words of expressions. Sorted by label; the editor filters by what is typed.
  public func completions(in file: SourceFile, at offset: Int) -> [PolicyCompletion] {
    let bytes = file.bytes
    let end = min(max(0, offset), bytes.count)
    var start = end
    while start > 0, Self.isWordByte(bytes[start - 1]) { start -= 1 }
    let lineStart = bytes[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let before = String(decoding: bytes[lineStart..<start], as: UTF8.self)
    let found: [PolicyCompletion]
    if start > 0, bytes[start - 1] == UInt8(ascii: ".") {
      let base = word(endingAt: start - 1, in: bytes)
      let written = typeWritten(for: base, in: declarationText(in: bytes, before: start))
      found = fields(after: base, typed: written, in: file, at: start)
    } else if let subject = gradeComparisonSubject(before) {
      found = grades(comparedWith: subject, in: file, at: start)
    } else if before.isEmpty {
      found = Self.declarationKeywords.map { PolicyCompletion(label: $0, kind: .keyword) }
    } else if before.allSatisfy({ $0 == " " || $0 == "\t" }) {
      let clauses = Self.clauseWords[enclosingKeyword(in: bytes, before: lineStart)] ?? []
      found =
        clauses.map { PolicyCompletion(label: $0, kind: .keyword) } + names(in: file, at: start)
    } else {
      found = names(in: file, at: start)
    }
    var seen: Set<String> = []
    return found.filter { seen.insert($0.label).inserted }.sorted { $0.label < $1.label }
  }

  // MARK: Names

  private func names(in file: SourceFile, at offset: Int) -> [PolicyCompletion] {
    var out: [PolicyCompletion] = []
    let enclosing = index.declarations.first { declaration in
      declaration.kind != .local && declaration.span.file == file.id
        && declaration.span.start <= offset && offset <= declaration.span.end
    }
    for declaration in index.declarations {
      if declaration.kind == .local {
        // Locals only inside the declaration that binds them.
        guard let enclosing, declaration.nameSpan.file == file.id,
          enclosing.span.start <= declaration.nameSpan.start,
          declaration.nameSpan.end <= enclosing.span.end
        else { continue }
      }
      out.append(
        PolicyCompletion(
          label: declaration.name, kind: .name(declaration.kind), detail: signature(declaration)))
    }
    out += Checker.builtinFunctionNames.map { PolicyCompletion(label: $0, kind: .function) }
    out += ["learner", "as_of", "it"].map { PolicyCompletion(label: $0, kind: .keyword) }
    out += Self.expressionWords.map { PolicyCompletion(label: $0, kind: .keyword) }
    return out
  }

  // MARK: Fields

  /// The fields of what `base` names: the learner, a declared or local name of a record
  /// type (or a list of them), a decision; every record's fields when the type is unknown.
  private func fields(
    after base: String, typed written: String?, in file: SourceFile, at offset: Int
  )
    -> [PolicyCompletion]
  {
    var type: String?
    var decision: SymbolIndex.Kind?
    switch base {
    case "learner": type = RecordKind.learner.rawValue
    case "credential": type = RecordKind.credential.rawValue
    case "grade": type = "Grade"
    case _ where written != nil: type = written
    default:
      // The nearest local of that name before the cursor, else the declared name.
      let candidates = index.declarations.filter { $0.name == base }
      let local = candidates.filter {
        $0.kind == .local && $0.nameSpan.file == file.id && $0.nameSpan.start <= offset
      }.max { $0.nameSpan.start < $1.nameSpan.start }
      if let chosen = local ?? candidates.first(where: { $0.kind != .local }) {
        type = chosen.type
        if [.stack, .fund, .equivalence].contains(chosen.kind) { decision = chosen.kind }
      }
    }
    if let decision {
      return Self.decisionFields[decision, default: []].map {
        PolicyCompletion(label: $0, kind: .field)
      }
    }
    var element = type ?? ""
    if element.hasPrefix("List("), element.hasSuffix(")") {
      element = String(element.dropFirst(5).dropLast())
    }
    if element.hasPrefix("Grade") {
      return [PolicyCompletion(label: "mark", kind: .field, detail: "the mark as issued")]
    }
    let kinds = RecordKind(rawValue: element).map { [$0] } ?? RecordKind.allCases
    var out: [PolicyCompletion] = []
    for kind in kinds {
      for field in Self.fields(of: kind) {
        out.append(PolicyCompletion(label: field.name, kind: .field, detail: field.meaning))
      }
      if kind == .learner {
        for fact in index.declarations where fact.kind == .fact {
          out.append(PolicyCompletion(label: fact.name, kind: .name(.fact), detail: fact.type))
        }
      }
    }
    return out
  }

  private static func fields(of kind: RecordKind) -> [Field] {
    switch kind {
    case .learner: LearnerField.allCases.map { .learner($0) }
    case .award: AwardField.allCases.map { .award($0) }
    case .credential: CredentialField.allCases.map { .credential($0) }
    case .enrolment: EnrolmentField.allCases.map { .enrolment($0) }
    case .ledgerEntry: LedgerField.allCases.map { .ledger($0) }
    }
  }

  static let decisionFields: [SymbolIndex.Kind: [String]] = [
    .stack: ["credits", "used", "missing"], .fund: ["amount", "rate"],
    .equivalence: ["credits", "used", "granted"],
  ]

  /// The type `name` is given in `text` (the declaration being typed, which the last check
  /// may not have seen): `name: Type` (a parameter) or `per enrolment name`.
  private func typeWritten(for name: String, in text: String) -> String? {
    guard !name.isEmpty, name.utf8.allSatisfy(Self.isWordByte) else { return nil }
    if let regex = try? Regex("\\b\(name)\\s*:\\s*([A-Za-z_]+(\\([A-Za-z_]+\\))?)"),
      let match = text.matches(of: regex).last, let type = match.output[1].substring
    {
      return String(type)
    }
    if let regex = try? Regex("\\bper\\s+enrolment\\s+\(name)\\b"), text.contains(regex) {
      return RecordKind.enrolment.rawValue
    }
    return nil
  }

  /// The text from the start of the declaration around `offset` up to it.
  private func declarationText(in bytes: [UInt8], before offset: Int) -> String {
    var start = offset
    while start > 0 {
      let lineStart = bytes[..<(start - 1)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
      let word = String(
        decoding: bytes[lineStart..<offset].prefix(while: Self.isWordByte), as: UTF8.self)
      start = lineStart
      if Self.declarationKeywords.contains(word) { break }
    }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }

  // MARK: Grades

  /// The word compared when the line ends in a comparison and an open quote
  /// (`grade >= "B`), or nil.
  private func gradeComparisonSubject(_ line: String) -> String? {
    // Inside a string: an odd number of quotes before the cursor.
    guard line.filter({ $0 == "\"" }).count % 2 == 1, let quote = line.lastIndex(of: "\"") else {
      return nil
    }
    var head = line[..<quote].reversed().drop { $0 == " " }
    let op = head.prefix { "<>=!".contains($0) }
    guard !op.isEmpty else { return nil }
    head = head.dropFirst(op.count).drop { $0 == " " }
    return String(head.prefix { Self.isWordCharacter($0) }.reversed())
  }

  /// The grades of the scale `subject` is on: its declared type, else (for `grade` and
  /// unknown names) the scales of the file, else every scale.
  private func grades(comparedWith subject: String, in file: SourceFile, at offset: Int)
    -> [PolicyCompletion]
  {
    let scales = index.declarations.filter { $0.kind == .scale }
    var chosen: [SymbolIndex.Declaration] = []
    if let type = index.declarations.first(where: { $0.name == subject && $0.type != nil })?.type,
      type.hasPrefix("Grade("), type.hasSuffix(")")
    {
      let name = type.dropFirst(6).dropLast()
      chosen = scales.filter { $0.name == name }
    }
    if chosen.isEmpty { chosen = scales.filter { $0.nameSpan.file == file.id } }
    if chosen.isEmpty { chosen = scales }
    return chosen.flatMap { scale in
      scale.grades.map { PolicyCompletion(label: $0, kind: .grade, detail: "scale \(scale.name)") }
    }
  }

  // MARK: Keywords

  /// The declaration keyword of the last line before `lineStart` that starts at column 0.
  private func enclosingKeyword(in bytes: [UInt8], before lineStart: Int) -> String {
    var end = lineStart
    while end > 0 {
      let start = bytes[..<(end - 1)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
      let word = String(decoding: bytes[start..<end].prefix(while: Self.isWordByte), as: UTF8.self)
      if Self.declarationKeywords.contains(word) { return word }
      end = start
    }
    return ""
  }

  /// Words that start a declaration (grammar/credence.ebnf `declaration`).
  static let declarationKeywords = Keyword.allCases.filter(\.startsDeclaration).map(\.rawValue)

  /// Words that start a clause on an indented line, by declaration (the `*_clause`
  /// productions of grammar/credence.ebnf).
  static let clauseWords: [String: [String]] = [
    "policy": ["authority", "version", "source", "effective", "until", "grades"],
    "stack": ["using", "require", "because"],
    "fund": ["per", "enrolment", "eligible", "when", "rate", "amount", "because"],
    "equivalence": ["using", "counts", "as", "for", "cap", "all", "each", "elective"],
    "test": ["given", "expect", "examples", "as", "of", "path", "to"],
  ]

  /// Words inside expressions (grammar/credence.ebnf, from `expression` down).
  static let expressionWords = [
    "and", "or", "not", "if", "then", "else", "true", "false", "unknown", "in", "is", "known",
    "where", "distinct", "by", "first", "match", "partial", "otherwise", "eligible", "achieved",
    "as", "of",
  ]

  // MARK: Text

  private func word(endingAt end: Int, in bytes: [UInt8]) -> String {
    var start = end
    while start > 0, Self.isWordByte(bytes[start - 1]) { start -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
      || byte == 0x5F
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || character == "_")
  }
}

import CredenceSyntax
import CredenceValues

extension ProgramChecker {
  // MARK: Policy headers

  /// The file's header; reports a missing, repeated or inconsistent header.
  func collectHeader(of file: FileSyntax) -> CheckedPolicy {
    var headers: [(PolicyHeader, Span)] = []
    for declaration in file.declarations {
      if case .policy(let header) = declaration.kind { headers.append((header, declaration.span)) }
    }
    guard let (header, span) = headers.first else {
      let start = file.declarations.first?.span.start ?? 0
      if !file.declarations.contains(where: { if case .invalid = $0.kind { true } else { false } })
      {
        error(
          .policyHeader, "this file has no policy header", at: .point(start, in: file.file),
          help: "start the file with `policy \"title\"` and its `authority`, `version` and "
            + "`effective` clauses")
      }
      return CheckedPolicy(file: file.file, title: "", span: .point(start, in: file.file))
    }
    for (_, extra) in headers.dropFirst() {
      error(
        .policyHeader, "a file holds one policy, but this is its second `policy` header",
        at: extra, labels: [.init("the first header is here", at: span)],
        help: "move the second policy to a file of its own")
    }
    var seen: [String: Span] = [:]
    for clause in header.clauses {
      let word: String =
        switch clause.kind {
        case .authority: "authority"
        case .version: "version"
        case .source: "source"
        case .effective: "effective"
        case .grades: "grades"
        }
      if let first = seen[word] {
        error(
          .policyHeader, "the header gives `\(word)` twice", at: clause.span,
          labels: [.init("first given here", at: first)], help: "keep one of the two")
      } else {
        seen[word] = clause.span
      }
    }
    var policy = CheckedPolicy(
      file: file.file, title: header.title.value, authority: header.authority?.value,
      version: header.version?.value, source: header.source?.value, span: span)
    if let (from, until) = header.effective {
      policy.effective = date(from)
      if let until {
        policy.until = date(until)
        if let start = policy.effective, let end = policy.until, end < start {
          error(
            .effectiveRangeReversed,
            "the policy ends (`until \(until.value)`) before it takes effect",
            at: until.span, labels: [.init("takes effect \(from.value)", at: from.span)],
            help: "`until` must be on or after `effective`; swap the two dates if they are "
              + "the wrong way round")
        }
      }
    }
    return policy
  }

  /// A date literal as a value; year 0 is outside the supported range.
  func date(_ literal: DateLiteral) -> CredenceValues.CivilDate? {
    let d = literal.value
    guard let value = CredenceValues.CivilDate(year: d.year, month: d.month, day: d.day) else {
      error(
        .invalidLiteral, "`\(d)` is outside the supported years 0001 to 9999",
        at: literal.span, help: "write a date from 0001-01-01 to 9999-12-31")
      return nil
    }
    return value
  }

  // MARK: Signatures

  /// Pass 2: scales, the scale each file reads grades on, declared types of facts, params
  /// and lets.
  func resolveSignatures() {
    scales = scaleDecls.enumerated().map { checkScale($1, id: ScaleID($0)) }
    resolveGradeScales()
    factTypes = factDecls.map { declared in
      let d = declared.syntax
      if LearnerField(rawValue: d.name.text) != nil {
        error(
          .factShadowsColumn,
          "`\(d.name.text)` is a column of the learners table, so it cannot be a fact",
          at: d.name.span,
          help: "read the column as `learner.\(d.name.text)`, or give the fact another name")
      }
      guard let type = resolveType(d.type) else { return .unknown }
      if !Self.isStorable(type) {
        error(
          .typeNotAllowed, "a fact cannot be of type `\(describe(type))`", at: d.type.span,
          help: "a fact is one value read from text: use Bool, Number, Percent, Money(…), "
            + "Text, Date, Duration or Grade(…)")
        return .unknown
      }
      return type
    }
    paramTypes = paramDecls.map { declared in
      guard let type = resolveType(declared.syntax.type) else { return .unknown }
      let allowed = Self.isStorable(type) || (type.elementType.map(Self.isStorable) ?? false)
      if !allowed {
        error(
          .typeNotAllowed, "a param cannot be of type `\(describe(type))`",
          at: declared.syntax.type.span,
          help: "a param is a figure of the rule: a value such as Money(SGD), Percent, "
            + "Number, Date, or a list of them")
        return .unknown
      }
      return type
    }
    letParameters = letDecls.map { declared in
      guard let parameters = declared.syntax.parameters else { return nil }
      var seen: [String: Span] = [:]
      return parameters.enumerated().map { index, parameter in
        if let first = seen[parameter.name.text] {
          error(
            .duplicateLocalName, "two parameters are named `\(parameter.name.text)`",
            at: parameter.name.span, labels: [.init("the first one", at: first)],
            help: "rename one of them")
        } else {
          seen[parameter.name.text] = parameter.name.span
        }
        return CheckedLet.Parameter(
          name: parameter.name.text, type: resolveType(parameter.type) ?? .unknown,
          slot: LocalSlot(index), span: parameter.name.span)
      }
    }
    letDeclaredTypes = letDecls.map { declared in
      declared.syntax.type.map { resolveType($0) ?? .unknown }
    }
  }

  /// Whether a value of `type` can be read from text (facts) or written as a literal.
  static func isStorable(_ type: ValueType) -> Bool {
    switch type {
    case .bool, .number, .percent, .money, .text, .date, .duration, .grade, .unknown: true
    case .list, .record, .decision: false
    }
  }

  /// Each file's `grades` scale, or its only scale.
  private func resolveGradeScales() {
    awardGrades = policies.map { _ in .text }
    var scalesOfFile: [FileID: [ScaleID]] = [:]
    for (index, declared) in scaleDecls.enumerated() {
      scalesOfFile[declared.file, default: []].append(ScaleID(index))
    }
    for file in files {
      guard let policy = policyOfFile[file.file] else { continue }
      if let name = file.header?.grades {
        if let scale = scale(named: name) {
          policies[policy.index].gradeScale = scale
          awardGrades[policy.index] = .scale(scale)
        } else {
          awardGrades[policy.index] = .broken
        }
        continue
      }
      let own = scalesOfFile[file.file] ?? []
      if own.count == 1 {
        policies[policy.index].gradeScale = own[0]
        awardGrades[policy.index] = .scale(own[0])
      } else {
        awardGrades[policy.index] = own.isEmpty ? .text : .ambiguous
      }
    }
  }

  /// The scale `name` names, or an error.
  func scale(named name: Name) -> ScaleID? {
    if case .scale(let id) = symbols[name.text] {
      used.insert(.scale(id))
      return id
    }
    let scaleNames = symbols.compactMap { key, value in
      if case .scale = value { key } else { nil }
    }
    if let other = symbols[name.text] {
      error(
        .unknownScale, "`\(name.text)` is a \(other.kindName), not a scale", at: name.span,
        help: suggestion(for: name.text, among: scaleNames) ?? "name a declared `scale`")
    } else if !mayBeDeclaredByInvalid(name.text) {
      error(
        .unknownScale, "there is no scale named `\(name.text)`", at: name.span,
        help: suggestion(for: name.text, among: scaleNames)
          ?? "declare it with `scale \(name.text): \"F\" < … < \"A\"`")
    }
    return nil
  }

  // MARK: Scales

  /// Validates a scale declaration, reporting each problem where it was written.
  private func checkScale(_ declared: Declared<ScaleDeclaration>, id: ScaleID) -> CheckedScale? {
    let d = declared.syntax
    var ok = true
    var seen: [String: Span] = [:]
    for grade in d.grades {
      if let first = seen[grade.label.value] {
        ok = false
        error(
          .invalidScale, "grade `\"\(grade.label.value)\"` appears twice in scale `\(d.name.text)`",
          at: grade.label.span, labels: [.init("first listed here", at: first)],
          help: "each grade is listed once, lowest first")
      } else {
        seen[grade.label.value] = grade.label.span
      }
    }
    var aliases: [String: String] = [:]
    for alias in d.aliases {
      if let grade = seen[alias.alias.value] {
        ok = false
        error(
          .invalidScale, "`\"\(alias.alias.value)\"` is already a grade of the scale",
          at: alias.alias.span, labels: [.init("listed here", at: grade)],
          help: "an alias is another mark that ranks as a grade; remove this alias")
      } else if seen[alias.grade.value] == nil {
        ok = false
        error(
          .invalidScale,
          "alias `\"\(alias.alias.value)\"` stands for `\"\(alias.grade.value)\"`, which is not a grade of the scale",
          at: alias.grade.span,
          help: closest(to: alias.grade.value, among: d.grades.map(\.label.value))
            .map { "did you mean `\"\($0)\"`?" } ?? "an alias must name one of the scale's grades")
      } else if aliases[alias.alias.value] != nil {
        ok = false
        error(
          .invalidScale, "alias `\"\(alias.alias.value)\"` is given twice", at: alias.alias.span,
          help: "keep one of the two")
      } else {
        aliases[alias.alias.value] = alias.grade.value
      }
    }
    let withPoints = d.grades.filter { $0.points != nil }
    if !withPoints.isEmpty, withPoints.count < d.grades.count,
      let missing = d.grades.first(where: { $0.points == nil })
    {
      ok = false
      error(
        .invalidScale, "grade `\"\(missing.label.value)\"` has no points, but other grades do",
        at: missing.label.span,
        help:
          "give points to every grade of the scale, or to none: `\"\(missing.label.value)\" points …`"
      )
    }
    var grades: [GradeScale.Grade] = []
    for grade in d.grades {
      var points: ExactDecimal?
      if let literal = grade.points {
        points = number(literal.value, at: literal.span)
        if points == nil { ok = false }
      }
      grades.append(GradeScale.Grade(grade.label.value, points: points))
    }
    guard ok, let scale = try? GradeScale(name: d.name.text, grades: grades, aliases: aliases)
    else { return nil }
    return CheckedScale(
      name: d.name.text, scale: scale, hasPoints: !withPoints.isEmpty,
      documentation: declared.documentation, span: d.name.span)
  }

  /// A written number as an exact decimal, or an error if it has too many digits.
  func number(_ text: DecimalText, at span: Span) -> ExactDecimal? {
    guard let value = ExactDecimal(parsing: text.description) else {
      error(
        .invalidLiteral, "`\(text)` has too many digits for an exact number", at: span,
        help: "numbers have at most \(ExactDecimal.maxDigits) digits, at most "
          + "\(ExactDecimal.maxScale) of them after the point")
      return nil
    }
    return value
  }

  // MARK: Types

  static let typeNames = [
    "Bool", "Number", "Percent", "Money", "Text", "Date", "Duration", "Grade", "List",
    "Learner", "Award", "Credential", "Enrolment", "LedgerEntry",
  ]

  /// A type annotation's type, or nil after reporting why it names none.
  func resolveType(_ syntax: TypeSyntax) -> ValueType? {
    let name = syntax.name.text
    func noArgument(_ type: ValueType) -> ValueType? {
      if let argument = syntax.argument {
        error(
          .unknownType, "`\(name)` takes no argument", at: argument.span,
          help: "write `\(name)` alone")
        return nil
      }
      return type
    }
    func argument(_ what: String, example: String) -> TypeSyntax? {
      guard let argument = syntax.argument else {
        error(
          .unknownType, "`\(name)` needs \(what)", at: syntax.span, help: "write `\(example)`")
        return nil
      }
      return argument
    }
    switch name {
    case "Bool": return noArgument(.bool)
    case "Number": return noArgument(.number)
    case "Percent": return noArgument(.percent)
    case "Text": return noArgument(.text)
    case "Date": return noArgument(.date)
    case "Duration": return noArgument(.duration)
    case "Learner": return noArgument(.record(.learner))
    case "Award": return noArgument(.record(.award))
    case "Credential": return noArgument(.record(.credential))
    case "Enrolment": return noArgument(.record(.enrolment))
    case "LedgerEntry": return noArgument(.record(.ledgerEntry))
    case "Money":
      guard let argument = argument("its currency", example: "Money(SGD)") else { return nil }
      guard argument.argument == nil else {
        error(
          .unknownType, "a currency takes no argument", at: argument.span,
          help: "write `Money(\(argument.name.text))`")
        return nil
      }
      return currency(argument.name.text, at: argument.span).map { .money($0) }
    case "Grade":
      guard let argument = argument("its scale", example: "Grade(letter)") else { return nil }
      return scale(named: argument.name).map { .grade($0) }
    case "List":
      guard let argument = argument("its element type", example: "List(Award)") else {
        return nil
      }
      return resolveType(argument).map { .list($0) }
    default:
      error(
        .unknownType, "there is no type named `\(name)`", at: syntax.name.span,
        help: suggestion(for: name, among: Self.typeNames)
          ?? "the types are \(alternatives(Self.typeNames.map { "`\($0)`" }, "and"))")
      return nil
    }
  }

  /// A currency code checked against ISO 4217.
  func currency(_ code: String, at span: Span) -> CurrencyCode? {
    guard Currencies.iso4217.contains(code), let value = CurrencyCode(parsing: code) else {
      error(
        .unknownCurrency, "`\(code)` is not an ISO 4217 currency code", at: span,
        help: suggestion(for: code, among: Currencies.iso4217.sorted())
          ?? "write a currency as its three-letter ISO 4217 code, such as `SGD` or `EUR`")
      return nil
    }
    return value
  }

  /// A type as policies write it, for messages.
  func describe(_ type: ValueType) -> String {
    TypeNames.describe(type) { [scaleDecls] in
      scaleDecls.indices.contains($0.index) ? scaleDecls[$0.index].syntax.name.text : "?"
    } decisionName: { [self] in
      decisionName($0)
    }
  }

  /// A type in backticks for messages (a decision reads "the fund `x`").
  func quoted(_ type: ValueType) -> String {
    if case .decision = type { return describe(type) }
    return "`\(describe(type))`"
  }

  func decisionName(_ id: DecisionID) -> String {
    switch id {
    case .stack(let s): stackDecls[s.index].syntax.name.text
    case .fund(let f): fundDecls[f.index].syntax.name.text
    case .equivalence(let e): equivalenceDecls[e.index].syntax.name.text
    }
  }
}

import CredenceSyntax
import CredenceValues

/// A field found on a type.
enum FieldResolution {
  case field(Field, ValueType)
  case fact(FactID, ValueType)
}

extension ProgramChecker {
  // MARK: Names

  /// Resolves a bare name: `it`, a field of an element in scope, a local, a declaration,
  /// `learner` or `as_of`, innermost first.
  func resolveName(_ name: Name, _ context: Context) -> TypedExpr {
    let text = name.text
    let span = name.span
    if text == "it" {
      guard let element = context.innermostElement else {
        error(
          .itOutsideElement, "`it` is only defined inside `where` and per-element arguments",
          at: span,
          help: "`it` is the current element in `xs where …` and in `count(xs, …)`, "
            + "`sum(xs, …)` and the other aggregates")
        return TypedExpr(.constant(.unknown), .unknown, span: span)
      }
      context.frame.markUsed(element.slot)
      return TypedExpr(.local(element.slot), element.type, span: span)
    }
    for (depth, entry) in context.scope.enumerated().reversed() {
      switch entry {
      case .element(let slot, let type):
        guard let resolution = field(of: type, named: text, at: span, context) else { continue }
        warnIfShadowing(name, field: type, outer: context.scope[..<depth])
        context.frame.markUsed(slot)
        let element = TypedExpr(.local(slot), type, span: span)
        return access(element, resolution, at: span, context)
      case .local(let local):
        guard local.name == text else { continue }
        if local.role == .rateItself {
          error(
            .rateSelfReference, "the fund's rate cannot be computed from itself", at: span,
            help: "`rate` inside the `rate` clause would need its own value; write the rate "
              + "from other values")
          return TypedExpr(.constant(.unknown), local.type, span: span)
        }
        context.frame.markUsed(local.slot)
        uses.locals.append((span, local))
        return TypedExpr(.local(local.slot), local.type, span: span)
      }
    }
    if let symbol = symbols[text] {
      return resolveSymbol(symbol, name, context)
    }
    switch text {
    case "learner":
      if context.isParamValue { return notInParam("`learner`", at: span) }
      return TypedExpr(.learner, .record(.learner), span: span)
    case "as_of":
      if context.isParamValue { return notInParam("`as_of`", at: span) }
      recordReadsDate(in: context)
      return TypedExpr(.asOf, .date, span: span)
    default:
      break
    }
    if Self.builtinFunctionNames.contains(text) {
      error(
        .wrongKindOfName, "`\(text)` is a function, so it needs arguments", at: span,
        help: "call it: `\(text)(…)`")
    } else if !mayBeDeclaredByInvalid(text) {
      error(
        .unknownName, "there is nothing named `\(text)`", at: span,
        help: suggestion(for: text, among: visibleNames(context))
          ?? "declare it with `let`, `param` or `fact`, or check its spelling")
    }
    return TypedExpr(.constant(.unknown), .unknown, span: span)
  }

  /// Every name a bare name could have meant here, for suggestions.
  func visibleNames(_ context: Context) -> [String] {
    var names: [String] = ["learner", "as_of"]
    for entry in context.scope {
      switch entry {
      case .local(let local): names.append(local.name)
      case .element(_, let type): names.append(contentsOf: fieldNames(of: type))
      }
    }
    names.append(contentsOf: symbols.keys.sorted())
    if context.innermostElement != nil { names.append("it") }
    return names
  }

  /// A field of an element hiding a declaration or an outer local: legal (the element is
  /// innermost), but worth a warning.
  private func warnIfShadowing(_ name: Name, field type: ValueType, outer: ArraySlice<ScopeEntry>) {
    var hidden: String?
    for entry in outer.reversed() {
      if case .local(let local) = entry, local.name == name.text {
        hidden = "the \(local.role == .column ? "example column" : "parameter") `\(name.text)`"
        break
      }
    }
    if hidden == nil, let symbol = symbols[name.text] {
      hidden = "the \(symbol.kindName) `\(name.text)`"
    }
    guard let hidden, shadowWarnings.insert(name.span).inserted else { return }
    warning(
      .fieldShadowsName,
      "`\(name.text)` here is the field of the \(noun(for: type)), not \(hidden)",
      at: name.span,
      help: "inside `where` the element's fields come first; rename the declaration, or write "
        + "`it.\(name.text)` to make the field explicit")
  }

  /// How an element of a type is called in messages: "award", "ledger row", "grade".
  func noun(for type: ValueType) -> String {
    switch type {
    case .record(.learner): "learner"
    case .record(.award): "award"
    case .record(.credential): "credential"
    case .record(.enrolment): "enrolment"
    case .record(.ledgerEntry): "ledger row"
    case .grade: "grade"
    default: "element"
    }
  }

  /// A declared name used as a value.
  func resolveSymbol(_ symbol: Symbol, _ name: Name, _ context: Context) -> TypedExpr {
    let span = name.span
    recordUse(symbol, at: span, in: context)
    if context.isParamValue {
      if case .param = symbol {
      } else {
        return notInParam("the \(symbol.kindName) `\(name.text)`", at: span)
      }
    }
    switch symbol {
    case .scale:
      error(
        .wrongKindOfName, "`\(name.text)` is a scale, not a value", at: span,
        help: "read a grade on it with `\(name.text)(\"…\")`, or name it in a type: "
          + "`Grade(\(name.text))`")
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    case .param(let id):
      // A param with one value since always is the same on every date.
      let d = paramDecls[id.index].syntax
      if !context.isParamValue, d.values.count > 1 || d.values.first?.from != nil {
        recordReadsDate(in: context)
      }
      return TypedExpr(.param(id), paramTypes[id.index], span: span)
    case .fact(let id):
      return TypedExpr(.fact(id), factTypes[id.index], span: span)
    case .let(let id):
      if let parameters = letParameters[id.index] {
        let list = parameters.map(\.name).joined(separator: ", ")
        error(
          .wrongKindOfName, "`\(name.text)` takes arguments (\(list))", at: span,
          help: "call it: `\(name.text)(\(list))`")
        return TypedExpr(.constant(.unknown), letType(id, at: span), span: span)
      }
      return TypedExpr(.value(id), letType(id, at: span), span: span)
    case .stack(let id):
      return TypedExpr(.decision(.stack(id)), .decision(.stack(id)), span: span)
    case .fund(let id):
      if let per = fundDecls[id.index].syntax.perEnrolment {
        error(
          .wrongKindOfName, "`\(name.text)` decides one enrolment at a time", at: span,
          help: "give the enrolment's id: `\(name.text)(\(per.binder.text).id)` or "
            + "`\(name.text)(\"E1\")`")
      }
      return TypedExpr(.decision(.fund(id)), .decision(.fund(id)), span: span)
    case .equivalence(let id):
      return TypedExpr(.decision(.equivalence(id)), .decision(.equivalence(id)), span: span)
    }
  }

  private func notInParam(_ what: String, at span: Span) -> TypedExpr {
    error(
      .paramNotConstant, "a param's value cannot use \(what)", at: span,
      help: "a param is a fixed figure of the rule (it may use other params); compute "
        + "learner-dependent values with `let`")
    return TypedExpr(.constant(.unknown), .unknown, span: span)
  }

  /// The type of a let, checking its body first if its type is inferred.
  ///
  /// Lets are checked in an order that puts a let after those its body mentions, so this
  /// rarely checks one on demand; when it must (names that form a cycle, really or only
  /// by spelling), it goes at most `inferenceDepthLimit` deep.
  func letType(_ id: LetID, at span: Span) -> ValueType {
    if let declared = letDeclaredTypes[id.index] { return declared }
    switch letStates[id.index] {
    case .done: return lets[id.index]?.type ?? .unknown
    case .inProgress: return .unknown  // a cycle, reported with the others
    case .pending:
      guard onDemandDepth < inferenceDepthLimit else {
        inferenceCutoffs.append((.let(id), span))
        return .unknown
      }
      onDemandDepth += 1
      defer { onDemandDepth -= 1 }
      checkLet(id)
      return lets[id.index]?.type ?? .unknown
    }
  }

  // MARK: Fields

  /// Whether values of a type have fields (records and grades).
  func hasFields(_ type: ValueType) -> Bool {
    switch type {
    case .record, .grade: true
    default: false
    }
  }

  /// Whether a value of `type` has the field `name` (without resolving or reporting).
  func hasField(_ type: ValueType, _ name: String) -> Bool {
    switch type {
    case .record(.learner):
      if LearnerField(rawValue: name) != nil { return true }
      if case .fact = symbols[name] { return true }
      return false
    case .record(.award): return AwardField(rawValue: name) != nil
    case .record(.credential): return CredentialField(rawValue: name) != nil
    case .record(.enrolment): return EnrolmentField(rawValue: name) != nil
    case .record(.ledgerEntry): return LedgerField(rawValue: name) != nil
    case .grade: return name == "mark"
    default: return false
    }
  }

  /// The fields a type has, for suggestions (only computed when something is misspelt).
  func fieldNames(of type: ValueType) -> [String] {
    switch type {
    case .record(.learner):
      LearnerField.allCases.map(\.rawValue)
        + symbols.compactMap { if case .fact = $1 { $0 } else { nil } }.sorted()
    case .record(.award): AwardField.allCases.map(\.rawValue)
    case .record(.credential): CredentialField.allCases.map(\.rawValue)
    case .record(.enrolment): EnrolmentField.allCases.map(\.rawValue)
    case .record(.ledgerEntry): LedgerField.allCases.map(\.rawValue)
    case .grade: ["mark"]
    default: []
    }
  }

  /// The field `name` of a value of `type`, if it has one.
  func field(of type: ValueType, named name: String, at span: Span, _ context: Context)
    -> FieldResolution?
  {
    let resolution = findField(of: type, named: name, at: span, context)
    if case .field(let field, let fieldType) = resolution {
      uses.fields.append((span, field, fieldType))
    }
    return resolution
  }

  private func findField(of type: ValueType, named name: String, at span: Span, _ context: Context)
    -> FieldResolution?
  {
    switch type {
    case .record(.learner):
      if let f = LearnerField(rawValue: name) { return .field(.learner(f), f.type) }
      if case .fact(let id) = symbols[name] { return .fact(id, factTypes[id.index]) }
      return nil
    case .record(.award):
      guard let f = AwardField(rawValue: name) else { return nil }
      return .field(
        .award(f), f.type(grade: f == .grade ? awardGradeType(at: span, context) : .text))
    case .record(.credential):
      return CredentialField(rawValue: name).map { .field(.credential($0), $0.type) }
    case .record(.enrolment):
      return EnrolmentField(rawValue: name).map { .field(.enrolment($0), $0.type) }
    case .record(.ledgerEntry):
      return LedgerField(rawValue: name).map { .field(.ledger($0), $0.type) }
    case .grade:
      return name == "mark" ? .field(.gradeMark, .text) : nil
    default:
      return nil
    }
  }

  /// The type of `award.grade` in the file being checked.
  private func awardGradeType(at span: Span, _ context: Context) -> ValueType {
    switch awardGrades[context.policy.index] {
    case .scale(let id): return .grade(id)
    case .text: return .text
    case .broken: return .unknown
    case .ambiguous:
      guard ambiguousGradeFiles.insert(context.file).inserted else { return .unknown }
      let names = scaleDecls.filter { $0.file == context.file }.map(\.syntax.name.text)
      if let first = names.first {
        error(
          .unknownScale, "this file declares several scales, so award grades have none",
          at: span,
          help: "name the scale award grades are read on in the policy header, such as "
            + "`grades \(first)` (this file declares \(alternatives(names.map { "`\($0)`" }, "and")))"
        )
      }
      return .unknown
    }
  }

  /// `base.field` once the field is found.
  func access(_ base: TypedExpr, _ resolution: FieldResolution, at span: Span, _ context: Context)
    -> TypedExpr
  {
    switch resolution {
    case .field(let f, let type):
      return TypedExpr(.field(base, f), type, span: span)
    case .fact(let id, let type):
      recordUse(.fact(id), at: span, in: context)
      return TypedExpr(.fact(id), type, span: span)
    }
  }

  /// `base.name`: a record's field, a projection over a list of records, a grade's mark, a
  /// decision's value.
  func checkMember(_ baseSyntax: Expr, _ name: Name, at span: Span, _ context: Context)
    -> TypedExpr
  {
    let base = check(baseSyntax, context)
    switch base.type {
    case .unknown:
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    case .decision(let id):
      return decisionField(base, id, name, at: span)
    case .list(let element) where hasFields(element):
      guard let resolution = field(of: element, named: name.text, at: name.span, context) else {
        return unknownField(name, of: element, inListOf: true)
      }
      switch resolution {
      case .field(let f, let type):
        return TypedExpr(.projection(base, f), .list(type), span: span)
      case .fact:
        return unknownField(name, of: element, inListOf: true)
      }
    default:
      guard hasFields(base.type) else {
        error(
          .unknownField, "\(quoted(base.type)) has no fields, so it has no `\(name.text)`",
          at: name.span,
          help: "fields belong to records (a learner, an award, …), grades and decisions")
        return TypedExpr(.constant(.unknown), .unknown, span: span)
      }
      guard let resolution = field(of: base.type, named: name.text, at: name.span, context) else {
        return unknownField(name, of: base.type, inListOf: false)
      }
      return access(base, resolution, at: span, context)
    }
  }

  private func unknownField(_ name: Name, of type: ValueType, inListOf: Bool) -> TypedExpr {
    let message =
      inListOf
      ? "the elements of this list are \(quoted(type)), which has no field `\(name.text)`"
      : "\(quoted(type)) has no field `\(name.text)`"
    let candidates = fieldNames(of: type)
    error(
      .unknownField, message, at: name.span,
      help: suggestion(for: name.text, among: candidates)
        ?? "the fields are \(alternatives(candidates.map { "`\($0)`" }, "and"))")
    return TypedExpr(.constant(.unknown), .unknown, span: name.span)
  }

  /// A value a decision reports.
  private func decisionField(_ base: TypedExpr, _ id: DecisionID, _ name: Name, at span: Span)
    -> TypedExpr
  {
    let available: [DecisionField]
    let kind: String
    switch id {
    case .stack:
      available = [.credits, .used, .missing]
      kind = "a stack"
    case .fund(let fund):
      let syntax = fundDecls[fund.index].syntax
      available = (syntax.amount != nil ? [.amount] : []) + (syntax.rate != nil ? [.rate] : [])
      kind = "this fund"
      if let f = DecisionField(rawValue: name.text), f == .amount || f == .rate,
        !available.contains(f)
      {
        error(
          .unknownField, "the fund `\(decisionName(id))` has no `\(f.rawValue)` clause",
          at: name.span, help: "give the fund a `\(f.rawValue) …` clause, or ask for its status")
        return TypedExpr(.constant(.unknown), .unknown, span: span)
      }
    case .equivalence:
      available = [.credits, .granted, .used]
      kind = "an equivalence"
    }
    guard let f = DecisionField(rawValue: name.text), available.contains(f) else {
      let names = available.map(\.rawValue)
      error(
        .unknownField, "\(kind) reports no `\(name.text)`", at: name.span,
        help: suggestion(for: name.text, among: names)
          ?? (names.isEmpty
            ? "ask for its status instead: `\(decisionName(id)) is eligible`"
            : "\(kind) reports \(alternatives(names.map { "`\($0)`" }, "and"))"))
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    let type: ValueType =
      switch f {
      case .credits: .number
      case .used: .list(.record(.award))
      case .missing, .granted: .list(.text)
      case .rate: .percent
      case .amount:
        if case .fund(let fund) = id { .money(fundCurrency(fund, at: name.span)) } else { .unknown }
      }
    return TypedExpr(.decisionField(base, f), type, span: span)
  }

  // MARK: Status

  func checkStatus(_ baseSyntax: Expr, _ status: DecisionStatus, at span: Span, _ context: Context)
    -> TypedExpr
  {
    let base = check(baseSyntax, context)
    let result = TypedExpr(.status(base, status), .bool, span: span)
    guard case .decision(let id) = base.type else {
      if base.type != .unknown {
        error(
          .invalidStatus,
          "`is \(status.rawValue)` asks about a decision, but this is \(quoted(base.type))",
          at: base.span,
          help: "`is` tests the status of a stack, fund or equivalence; compare other values "
            + "with `==`")
      }
      return result
    }
    let statuses: [DecisionStatus]
    let kind: String
    switch id {
    case .fund:
      statuses = [.eligible, .ineligible, .undetermined, .notInEffect, .error]
      kind = "a fund"
    case .stack:
      statuses = [.achieved, .notAchieved, .undetermined, .notInEffect, .error]
      kind = "a stack"
    case .equivalence:
      statuses = [.achieved, .notAchieved, .undetermined, .notInEffect, .error]
      kind = "an equivalence"
    }
    if !statuses.contains(status) {
      error(
        .invalidStatus, "\(kind) is never `\(status.rawValue)`", at: span,
        help: "\(kind) is \(alternatives(statuses.map { "`\($0.rawValue)`" }))")
    }
    return result
  }

  // MARK: as of

  /// `p as of d`: a param read on another date.
  func checkAsOf(_ baseSyntax: Expr, date dateSyntax: Expr, at span: Span, _ context: Context)
    -> TypedExpr
  {
    let date = check(dateSyntax, context)
    let day = require(date, .date) { "the date after `as of` must be a `Date`, but this is \($0)" }
    if case .name(let name) = baseSyntax.withoutParentheses.kind,
      case .param(let id) = symbols[name.text], !isLocal(name.text, context)
    {
      recordUse(.param(id), at: name.span, in: context)
      return TypedExpr(.paramOn(id, date: day), paramTypes[id.index], span: span)
    }
    let base = check(baseSyntax, context)
    if base.type != .unknown {
      error(
        .wrongKindOfName, "only a param can be read `as of` a date", at: base.span,
        help: "`as of` reads a param's value on another date, as in `rate as of e.start_on`")
    }
    return TypedExpr(.constant(.unknown), .unknown, span: span)
  }

  /// Whether a bare `name` would resolve to a local or an element's field here.
  func isLocal(_ name: String, _ context: Context) -> Bool {
    for entry in context.scope {
      switch entry {
      case .local(let local) where local.name == name: return true
      case .element(_, let type) where hasField(type, name): return true
      default: continue
      }
    }
    return false
  }

  // MARK: Calls

  /// `f(args)`: a let function, a per-enrolment fund, a scale read, or a built-in.
  func checkCall(_ name: Name, _ arguments: [Expr], at span: Span, _ context: Context)
    -> TypedExpr
  {
    if isLocal(name.text, context) {
      _ = resolveName(name, context)  // counts as a use
      arguments.forEach { _ = check($0, context) }
      error(
        .wrongKindOfName, "`\(name.text)` here is a value, not a function", at: name.span,
        help: "only `let`s with parameters, per-enrolment funds, scales and built-ins can be "
          + "called")
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    guard let symbol = symbols[name.text] else {
      if Self.builtinFunctionNames.contains(name.text) {
        return checkBuiltin(name, arguments, at: span, context)
      }
      arguments.forEach { _ = check($0, context) }
      if !mayBeDeclaredByInvalid(name.text) {
        let functions =
          Array(Self.builtinFunctionNames)
          + symbols.compactMap { key, value in
            switch value {
            case .let, .fund, .scale: key
            default: nil
            }
          }
        error(
          .unknownName, "there is no function named `\(name.text)`", at: name.span,
          help: suggestion(for: name.text, among: functions.sorted())
            ?? "declare it with `let \(name.text)(…) = …`, or check its spelling")
      }
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
    recordUse(symbol, at: name.span, in: context)
    if context.isParamValue {
      arguments.forEach { _ = check($0, context) }
      return notInParam("the \(symbol.kindName) `\(name.text)`", at: name.span)
    }
    switch symbol {
    case .let(let id):
      guard let parameters = letParameters[id.index] else {
        arguments.forEach { _ = check($0, context) }
        error(
          .wrongKindOfName, "`\(name.text)` takes no arguments", at: span,
          help: "write `\(name.text)` without parentheses")
        return TypedExpr(.constant(.unknown), letType(id, at: span), span: span)
      }
      let typed = arguments.map { check($0, context) }
      guard typed.count == parameters.count else {
        error(
          .wrongArgumentCount,
          "`\(name.text)` takes \(count(parameters.count, "argument")), but this call gives \(typed.count)",
          at: span,
          help: "call it as `\(name.text)(\(parameters.map(\.name).joined(separator: ", ")))`")
        return TypedExpr(.constant(.unknown), letType(id, at: span), span: span)
      }
      let converted = zip(typed, parameters).map { argument, parameter in
        require(argument, parameter.type) {
          "`\(parameter.name)` of `\(name.text)` is \(quoted(parameter.type)), but this is \($0)"
        }
      }
      return TypedExpr(.call(id, arguments: converted), letType(id, at: span), span: span)
    case .fund(let id):
      let typed = arguments.map { check($0, context) }
      guard fundDecls[id.index].syntax.perEnrolment != nil else {
        error(
          .wrongKindOfName, "`\(name.text)` decides once per learner, so it takes no enrolment",
          at: span, help: "write `\(name.text)` without parentheses")
        return TypedExpr(.decision(.fund(id)), .decision(.fund(id)), span: span)
      }
      guard typed.count == 1 else {
        error(
          .wrongArgumentCount,
          "`\(name.text)` takes one argument, the enrolment's id, but this call gives \(typed.count)",
          at: span, help: "write `\(name.text)(e.id)` or `\(name.text)(\"E1\")`")
        return TypedExpr(.constant(.unknown), .decision(.fund(id)), span: span)
      }
      let enrolment = require(typed[0], .text) {
        "an enrolment id is `Text`, but this is \($0)"
      }
      return TypedExpr(.claim(id, enrolmentID: enrolment), .decision(.fund(id)), span: span)
    case .scale(let id):
      let typed = arguments.map { check($0, context) }
      guard typed.count == 1 else {
        error(
          .wrongArgumentCount,
          "`\(name.text)` reads one mark as a grade, but this call gives \(typed.count) arguments",
          at: span, help: "write `\(name.text)(\"B+\")`")
        return TypedExpr(.constant(.unknown), .grade(id), span: span)
      }
      if case .constant(.text(let mark)) = typed[0].node {
        let literal = gradeLiteral(mark, on: id, at: typed[0].span)
        return TypedExpr(literal.node, .grade(id), span: span)
      }
      let mark = require(typed[0], .text) {
        "a mark to read as a grade is `Text`, but this is \($0)"
      }
      return TypedExpr(.builtin(.readGrade(id), arguments: [mark]), .grade(id), span: span)
    case .param, .fact, .stack, .equivalence:
      arguments.forEach { _ = check($0, context) }
      error(
        .wrongKindOfName, "`\(name.text)` is a \(symbol.kindName), not a function", at: name.span,
        help: "write `\(name.text)` without parentheses")
      return TypedExpr(.constant(.unknown), .unknown, span: span)
    }
  }

  /// "1 argument", "3 arguments".
  func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

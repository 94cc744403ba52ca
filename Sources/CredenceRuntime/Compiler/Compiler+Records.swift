import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// Reads one field of a record value.
typealias FieldReader = @Sendable (Machine, Value) throws(EvaluationFailure) -> Value

extension Compiler {
  func compileField(_ expr: TypedExpr, _ record: TypedExpr, _ field: Field) -> CompiledExpr {
    let child = compile(record)
    let code = child.code
    let read = reader(for: field, type: expr.type)
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in try read(m, try code(m)) }, expr: expr,
      children: [child])
  }

  func compileProjection(_ expr: TypedExpr, _ list: TypedExpr, _ field: Field) -> CompiledExpr {
    let child = compile(list)
    let code = child.code
    let read = reader(for: field, type: expr.type.elementType ?? .unknown)
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        guard case .list(let list) = try code(m) else { return .unknown }
        try m.step(list.count, at: span)
        var elements: [Value] = []
        elements.reserveCapacity(list.count)
        for element in list.elements { elements.append(try read(m, element)) }
        return .list(ValueList(elements, uncertain: list.uncertain))
      }, expr: expr, children: [child])
  }

  func compileDecisionField(_ expr: TypedExpr, _ decision: TypedExpr, _ field: DecisionField)
    -> CompiledExpr
  {
    let child = compile(decision)
    let code = child.code
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        guard case .decision(let outcome) = try code(m) else { return .unknown }
        if outcome.status == .error {
          // A rule that reads a failed decision's values fails with it, naming both.
          throw EvaluationFailure(
            "this uses a decision that could not be made: "
              + (outcome.failure?.message ?? "it is an error"), at: outcome.failure?.span ?? span)
        }
        switch field {
        case .amount: return outcome.amount
        case .rate: return outcome.rate
        case .credits: return outcome.credits
        case .granted: return outcome.granted
        case .used: return outcome.used
        case .missing: return outcome.missing
        }
      }, expr: expr, children: [child])
  }

  /// The reader of `field`; `type` is the access's static type (it says which scale an
  /// award's grade is read on).
  func reader(for field: Field, type: ValueType) -> FieldReader {
    switch field {
    case .learner(let f): return learnerReader(f)
    case .fact(let id):
      let index = id.index
      return { m, record throws(EvaluationFailure) in
        guard case .record(.learner) = record else { return .unknown }
        return try m.fact(index)
      }
    case .award(let f): return awardReader(f, type: type)
    case .credential(let f): return credentialReader(f)
    case .enrolment(let f): return enrolmentReader(f)
    case .ledger(let f): return ledgerReader(f)
    case .gradeMark:
      return { _, value in
        switch value {
        case .grade(let grade): .text(grade.mark)
        case .text: value
        default: .unknown
        }
      }
    }
  }

  private func learnerReader(_ field: LearnerField) -> FieldReader {
    func text(_ read: @escaping @Sendable (Learner) -> String?) -> FieldReader {
      { m, record in
        guard case .record(.learner) = record else { return .unknown }
        return read(m.learner).map(Value.text) ?? .unknown
      }
    }
    switch field {
    case .id: return text { $0.id.text }
    case .name: return text { $0.name }
    case .citizenship: return text { $0.citizenship }
    case .residency: return text { $0.residency }
    case .birthDate:
      return { m, record in
        guard case .record(.learner) = record else { return .unknown }
        return m.learner.birthDate.map(Value.date) ?? .unknown
      }
    case .awards:
      return { m, record in
        guard case .record(.learner) = record else { return .unknown }
        return m.awardsValue
      }
    case .enrolments:
      return { m, record in
        guard case .record(.learner) = record else { return .unknown }
        return .list(ValueList(m.learner.enrolments.indices.map { .record(.enrolment(Int32($0))) }))
      }
    case .ledger:
      return { m, record in
        guard case .record(.learner) = record else { return .unknown }
        m.readLedger = true
        return .list(ValueList(m.learner.ledger.indices.map { .record(.ledger(Int32($0))) }))
      }
    }
  }

  /// One reader per field, chosen here, so a read touches only the field it needs.
  /// Scales with at most this many grades and aliases find a mark's rank by comparing it
  /// with each in turn rather than by hashing it.
  static let gradesSearchedInOrder = 24

  private func awardReader(_ field: AwardField, type: ValueType) -> FieldReader {
    func read(_ body: @escaping @Sendable (Machine, Int) -> Value) -> FieldReader {
      { m, record in
        guard case .record(.award(let index)) = record else { return .unknown }
        return body(m, Int(index))
      }
    }
    switch field {
    case .id: return read { m, i in .text(m.learner.awards[i].id) }
    case .credentialCode: return read { m, i in .text(m.learner.awards[i].credential.code) }
    case .credential: return read { _, i in .record(.awardCredential(Int32(i))) }
    case .awardedOn:
      return read { m, i in m.learner.awards[i].awardedOn.map(Value.date) ?? .unknown }
    case .expiresOn:
      return read { m, i in m.learner.awards[i].expiresOn.map(Value.date) ?? .unknown }
    case .score: return read { m, i in m.learner.awards[i].score.map(Value.number) ?? .unknown }
    case .status: return read { _, _ in .text("valid") }
    case .source: return read { m, i in m.learner.awards[i].source.map(Value.text) ?? .unknown }
    case .grade:
      guard case .grade(let id) = type else {
        return read { m, i in m.learner.awards[i].grade.map(Value.text) ?? .unknown }
      }
      let scale = id.index
      let rankOf = gradeRanker(id)
      return read { m, i in
        guard let mark = m.learner.awards[i].grade else { return .unknown }
        return .grade(GradeValue(scale: scale, rank: rankOf(mark), mark: mark))
      }
    }
  }

  /// A mark's rank on scale `id` (nil when it is not on the scale).
  func gradeRanker(_ id: ScaleID) -> @Sendable (String) -> Int? {
    let grades = program[id].scale
    // A scale has a handful of grades: comparing the (short) marks costs less than hashing
    // one, and every award's grade is read by every pool condition that tests it.
    let names = grades.grades.map(\.name) + grades.aliases.keys.sorted()
    let table = names.compactMap { name in grades.rank(of: name).map { (name, $0) } }
    guard table.count <= Self.gradesSearchedInOrder else { return { grades.rank(of: $0) } }
    return { mark in table.first { $0.0 == mark }?.1 }
  }

  private func credentialReader(_ field: CredentialField) -> FieldReader {
    func read(_ body: @escaping @Sendable (borrowing Credential) -> Value) -> FieldReader {
      { m, record in
        switch record {
        case .record(.awardCredential(let index)):
          return body(m.learner.awards[Int(index)].credential)
        case .record(.enrolmentCredential(let index)):
          return body(m.learner.enrolments[Int(index)].credential)
        default:
          return .unknown
        }
      }
    }
    switch field {
    case .code: return read { .text($0.code) }
    case .title: return read { $0.title.map(Value.text) ?? .unknown }
    case .provider: return read { $0.provider.map(Value.text) ?? .unknown }
    case .type: return read { $0.type.map(Value.text) ?? .unknown }
    case .credits: return read { $0.credits.map(Value.number) ?? .unknown }
    case .creditSystem: return read { $0.creditSystem.map(Value.text) ?? .unknown }
    case .level: return read { $0.level.map(Value.number) ?? .unknown }
    case .field: return read { $0.field.map(Value.text) ?? .unknown }
    case .hours: return read { $0.hours.map(Value.number) ?? .unknown }
    case .fee: return read { $0.fee.map(Value.money) ?? .unknown }
    case .currency: return read { $0.fee.map { .text($0.currency.description) } ?? .unknown }
    case .tags: return read { .list(ValueList($0.tags.map(Value.text))) }
    }
  }

  private func enrolmentReader(_ field: EnrolmentField) -> FieldReader {
    func read(_ body: @escaping @Sendable (Machine, Int) -> Value) -> FieldReader {
      { m, record in
        guard case .record(.enrolment(let index)) = record else { return .unknown }
        return body(m, Int(index))
      }
    }
    switch field {
    case .id: return read { m, i in .text(m.learner.enrolments[i].id) }
    case .credentialCode: return read { m, i in .text(m.learner.enrolments[i].credential.code) }
    case .credential: return read { _, i in .record(.enrolmentCredential(Int32(i))) }
    case .startOn:
      return read { m, i in m.learner.enrolments[i].startOn.map(Value.date) ?? .unknown }
    case .endOn: return read { m, i in m.learner.enrolments[i].endOn.map(Value.date) ?? .unknown }
    case .fee: return read { m, i in m.learner.enrolments[i].fee.map(Value.money) ?? .unknown }
    case .currency:
      return read { m, i in
        m.learner.enrolments[i].fee.map { .text($0.currency.description) } ?? .unknown
      }
    case .status: return read { m, i in m.learner.enrolments[i].status.map(Value.text) ?? .unknown }
    }
  }

  private func ledgerReader(_ field: LedgerField) -> FieldReader {
    func read(_ body: @escaping @Sendable (Machine, Int) -> Value) -> FieldReader {
      { m, record in
        guard case .record(.ledger(let index)) = record else { return .unknown }
        return body(m, Int(index))
      }
    }
    switch field {
    case .id:
      return read { m, i in
        m.learner.ledger[i].id.map { .number(ExactDecimal(Int($0))) } ?? .unknown
      }
    case .scheme: return read { m, i in m.learner.ledger[i].scheme.map(Value.text) ?? .unknown }
    case .amount: return read { m, i in m.learner.ledger[i].amount.map(Value.money) ?? .unknown }
    case .currency:
      return read { m, i in
        m.learner.ledger[i].amount.map { .text($0.currency.description) } ?? .unknown
      }
    case .postedOn: return read { m, i in m.learner.ledger[i].postedOn.map(Value.date) ?? .unknown }
    case .expiresOn:
      return read { m, i in m.learner.ledger[i].expiresOn.map(Value.date) ?? .unknown }
    case .memo: return read { m, i in m.learner.ledger[i].memo.map(Value.text) ?? .unknown }
    }
  }
}

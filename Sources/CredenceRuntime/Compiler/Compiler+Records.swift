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
    { m, record in
      guard case .record(.learner) = record else { return .unknown }
      let learner = m.learner
      switch field {
      case .id: return .text(learner.id)
      case .name: return learner.name.map(Value.text) ?? .unknown
      case .birthDate: return learner.birthDate.map(Value.date) ?? .unknown
      case .citizenship: return learner.citizenship.map(Value.text) ?? .unknown
      case .residency: return learner.residency.map(Value.text) ?? .unknown
      case .awards:
        return .list(ValueList(learner.awards.indices.map { .record(.award(Int32($0))) }))
      case .enrolments:
        return .list(ValueList(learner.enrolments.indices.map { .record(.enrolment(Int32($0))) }))
      case .ledger:
        return .list(ValueList(learner.ledger.indices.map { .record(.ledger(Int32($0))) }))
      }
    }
  }

  private func awardReader(_ field: AwardField, type: ValueType) -> FieldReader {
    var scale: (index: Int, grades: GradeScale)?
    if case .grade(let id) = type { scale = (id.index, program[id].scale) }
    let gradeScale = scale
    return { m, record in
      guard case .record(.award(let index)) = record else { return .unknown }
      let award = m.learner.awards[Int(index)]
      switch field {
      case .id: return .text(award.id)
      case .credentialCode: return .text(award.credential.code)
      case .credential: return .record(.awardCredential(index))
      case .awardedOn: return award.awardedOn.map(Value.date) ?? .unknown
      case .expiresOn: return award.expiresOn.map(Value.date) ?? .unknown
      case .grade:
        guard let mark = award.grade else { return .unknown }
        guard let gradeScale else { return .text(mark) }
        return .grade(
          GradeValue(scale: gradeScale.index, rank: gradeScale.grades.rank(of: mark), mark: mark))
      case .score: return award.score.map(Value.number) ?? .unknown
      case .status: return .text("valid")
      case .source: return award.source.map(Value.text) ?? .unknown
      }
    }
  }

  private func credentialReader(_ field: CredentialField) -> FieldReader {
    { m, record in
      let credential: CredentialRow
      switch record {
      case .record(.awardCredential(let index)):
        credential = m.learner.awards[Int(index)].credential
      case .record(.enrolmentCredential(let index)):
        credential = m.learner.enrolments[Int(index)].credential
      default: return .unknown
      }
      switch field {
      case .code: return .text(credential.code)
      case .title: return credential.title.map(Value.text) ?? .unknown
      case .provider: return credential.provider.map(Value.text) ?? .unknown
      case .type: return credential.type.map(Value.text) ?? .unknown
      case .credits: return credential.credits.map(Value.number) ?? .unknown
      case .creditSystem: return credential.creditSystem.map(Value.text) ?? .unknown
      case .level: return credential.level.map(Value.number) ?? .unknown
      case .field: return credential.field.map(Value.text) ?? .unknown
      case .hours: return credential.hours.map(Value.number) ?? .unknown
      case .fee: return credential.fee.map(Value.money) ?? .unknown
      case .currency: return credential.fee.map { .text($0.currency.description) } ?? .unknown
      case .tags: return .list(ValueList(credential.tags.map(Value.text)))
      }
    }
  }

  private func enrolmentReader(_ field: EnrolmentField) -> FieldReader {
    { m, record in
      guard case .record(.enrolment(let index)) = record else { return .unknown }
      let enrolment = m.learner.enrolments[Int(index)]
      switch field {
      case .id: return .text(enrolment.id)
      case .credentialCode: return .text(enrolment.credential.code)
      case .credential: return .record(.enrolmentCredential(index))
      case .startOn: return enrolment.startOn.map(Value.date) ?? .unknown
      case .endOn: return enrolment.endOn.map(Value.date) ?? .unknown
      case .fee: return enrolment.fee.map(Value.money) ?? .unknown
      case .currency: return enrolment.fee.map { .text($0.currency.description) } ?? .unknown
      case .status: return enrolment.status.map(Value.text) ?? .unknown
      }
    }
  }

  private func ledgerReader(_ field: LedgerField) -> FieldReader {
    { m, record in
      guard case .record(.ledger(let index)) = record else { return .unknown }
      let row = m.learner.ledger[Int(index)]
      switch field {
      case .id: return row.id.map { .number(ExactDecimal(Int($0))) } ?? .unknown
      case .scheme: return row.scheme.map(Value.text) ?? .unknown
      case .amount: return row.amount.map(Value.money) ?? .unknown
      case .currency: return row.amount.map { .text($0.currency.description) } ?? .unknown
      case .postedOn: return row.postedOn.map(Value.date) ?? .unknown
      case .expiresOn: return row.expiresOn.map(Value.date) ?? .unknown
      case .memo: return row.memo.map(Value.text) ?? .unknown
      }
    }
  }
}

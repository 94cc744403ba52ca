import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// Comparisons of a field of the award a pool condition is testing (`grade >= "B"`,
/// `awarded_on > as_of - 4 years`, `credential.type in ["course", "module"]`), read in
/// place: the award's index straight from the local, the grade's rank, the date's day number
/// or the text straight from the record, with no field value made and freed per award. Each
/// gives exactly what the general field read and comparison give (FusedAwardReadTests
/// compiles programs both ways and compares).
extension Compiler {
  /// The local slot when `expr` is `local.field` of an award's `field`.
  private func awardField(_ expr: TypedExpr) -> (slot: Int, field: AwardField)? {
    guard case .field(let record, .award(let field)) = expr.node,
      case .local(let slot) = record.node
    else { return nil }
    return (slot.index, field)
  }

  /// The fused form of `left op right`, or nil when it has none. `l` and `r` are the sides
  /// compiled (kept as children, for explanations).
  func fusedAwardComparison(
    _ expr: TypedExpr, _ comparison: Comparison, _ left: TypedExpr, _ l: CompiledExpr,
    _ r: CompiledExpr
  ) -> CompiledExpr? {
    guard fusesAwardReads, let (slot, field) = awardField(left) else { return nil }
    let op = comparison.op
    switch (field, comparison.domain) {
    case (.grade, .grade):
      // Ordered against a ranked grade of the same scale (else the general paths decide).
      guard op != .equal, op != .notEqual, case .grade(let id) = left.type,
        case .grade(let bound)? = r.constant, bound.isRanked,
        Int32(truncatingIfNeeded: id.index) == bound.scale
      else { return nil }
      let rankOf = gradeRanker(id)
      let limit = bound.rank
      return CompiledExpr(
        code: { m in
          guard case .record(.award(let index)) = m.local(slot),
            let mark = m.learner.awards[Int(index)].grade
          else { return .unknown }
          let rank = Int32(truncatingIfNeeded: rankOf(mark) ?? -1)
          guard rank >= 0 else { return .unknown }
          return .bool(Self.holds(op, rank, limit))
        }, expr: expr, children: [l, r])
    case (.awardedOn, .date), (.expiresOn, .date):
      let awarded = field == .awardedOn
      @Sendable @inline(__always) func day(_ m: Machine) -> Int32? {
        guard case .record(.award(let index)) = m.local(slot) else { return nil }
        let award = Int(index)
        return (awarded ? m.learner.awards[award].awardedOn : m.learner.awards[award].expiresOn)?
          .dayNumber
      }
      if case .date(let bound)? = r.constant {
        let limit = bound.dayNumber
        return CompiledExpr(
          code: { m in
            guard let x = day(m) else { return .unknown }
            return .bool(Self.holds(op, x, limit))
          }, expr: expr, children: [l, r])
      }
      let rc = r.code
      return CompiledExpr(
        code: { m throws(EvaluationFailure) in
          let x = day(m)
          guard case .date(let y) = try rc(m), let x else { return .unknown }
          return .bool(Self.holds(op, x, y.dayNumber))
        }, expr: expr, children: [l, r])
    default:
      return nil
    }
  }

  /// The fused form of `local.credential.field in [texts]` (a constant list of texts), or
  /// nil: the credential's text read in place rather than through two field values.
  func fusedCredentialTextIn(
    _ expr: TypedExpr, _ element: TypedExpr, _ e: CompiledExpr, _ l: CompiledExpr,
    texts: Set<String>, negated: Bool
  ) -> CompiledExpr? {
    guard fusesAwardReads, case .field(let credential, .credential(let field)) = element.node,
      let (slot, awardField) = awardField(credential), awardField == .credential
    else { return nil }
    let textOf: @Sendable (Credential) -> String?
    switch field {
    case .code: textOf = { $0.code }
    case .title: textOf = { $0.title }
    case .provider: textOf = { $0.provider }
    case .type: textOf = { $0.type }
    case .creditSystem: textOf = { $0.creditSystem }
    case .field: textOf = { $0.field }
    default: return nil
    }
    let span = expr.span
    return CompiledExpr(
      code: { m throws(EvaluationFailure) in
        guard case .record(.award(let index)) = m.local(slot),
          let text = textOf(m.learner.awards[Int(index)].credential)
        else { return .unknown }
        try m.stepForText(bytes: text.utf8.count, at: span)
        return .bool(texts.contains(text) != negated)
      }, expr: expr, children: [e, l])
  }
}

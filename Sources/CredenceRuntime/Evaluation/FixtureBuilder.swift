import CredenceRecords
import CredenceSemantics
import CredenceSyntax
import CredenceValues

/// Builds the learner a test describes from its fixtures, and the facts it gives typed. Fields
/// left out are unknown; an award or enrolment whose credential is not given gets a catalogue
/// entry with only its code. The credentials given (`given credential`) are also the test's
/// catalogue, which `expect path` plans over.
struct FixtureBuilder {
  let compiler: Compiler
  let machine: Machine

  func build(_ fixtures: [CheckedFixture]) throws(EvaluationFailure) -> (
    learner: Learner, facts: GivenFacts, catalogue: [Credential]
  ) {
    var learner = Learner(id: "learner-1")
    var facts = GivenFacts()
    var credentials: [String: Credential] = [:]
    var awards: [(fields: [FixtureField: Value], span: Span)] = []
    var enrolments: [[FixtureField: Value]] = []
    for fixture in fixtures {
      var fields: [FixtureField: Value] = [:]
      for given in fixture.values {
        fields[given.field] = try compiler.compile(given.value).code(machine)
      }
      switch fixture.kind {
      case .learner:
        if case .text(let id)? = fields[.learner(.id)] { learner.id = LearnerID(id) }
        learner.name = text(fields[.learner(.name)])
        learner.birthDate = date(fields[.learner(.birthDate)])
        learner.citizenship = text(fields[.learner(.citizenship)])
        learner.residency = text(fields[.learner(.residency)])
      case .credential:
        guard let code = text(fields[.credential(.code)]) else { continue }
        credentials[code] = Credential(
          code: code, title: text(fields[.credential(.title)]),
          provider: text(fields[.credential(.provider)]), type: text(fields[.credential(.type)]),
          credits: number(fields[.credential(.credits)]),
          creditSystem: text(fields[.credential(.creditSystem)]),
          level: number(fields[.credential(.level)]), field: text(fields[.credential(.field)]),
          hours: number(fields[.credential(.hours)]), fee: money(fields[.credential(.fee)]),
          tags: texts(fields[.credential(.tags)]))
      case .award:
        awards.append((fields, fixture.span))
      case .enrolment:
        enrolments.append(fields)
      case .ledgerEntry:
        var id: Int64?
        if case .number(let n)? = fields[.ledger(.id)], let whole = n.intValue { id = Int64(whole) }
        learner.ledger.append(
          LedgerEntry(
            id: id ?? Int64(learner.ledger.count + 1), scheme: text(fields[.ledger(.scheme)]),
            amount: money(fields[.ledger(.amount)]), postedOn: date(fields[.ledger(.postedOn)]),
            expiresOn: date(fields[.ledger(.expiresOn)]), memo: text(fields[.ledger(.memo)])))
      case .fact(let id):
        facts[fact: id.index] = fields[.fact] ?? .unknown
      }
    }
    func credential(_ code: String?) -> Credential {
      guard let code else { return Credential(code: "") }
      return credentials[code] ?? Credential(code: code)
    }
    for (index, award) in awards.enumerated() {
      let fields = award.fields
      var grade: String?
      switch fields[.award(.grade)] {
      case .text(let mark)?: grade = mark
      case .grade(let value)?: grade = value.mark
      default: grade = nil
      }
      learner.awards.append(
        Award(
          id: text(fields[.award(.id)]) ?? "award-\(index + 1)",
          credential: credential(text(fields[.award(.credentialCode)])),
          awardedOn: date(fields[.award(.awardedOn)]), expiresOn: date(fields[.award(.expiresOn)]),
          grade: grade, score: number(fields[.award(.score)]),
          source: text(fields[.award(.source)])))
    }
    for (index, fields) in enrolments.enumerated() {
      let course = credential(text(fields[.enrolment(.credentialCode)]))
      learner.enrolments.append(
        Enrolment(
          id: text(fields[.enrolment(.id)]) ?? "enrolment-\(index + 1)", credential: course,
          startOn: date(fields[.enrolment(.startOn)]), endOn: date(fields[.enrolment(.endOn)]),
          fee: money(fields[.enrolment(.fee)]) ?? course.fee,
          status: text(fields[.enrolment(.status)])))
    }
    learner.sortRecords()
    let catalogue = credentials.values.sorted {
      $0.code.utf8.lexicographicallyPrecedes($1.code.utf8)
    }
    return (learner, facts, catalogue)
  }

  private func text(_ value: Value?) -> String? {
    if case .text(let t)? = value { return t }
    return nil
  }

  private func texts(_ value: Value?) -> [String] {
    guard case .list(let list)? = value else { return [] }
    return list.elements.compactMap { if case .text(let t) = $0 { t } else { nil } }
  }

  private func date(_ value: Value?) -> CredenceValues.CivilDate? {
    if case .date(let d)? = value { return d }
    return nil
  }

  private func number(_ value: Value?) -> ExactDecimal? {
    if case .number(let n)? = value { return n }
    return nil
  }

  private func money(_ value: Value?) -> Money? {
    if case .money(let m)? = value { return m }
    return nil
  }
}

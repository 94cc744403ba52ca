/// What each field means, in the words of the learner-record store's contract (the tables
/// of docs/records.md), for hover texts in editors.
extension Field {
  /// `enrolment.start_on`: the record and the field.
  public var qualifiedName: String {
    switch self {
    case .learner(let f): "learner.\(f.rawValue)"
    case .fact: "learner.fact"
    case .award(let f): "award.\(f.rawValue)"
    case .credential(let f): "credential.\(f.rawValue)"
    case .enrolment(let f): "enrolment.\(f.rawValue)"
    case .ledger(let f): "ledger row.\(f.rawValue)"
    case .gradeMark: "grade.mark"
    }
  }

  /// The field's meaning; unknown (NULL) values are unknown to policies.
  public var meaning: String {
    switch self {
    case .learner(let f): f.meaning
    case .fact: "a fact the policy declares, from learner_facts"
    case .award(let f): f.meaning
    case .credential(let f): f.meaning
    case .enrolment(let f): f.meaning
    case .ledger(let f): f.meaning
    case .gradeMark: "the grade's mark exactly as issued, as text"
    }
  }
}

extension LearnerField {
  var meaning: String {
    switch self {
    case .id: "the institution's learner identifier"
    case .name: "display name"
    case .birthDate: "date of birth"
    case .citizenship: "citizenship, ISO 3166-1 alpha-2 (e.g. `SG`)"
    case .residency: "`citizen`, `permanent_resident` or `other`"
    case .awards: "what the learner has earned, revoked awards left out, earliest first"
    case .enrolments: "courses taken or applied for, earliest start first"
    case .ledger: "grants and claims under funding schemes, earliest first"
    }
  }
}

extension AwardField {
  var meaning: String {
    switch self {
    case .id: "the award's id (an Open Badges credential id or URN, or the institution's)"
    case .credentialCode: "the code of the credential awarded"
    case .credential: "the credential awarded (its catalogue row, with its tags)"
    case .awardedOn: "issuance (validFrom) date"
    case .expiresOn: "validUntil; expired awards are not hidden: rules decide what they are worth"
    case .grade: "the grade as issued (e.g. `A-`, `B+`, `Pass`), on the file's grade scale"
    case .score: "numeric result where one exists"
    case .status: "`valid` (revoked awards are invisible to policies)"
    case .source: "provenance: issuer URL, file name, import batch"
    }
  }
}

extension CredentialField {
  var meaning: String {
    switch self {
    case .code: "the catalogue code, e.g. `CYB501`"
    case .title: "the credential's title"
    case .provider: "awarding body"
    case .type:
      "`micro-credential`, `course`, `module`, `certificate`, `diploma`, `degree` or `badge`"
    case .credits: "credit value in `credit_system` units"
    case .creditSystem: "`ECTS`, `SG-MC` (modular credits), `US-SH` (semester hours), …"
    case .level: "qualification-framework level (EQF 1–8 or the institution's)"
    case .field: "subject cluster, e.g. `cybersecurity`"
    case .hours: "notional learning hours"
    case .fee: "list fee of one run of the course, in its currency"
    case .currency: "currency of `fee`"
    case .tags: "skills, outcomes and funding flags, e.g. `ssg-funded`"
    }
  }
}

extension EnrolmentField {
  var meaning: String {
    switch self {
    case .id: "the enrolment's id"
    case .credentialCode: "the code of the course"
    case .credential: "the course (its catalogue row, with its tags)"
    case .startOn: "start date"
    case .endOn: "end date"
    case .fee: "fee charged for this enrolment, or the catalogue fee when it has none"
    case .currency: "currency of `fee`"
    case .status: "`applied`, `enrolled`, `completed` or `withdrawn`"
    }
  }
}

extension LedgerField {
  var meaning: String {
    switch self {
    case .id: "the row's number"
    case .scheme: "the funding scheme, e.g. `skillsfuture-credit`"
    case .amount: "positive: a grant or top-up; negative: a claim"
    case .currency: "currency of `amount`"
    case .postedOn: "date posted"
    case .expiresOn: "when an unspent grant lapses"
    case .memo: "free text"
    }
  }
}

/// Fields of the records, as enum cases: the evaluator switches on them and never looks a
/// field up by its name. Raw values are the names policies write.

/// `learner.…`: the learners table, the learner's lists, and (as `Field.fact`) declared facts.
public enum LearnerField: String, Hashable, Sendable, CaseIterable {
  case id
  case name
  case birthDate = "birth_date"
  case citizenship
  case residency
  /// Awards, revoked ones left out, earliest first.
  case awards
  /// Enrolments, earliest start first.
  case enrolments
  /// Funding ledger rows, earliest first.
  case ledger

  /// The field's type.
  public var type: ValueType {
    switch self {
    case .id, .name, .citizenship, .residency: .text
    case .birthDate: .date
    case .awards: .list(.record(.award))
    case .enrolments: .list(.record(.enrolment))
    case .ledger: .list(.record(.ledgerEntry))
    }
  }
}

/// `award.…`: an awards row with its catalogue entry.
public enum AwardField: String, Hashable, Sendable, CaseIterable {
  case id
  case credentialCode = "credential_code"
  case credential
  case awardedOn = "awarded_on"
  case expiresOn = "expires_on"
  /// A `Grade` on the scale of the file the access is written in (see the access's type),
  /// or `Text` in a file without a scale.
  case grade
  case score
  case status
  case source
}

/// `credential.…`: a catalogue row with its tags.
public enum CredentialField: String, Hashable, Sendable, CaseIterable {
  case code
  case title
  case provider
  case type
  case credits
  case creditSystem = "credit_system"
  case level
  case field
  case hours
  /// The `fee` and `currency` columns as one Money value.
  case fee
  /// The `currency` column as text.
  case currency
  /// From `credential_tags`.
  case tags

  /// The field's type.
  public var type: ValueType {
    switch self {
    case .code, .title, .provider, .type, .creditSystem, .field, .currency: .text
    case .credits, .level, .hours: .number
    case .fee: .money(nil)
    case .tags: .list(.text)
    }
  }
}

/// `enrolment.…`: an enrolments row with its catalogue entry.
public enum EnrolmentField: String, Hashable, Sendable, CaseIterable {
  case id
  case credentialCode = "credential_code"
  case credential
  case startOn = "start_on"
  case endOn = "end_on"
  /// The enrolment's own fee, or the catalogue fee when it has none (decisions.md).
  case fee
  /// The currency of `fee` as text.
  case currency
  case status

  /// The field's type.
  public var type: ValueType {
    switch self {
    case .id, .credentialCode, .status, .currency: .text
    case .credential: .record(.credential)
    case .startOn, .endOn: .date
    case .fee: .money(nil)
    }
  }
}

/// `ledger row.…`: a funding_ledger row.
public enum LedgerField: String, Hashable, Sendable, CaseIterable {
  case id
  case scheme
  /// The `amount` and `currency` columns as one Money value.
  case amount
  /// The `currency` column as text.
  case currency
  case postedOn = "posted_on"
  case expiresOn = "expires_on"
  case memo

  /// The field's type.
  public var type: ValueType {
    switch self {
    case .id: .number
    case .scheme, .currency, .memo: .text
    case .amount: .money(nil)
    case .postedOn, .expiresOn: .date
    }
  }
}

/// A resolved field access.
public enum Field: Hashable, Sendable {
  case learner(LearnerField)
  /// A declared fact read as `learner.NAME` (the checker emits `.fact` for it instead).
  case fact(FactID)
  case award(AwardField)
  case credential(CredentialField)
  case enrolment(EnrolmentField)
  case ledger(LedgerField)
  /// `grade.mark`: the mark exactly as issued.
  case gradeMark

  /// The field's name as policies write it (for explanations).
  public var name: String {
    switch self {
    case .learner(let f): f.rawValue
    case .fact: "fact"
    case .award(let f): f.rawValue
    case .credential(let f): f.rawValue
    case .enrolment(let f): f.rawValue
    case .ledger(let f): f.rawValue
    case .gradeMark: "mark"
    }
  }
}

/// The values a decision reports, read with `decision.field`.
public enum DecisionField: String, Hashable, Sendable, CaseIterable {
  /// Stack: credits of the awards used. Equivalence: credits granted after caps.
  case credits
  /// Stack and equivalence: the awards used.
  case used
  /// Stack: texts saying what is missing.
  case missing
  /// Fund: the money granted.
  case amount
  /// Fund: the rate.
  case rate
  /// Equivalence: the module codes granted (`"elective"` for electives).
  case granted
}

extension AwardField {
  /// The field's type; `grade` is the type award grades have in the file of the access.
  public func type(grade: ValueType) -> ValueType {
    switch self {
    case .id, .credentialCode, .status, .source: .text
    case .credential: .record(.credential)
    case .awardedOn, .expiresOn: .date
    case .grade: grade
    case .score: .number
    }
  }
}

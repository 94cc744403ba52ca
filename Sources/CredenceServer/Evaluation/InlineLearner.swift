import Credence
import CredenceStore

/// A learner record sent in a request (`"record": {…}`): the store's tables for one
/// learner as JSON, column names as in the store (`docs`: records.md), credentials named
/// by code and taken from the store's catalogue.
///
/// Exact numbers (scores, fees, amounts) are strings (`"7.5"`) or integers, never JSON
/// fractions, which readers turn into binary floating point. A value that breaks the
/// store's contract is a 400 naming its field (`record.awards[0].awarded_on`), never
/// quoting the value.
struct InlineLearner: Decodable, Sendable {
  var id: String
  var name: String?
  var birthDate: String?
  var citizenship: String?
  var residency: String?
  var awards: [InlineAward]?
  var enrolments: [InlineEnrolment]?
  var fundingLedger: [InlineLedgerEntry]?
  /// Facts by name; null is an unknown value.
  var facts: [String: String?]?

  enum CodingKeys: String, CodingKey {
    case id, name, citizenship, residency, awards, enrolments, facts
    case birthDate = "birth_date"
    case fundingLedger = "funding_ledger"
  }

  /// Learners sent inline may have at most this many rows in each list (1,000).
  static let maximumRows = 1_000

  struct InlineAward: Decodable, Sendable {
    var id: String
    var credentialCode: String
    var awardedOn: String
    var expiresOn: String?
    var grade: String?
    var score: ExactNumber?
    var status: String?
    var source: String?

    enum CodingKeys: String, CodingKey {
      case id, grade, score, status, source
      case credentialCode = "credential_code"
      case awardedOn = "awarded_on"
      case expiresOn = "expires_on"
    }
  }

  struct InlineEnrolment: Decodable, Sendable {
    var id: String
    var credentialCode: String
    var startOn: String
    var endOn: String?
    var fee: ExactNumber?
    var currency: String?
    var status: String

    enum CodingKeys: String, CodingKey {
      case id, fee, currency, status
      case credentialCode = "credential_code"
      case startOn = "start_on"
      case endOn = "end_on"
    }
  }

  struct InlineLedgerEntry: Decodable, Sendable {
    var id: Int64?
    var scheme: String
    var amount: ExactNumber
    var currency: String
    var postedOn: String
    var expiresOn: String?
    var memo: String?

    enum CodingKeys: String, CodingKey {
      case id, scheme, amount, currency, memo
      case postedOn = "posted_on"
      case expiresOn = "expires_on"
    }
  }

  /// An exact number: a decimal string or a JSON integer.
  struct ExactNumber: Decodable, Sendable {
    var value: ExactDecimal

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let integer = try? container.decode(Int.self) {
        value = ExactDecimal(integer)
        return
      }
      guard let text = try? container.decode(String.self) else {
        throw DecodingError.dataCorruptedError(
          in: container,
          debugDescription: "write exact numbers as strings (\"7.5\") or integers, not fractions")
      }
      guard let parsed = ExactDecimal(parsing: text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not a number in plain decimal notation")
      }
      value = parsed
    }
  }

  /// The learner, its credentials looked up by code (`credential` answers nil for a code
  /// the catalogue does not have).
  func learner(credential: (String) throws -> Credential?) throws -> Learner {
    guard !id.isEmpty else { throw Self.invalid("record.id", "is empty") }
    for (name, count) in [
      ("awards", awards?.count ?? 0), ("enrolments", enrolments?.count ?? 0),
      ("funding_ledger", fundingLedger?.count ?? 0), ("facts", facts?.count ?? 0),
    ] where count > Self.maximumRows {
      throw Self.invalid("record.\(name)", "has more than \(Self.maximumRows) rows")
    }
    var catalogue: [String: Credential] = [:]
    func lookUp(_ code: String, _ path: String) throws -> Credential {
      if let known = catalogue[code] { return known }
      guard let found = try credential(code) else {
        throw Self.invalid(path, "names no credential of the store's catalogue")
      }
      catalogue[code] = found
      return found
    }
    var learner = Learner(
      id: LearnerID(id), name: name, birthDate: try Self.date(birthDate, "record.birth_date"),
      citizenship: citizenship)
    if let residency {
      guard Contract.residencies.contains(residency) else {
        throw Self.invalid("record.residency", "must be " + Self.oneOf(Contract.residencies))
      }
      learner.residency = residency
    }
    for (index, award) in (awards ?? []).enumerated() {
      let path = "record.awards[\(index)]"
      let status = award.status ?? "valid"
      guard Contract.awardStatuses.contains(status) else {
        throw Self.invalid(path + ".status", "must be " + Self.oneOf(Contract.awardStatuses))
      }
      if status == "revoked" { continue }  // Revoked awards are invisible to policies.
      learner.awards.append(
        Award(
          id: award.id, credential: try lookUp(award.credentialCode, path + ".credential_code"),
          awardedOn: try Self.requiredDate(award.awardedOn, path + ".awarded_on"),
          expiresOn: try Self.date(award.expiresOn, path + ".expires_on"), grade: award.grade,
          score: award.score?.value, source: award.source))
    }
    for (index, enrolment) in (enrolments ?? []).enumerated() {
      let path = "record.enrolments[\(index)]"
      let status = enrolment.status
      guard Contract.enrolmentStatuses.contains(status) else {
        throw Self.invalid(path + ".status", "must be " + Self.oneOf(Contract.enrolmentStatuses))
      }
      var fee: Money?
      if let amount = enrolment.fee {
        fee = Money(amount.value, try Self.currency(enrolment.currency, path + ".currency"))
      }
      learner.enrolments.append(
        Enrolment(
          id: enrolment.id,
          credential: try lookUp(enrolment.credentialCode, path + ".credential_code"),
          startOn: try Self.requiredDate(enrolment.startOn, path + ".start_on"),
          endOn: try Self.date(enrolment.endOn, path + ".end_on"), fee: fee, status: status))
    }
    for (index, entry) in (fundingLedger ?? []).enumerated() {
      let path = "record.funding_ledger[\(index)]"
      learner.ledger.append(
        LedgerEntry(
          id: entry.id ?? Int64(index + 1), scheme: entry.scheme,
          amount: Money(entry.amount.value, try Self.currency(entry.currency, path + ".currency")),
          postedOn: try Self.requiredDate(entry.postedOn, path + ".posted_on"),
          expiresOn: try Self.date(entry.expiresOn, path + ".expires_on"), memo: entry.memo))
    }
    for (name, value) in (facts ?? [:]).sorted(by: { $0.key < $1.key }) {
      learner.facts.append(LearnerFact(name: name, value: value))
    }
    return learner
  }

  /// The store's words for a column, as a message lists them: "`a`, `b` or `c`".
  static func oneOf(_ words: [String]) -> String {
    let quoted = words.map { "`\($0)`" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
  }

  private static func invalid(_ path: String, _ problem: String) -> APIError {
    APIError.badRequest("`\(path)` \(problem)")
  }

  private static func requiredDate(_ text: String, _ path: String) throws -> CivilDate {
    guard let date = CivilDate(parsing: text) else {
      throw invalid(path, "must be a date written YYYY-MM-DD")
    }
    return date
  }

  private static func date(_ text: String?, _ path: String) throws -> CivilDate? {
    try text.map { try requiredDate($0, path) }
  }

  private static func currency(_ text: String?, _ path: String) throws -> CurrencyCode {
    guard let text else { throw invalid(path, "is needed with an amount") }
    guard let code = CurrencyCode(parsing: text) else {
      throw invalid(path, "must be an ISO 4217 code such as `SGD`")
    }
    return code
  }
}

import Credence

/// `POST /v1/decide` and `POST /v1/what-if`: which learner, on which date, what to report.
struct DecideRequest: Decodable {
  /// A learner of the store, by id.
  var learner: String?
  /// A learner record sent inline, as the store's tables: see `InlineLearner`.
  var record: InlineLearner?
  /// The evaluation date, `YYYY-MM-DD`; today (the server's time zone) when absent.
  var asOf: String?
  /// The decisions to report; all of them when absent or empty.
  var decisions: [String]?
  var explain: Bool?
  /// What-if only: the awards to add.
  var withAwards: [AwardRequest]?

  enum CodingKeys: String, CodingKey {
    case learner, record, decisions, explain
    case asOf = "as_of"
    case withAwards = "with_awards"
  }
}

/// A hypothetical award: a credential code, its date (the evaluation date when absent)
/// and its grade.
struct AwardRequest: Decodable {
  var code: String
  var date: String?
  var grade: String?
}

/// `POST /v1/check`: policy files to check, by name and text.
struct CheckRequest: Decodable {
  var files: [CheckedFile]

  struct CheckedFile: Decodable {
    var name: String
    var text: String
  }
}

extension DecideRequest {
  /// The evaluation date asked for, or today.
  func date(today: () -> CivilDate) throws -> CivilDate {
    guard let asOf else { return today() }
    guard let date = CivilDate(parsing: asOf) else {
      throw APIError.badRequest("`as_of` must be a date written YYYY-MM-DD")
    }
    return date
  }

  /// The decisions named, bounded by ``ServerLimits/maximumDecisionsNamed``.
  func decisionNames() throws -> [String] {
    let names = decisions ?? []
    if names.count > ServerLimits.maximumDecisionsNamed {
      throw APIError.badRequest(
        "`decisions` names more than \(ServerLimits.maximumDecisionsNamed) decisions")
    }
    return names
  }

  /// The awards of a what-if question, each with a date that is a date.
  func hypotheticalAwards() throws -> [HypotheticalAward] {
    guard let awards = withAwards, !awards.isEmpty else {
      throw APIError.badRequest("`with_awards` needs at least one award to add")
    }
    if awards.count > ServerLimits.maximumHypotheticalAwards {
      throw APIError.badRequest(
        "`with_awards` has more than \(ServerLimits.maximumHypotheticalAwards) awards")
    }
    return try awards.enumerated().map { index, award in
      guard !award.code.isEmpty else {
        throw APIError.badRequest("`with_awards[\(index)].code` is empty")
      }
      var date: CivilDate?
      if let text = award.date {
        guard let parsed = CivilDate(parsing: text) else {
          throw APIError.badRequest(
            "`with_awards[\(index)].date` must be a date written YYYY-MM-DD")
        }
        date = parsed
      }
      return HypotheticalAward(code: award.code, date: date, grade: award.grade)
    }
  }
}

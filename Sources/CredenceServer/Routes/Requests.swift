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

/// `POST /v1/decide/batch`: learners of the store by id, decided alike.
struct BatchDecideRequest: Decodable {
  var learners: [String]
  var asOf: String?
  var decisions: [String]?
  var explain: Bool?

  enum CodingKeys: String, CodingKey {
    case learners, decisions, explain
    case asOf = "as_of"
  }

  /// The date and decisions, as a decide request names them.
  var selection: DecideRequest {
    DecideRequest(asOf: asOf, decisions: decisions, explain: explain)
  }

  /// The ids named, each once where it is first named (as `eval --learner` does), at
  /// least one and at most ``ServerLimits/maximumLearnersPerBatch``.
  func learnerIDs() throws -> [LearnerID] {
    guard !learners.isEmpty else {
      throw APIError.badRequest("`learners` needs at least one learner id")
    }
    if learners.count > ServerLimits.maximumLearnersPerBatch {
      throw APIError.badRequest(
        "`learners` names more than \(ServerLimits.maximumLearnersPerBatch) learners; "
          + "send them in several requests")
    }
    var seen: Set<String> = []
    var ids: [LearnerID] = []
    for (index, id) in learners.enumerated() {
      guard !id.isEmpty else { throw APIError.badRequest("`learners[\(index)]` is empty") }
      if seen.insert(id).inserted { ids.append(LearnerID(id)) }
    }
    return ids
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

/// `POST /v1/paths`: which learner, which target, how to rank and how far to look.
struct PathsRequest: Decodable {
  var learner: String?
  var record: InlineLearner?
  var asOf: String?
  /// A stack, or an equivalence with `credits`.
  var to: String
  var credits: InlineLearner.ExactNumber?
  var planned: String?
  var by: String?
  var limit: Int?
  var maxSize: Int?
  var grade: String?

  enum CodingKeys: String, CodingKey {
    case learner, record, to, credits, planned, by, limit, grade
    case asOf = "as_of"
    case maxSize = "max_size"
  }

  /// The learner and date as a decide request names them.
  var subject: DecideRequest {
    DecideRequest(learner: learner, record: record, asOf: asOf)
  }

  func question() throws -> Evaluator.PathsQuestion {
    guard !to.isEmpty else { throw APIError.badRequest("`to` is empty") }
    var objective = PathwayObjective.fewest
    if let by {
      guard let chosen = PathwayObjective(rawValue: by) else {
        throw APIError.badRequest("`by` must be `fewest`, `cost`, `hours` or `credits`")
      }
      objective = chosen
    }
    let limit = self.limit ?? PathwayLimits.defaultPathCount
    guard (1...ServerLimits.maximumPaths).contains(limit) else {
      throw APIError.badRequest("`limit` is from 1 to \(ServerLimits.maximumPaths)")
    }
    let size = maxSize ?? PathwayLimits.defaultPathSize
    guard (1...PathwayLimits.maximumPathSize).contains(size) else {
      throw APIError.badRequest("`max_size` is from 1 to \(PathwayLimits.maximumPathSize)")
    }
    var plannedDate: CivilDate?
    if let planned {
      guard let date = CivilDate(parsing: planned) else {
        throw APIError.badRequest("`planned` must be a date written YYYY-MM-DD")
      }
      plannedDate = date
    }
    return Evaluator.PathsQuestion(
      target: to, credits: credits?.value,
      options: PathwayOptions(
        objective: objective, limit: limit, maximumSize: size, plannedDate: plannedDate,
        grade: grade))
  }
}

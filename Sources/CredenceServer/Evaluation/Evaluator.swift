import Credence
import CredenceStore
import Dispatch

/// Decisions and what-if answers for learners, through the facade, as JSON text that is
/// byte for byte what `credence eval --format json` prints. No evaluation logic here: only
/// the learners asked about, the time limit, and the shape of the reply.
struct Evaluator: Sendable {
  let store: StoreAccess
  let timeLimit: Duration
  /// The evaluator's steps per learner; nil for its default (tests lower it).
  var stepsPerLearner: Int? = nil

  /// Which learner a request is about.
  enum Subject: Sendable {
    case stored(LearnerID)
    case inline(LearnerRecord)

    /// The learner's id, for the decision log.
    var idText: String {
      switch self {
      case .stored(let id): id.text
      case .inline(let record): record.id.text
      }
    }
  }

  /// What a request asks for.
  struct Question: Sendable {
    var subject: Subject
    var asOf: CivilDate
    var decisions: [String]
    var explain: Bool
  }

  /// Decisions as `eval --format json`'s array, the status of each result, and whether a
  /// learner's evaluation ran out of steps (its unfinished decisions are `error`s).
  struct Answer: Sendable {
    var json: String
    var statuses: [String]
    var reachedStepLimit: Bool
  }

  func decide(_ question: Question, with set: PolicySet) async throws -> Answer {
    let cancellation = EvaluationCancellation()
    let evaluator = try evaluator(question, set, cancellation)
    let record = try learner(question.subject)
    return try await decide([record], evaluator, cancellation)
  }

  /// The learners of the store named by `ids` (distinct), as `eval --learner A --learner B
  /// --format json` prints them, and the ids the store does not have.
  func decide(
    stored ids: [LearnerID], asOf: CivilDate, decisions: [String], explain: Bool,
    with set: PolicySet
  ) async throws -> (answer: Answer, missing: [LearnerID]) {
    let cancellation = EvaluationCancellation()
    let evaluator = try evaluator(
      asOf: asOf, decisions: decisions, explain: explain, set, cancellation)
    var records: [LearnerRecord] = []
    var missing: [LearnerID] = []
    for id in ids {
      if let record = try store.source.learner(id: id) {
        records.append(record)
      } else {
        missing.append(id)
      }
    }
    return (try await decide(records, evaluator, cancellation), missing)
  }

  /// Every learner of `records` (in order) in one array, under one time limit.
  private func decide(
    _ records: [LearnerRecord], _ evaluator: Credence.Evaluator,
    _ cancellation: EvaluationCancellation
  ) async throws -> Answer {
    let learners = try await withinTimeLimit(cancellation) { records.map(evaluator.evaluate) }
    var text: [UInt8] = []
    let stream = ResultStream(writer: evaluator.writer(.json)) { text.append(contentsOf: $0) }
    stream.begin()
    for results in learners { stream.emit(results) }
    stream.end()
    return Answer(
      json: String(decoding: text, as: UTF8.self),
      statuses: learners.flatMap { $0.results.map(\.status.rawValue) },
      reachedStepLimit: learners.contains { $0.reachedStepLimit })
  }

  /// The what-if answer as `eval --what-if --format json` prints it, and whether an
  /// evaluation ran out of steps.
  func whatIf(
    _ question: Question, adding awards: [HypotheticalAward], with set: PolicySet
  ) async throws -> (json: String, reachedStepLimit: Bool) {
    let record = try learner(question.subject)
    guard case .valid(let learner) = record else {
      throw APIError(
        .unprocessableContent, "invalid_record",
        "the learner's records break the store's contract; `/v1/decide` names the rows")
    }
    let cancellation = EvaluationCancellation()
    let evaluator = try evaluator(question, set, cancellation)
    let answer = try await withinTimeLimit(cancellation) {
      Result { try evaluator.whatIf(learner: learner, adding: awards, from: store.source) }
    }
    switch answer {
    case .success(let answer):
      let json = WhatIfReport.render(
        answer.changes, learner: record.id.description, awards: awards,
        unknownCodes: answer.unknownCodes, date: question.asOf, format: .json,
        explain: question.explain)
      return (json, answer.reachedStepLimit)
    case .failure(Credence.Evaluator.WhatIfFailure.records(let error)):
      throw APIError(.unprocessableContent, "invalid_award", error.description)
    case .failure(let error):
      throw error
    }
  }

  func learner(_ subject: Subject) throws -> LearnerRecord {
    switch subject {
    case .inline(let record):
      return record
    case .stored(let id):
      guard let record = try store.source.learner(id: id) else {
        throw APIError(.notFound, "unknown_learner", "no learner with this id in the store")
      }
      return record
    }
  }

  /// The facade's evaluator for the decisions named (all of them when none is); an
  /// unknown name is a 400 with a suggestion.
  func evaluator(
    _ question: Question, _ set: PolicySet, _ cancellation: EvaluationCancellation
  ) throws -> Credence.Evaluator {
    try evaluator(
      asOf: question.asOf, decisions: question.decisions, explain: question.explain, set,
      cancellation)
  }

  func evaluator(
    asOf: CivilDate, decisions: [String], explain: Bool, _ set: PolicySet,
    _ cancellation: EvaluationCancellation
  ) throws -> Credence.Evaluator {
    do {
      return try Credence.Evaluator(
        set.policies, asOf: asOf, decisions: decisions, explain: explain,
        cancellation: cancellation, stepsPerLearner: stepsPerLearner)
    } catch {
      var message = "no decision named `\(error.name)` in the policies in force"
      if let suggestion = error.suggestion { message += "; did you mean `\(suggestion)`?" }
      throw APIError(.badRequest, "unknown_decision", message)
    }
  }

  /// Runs `body` with a flag that is raised after `timeLimit`; an evaluation that was
  /// stopped is answered 503 with `Retry-After`. The timer runs on a Dispatch queue, not in
  /// a task: while evaluations occupy every thread of the concurrency pool, a task would
  /// never get to raise the flag.
  func withinTimeLimit<T>(
    _ cancellation: EvaluationCancellation, _ body: () throws -> T
  ) async throws -> T {
    let timer = DispatchWorkItem { cancellation.cancel() }
    let (seconds, attoseconds) = timeLimit.components
    DispatchQueue.global().asyncAfter(
      deadline: .now()
        + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)),
      execute: timer)
    defer { timer.cancel() }
    let result = try body()
    if cancellation.isCancelled { throw APIError.timeLimit(timeLimit) }
    return result
  }
}

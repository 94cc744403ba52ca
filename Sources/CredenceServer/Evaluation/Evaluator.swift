import Credence
import CredenceStore
import Dispatch

/// Decisions and what-if answers for one learner, through the facade, as JSON text that
/// is byte for byte what `credence eval --format json` prints. No evaluation logic here:
/// only the learner asked about, the time limit, and the shape of the reply.
struct Evaluator: Sendable {
  let store: StoreAccess
  let timeLimit: Duration

  /// Which learner a request is about.
  enum Subject: Sendable {
    case stored(LearnerID)
    case inline(LearnerRecord)
  }

  /// What a request asks for.
  struct Question: Sendable {
    var subject: Subject
    var asOf: CivilDate
    var decisions: [String]
    var explain: Bool
  }

  /// The results as `eval --format json`'s array, and the status of each result.
  func decide(_ question: Question, with set: PolicySet) async throws -> (
    json: String, statuses: [String]
  ) {
    let cancellation = EvaluationCancellation()
    let evaluator = try Self.evaluator(question, set, cancellation)
    let record = try learner(question.subject)
    let results = try await withinTimeLimit(cancellation) { evaluator.evaluate(record) }
    var text: [UInt8] = []
    let stream = ResultStream(writer: evaluator.writer(.json)) { text.append(contentsOf: $0) }
    stream.begin()
    stream.emit(results)
    stream.end()
    return (String(decoding: text, as: UTF8.self), results.results.map { $0.status.rawValue })
  }

  /// The what-if answer as `eval --what-if --format json` prints it.
  func whatIf(
    _ question: Question, adding awards: [HypotheticalAward], with set: PolicySet
  ) async throws -> String {
    let record = try learner(question.subject)
    guard case .valid(let learner) = record else {
      throw APIError(
        .unprocessableContent, "invalid_record",
        "the learner's records break the store's contract; `/v1/decide` names the rows")
    }
    let cancellation = EvaluationCancellation()
    let evaluator = try Self.evaluator(question, set, cancellation)
    let answer = try await withinTimeLimit(cancellation) {
      Result { try evaluator.whatIf(learner: learner, adding: awards, from: store.source) }
    }
    switch answer {
    case .success(let answer):
      return WhatIfReport.render(
        answer.changes, learner: record.id.description, awards: awards,
        unknownCodes: answer.unknownCodes, date: question.asOf, format: .json,
        explain: question.explain)
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
  static func evaluator(
    _ question: Question, _ set: PolicySet, _ cancellation: EvaluationCancellation
  ) throws -> Credence.Evaluator {
    do {
      return try Credence.Evaluator(
        set.policies, asOf: question.asOf, decisions: question.decisions,
        explain: question.explain, cancellation: cancellation)
    } catch {
      var message = "no decision named `\(error.name)` in the policies in force"
      if let suggestion = error.suggestion { message += "; did you mean `\(suggestion)`?" }
      throw APIError(.badRequest, "unknown_decision", message)
    }
  }

  /// Runs `body` with a flag that is raised after `timeLimit`; an evaluation that was
  /// stopped is answered 503. The timer runs on a Dispatch queue, not in a task: while
  /// evaluations occupy every thread of the concurrency pool, a task would never get to
  /// raise the flag.
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
    if cancellation.isCancelled {
      throw APIError(
        .serviceUnavailable, "evaluation_time_limit",
        "the evaluation took longer than the limit of \(timeLimit) and was stopped"
      )
    }
    return result
  }
}

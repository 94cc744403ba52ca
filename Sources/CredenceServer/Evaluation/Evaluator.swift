import Credence
import CredenceRecords
import CredenceRuntime
import CredenceSemantics
import CredenceStore
import CredenceValues
import Dispatch

/// Decisions and what-if answers for one learner, through the facade, as JSON text that
/// is byte for byte what `credence eval --format json` prints. No evaluation logic here:
/// only picking decisions, the time limit, and the shape of the reply.
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
    let chosen = try Self.decisions(question.decisions, in: set)
    let record = try learner(question.subject)
    let results = try await withinTimeLimit { cancellation in
      let options = EvaluationOptions(explain: question.explain)
      var limited = options
      limited.cancellation = cancellation
      let session = EvaluationSession(
        program: set.program, asOf: question.asOf, decisions: chosen, options: limited)
      return session.evaluate(record)
    }
    let writer = ResultWriter(
      format: .json, explain: question.explain,
      decisions: (chosen ?? set.program.decisions).map { set.program.name(of: $0) })
    var text: [UInt8] = []
    let stream = ResultStream(writer: writer) { text.append(contentsOf: $0) }
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
    let changed: Learner
    do {
      changed = try WhatIf.adding(awards, to: learner, on: question.asOf) {
        try store.source.credential(code: $0)
      }
    } catch let error as RecordError {
      throw APIError(.unprocessableContent, "invalid_award", error.description)
    }
    let changes = try await withinTimeLimit { cancellation in
      var options = EvaluationOptions(explain: question.explain)
      options.cancellation = cancellation
      let session = EvaluationSession(
        program: set.program, asOf: question.asOf, options: options)
      return WhatIf.changes(before: session.evaluate(learner), after: session.evaluate(changed))
    }
    return WhatIfReport.render(
      changes, learner: record.id.description, awards: awards, unknownCodes: [],
      date: question.asOf, format: .json, explain: question.explain)
  }

  private func learner(_ subject: Subject) throws -> LearnerRecord {
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

  /// The decisions named (nil: all of them); an unknown name is a 400 with a suggestion.
  static func decisions(_ names: [String], in set: PolicySet) throws -> [DecisionID]? {
    guard !names.isEmpty else { return nil }
    let selected = Evaluation.decisions(named: names, in: set.program)
    if let name = selected.unknown.first {
      var message = "no decision named `\(name)` in the policies in force"
      if let suggestion = Evaluation.suggestion(for: name, in: set.program) {
        message += "; did you mean `\(suggestion)`?"
      }
      throw APIError(.badRequest, "unknown_decision", message)
    }
    return selected.found
  }

  /// Runs `body` with a flag that is raised after `timeLimit`; an evaluation that was
  /// stopped is answered 503. The timer runs on a Dispatch queue, not in a task: while
  /// evaluations occupy every thread of the concurrency pool, a task would never get to
  /// raise the flag.
  func withinTimeLimit<T: Sendable>(
    _ body: @Sendable (EvaluationCancellation) -> T
  ) async throws -> T {
    let cancellation = EvaluationCancellation()
    let timer = DispatchWorkItem { cancellation.cancel() }
    let (seconds, attoseconds) = timeLimit.components
    DispatchQueue.global().asyncAfter(
      deadline: .now()
        + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)),
      execute: timer)
    defer { timer.cancel() }
    let result = body(cancellation)
    if cancellation.isCancelled {
      throw APIError(
        .serviceUnavailable, "evaluation_time_limit",
        "the evaluation took longer than the limit of \(timeLimit) and was stopped"
      )
    }
    return result
  }
}

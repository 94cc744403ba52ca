import CredenceRecords
import CredenceRuntime

extension Evaluator {
  /// What a what-if question found: every decision before and after, and the codes added
  /// that the catalogue does not have (their awards carry a code and nothing else).
  public struct WhatIfAnswer: Sendable, Hashable {
    public var changes: [WhatIf.Change]
    public var unknownCodes: [String]
    /// Whether the evaluation before or after ran out of steps (see
    /// ``LearnerResults/reachedStepLimit``).
    public var reachedStepLimit = false
  }

  /// Why a what-if question has no answer.
  public enum WhatIfFailure: Error, Sendable {
    /// The learner is not in the record source.
    case noLearner(String)
    /// The learner's records break the contract; the reasons name the rows.
    case invalidRecords(String, reasons: [String])
    /// An added award could not be made (its credential's record is broken).
    case records(RecordError)
  }

  /// The decisions for `learner` (with the typed facts of an inline learner) as recorded
  /// and with `awards` added, their credentials looked up in `source` (an award without a
  /// date is dated on the evaluation date; without a source every code is unknown).
  public func whatIf(
    learner: Learner, given facts: GivenFacts = GivenFacts(), adding awards: [HypotheticalAward],
    from source: (any RecordSource)?
  )
    throws -> WhatIfAnswer
  {
    var unknown: [String] = []
    let changed: Learner
    do {
      changed = try WhatIf.adding(awards, to: learner, on: asOf) { code in
        let credential = try source?.credential(code: code)
        if credential == nil, !unknown.contains(code) { unknown.append(code) }
        return credential
      }
    } catch let error as RecordError {
      throw WhatIfFailure.records(error)
    }
    let before = session.evaluate(learner, given: facts)
    let after = session.evaluate(changed, given: facts)
    return WhatIfAnswer(
      changes: WhatIf.changes(before: before, after: after), unknownCodes: unknown,
      reachedStepLimit: before.reachedStepLimit || after.reachedStepLimit)
  }

  /// The what-if question for the learner `id` of `source`.
  public func whatIf(
    learner id: String, adding awards: [HypotheticalAward], from source: any RecordSource
  )
    throws -> WhatIfAnswer
  {
    guard let record = try source.learner(id: LearnerID(id)) else {
      throw WhatIfFailure.noLearner(id)
    }
    guard case .valid(let learner) = record else {
      let results = session.evaluate(record)
      throw WhatIfFailure.invalidRecords(id, reasons: results.results.first?.reasons ?? [])
    }
    return try whatIf(learner: learner, adding: awards, from: source)
  }
}

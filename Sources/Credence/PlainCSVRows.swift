import CredenceRecords
import CredenceRuntime

/// CSV rows of a plain batch (no explanations), written straight from each result's fields
/// as the session reads them in place (``EvaluationSession/evaluate(_:each:)``): no
/// ``DecisionResult`` is built, copied or freed. The `learner` and `decision` columns are
/// escaped once (per learner, per run) rather than once per row.
///
/// The bytes are those of ``ResultWriter/render(_:into:)`` for the same results
/// (`PlainCSVBatchTests` compares them); one per worker (it keeps a buffer).
struct PlainCSVRows {
  /// The `decision` column of each of the session's decisions, escaped.
  private let decisionFields: [[UInt8]]
  /// The `learner` column of the learner being written, escaped.
  private var learnerField: [UInt8] = []

  init(_ session: EvaluationSession) {
    decisionFields = session.decisions.map { decision in
      var field: [UInt8] = []
      ResultWriter.csvField(session.program.name(of: decision), &field)
      return field
    }
  }

  /// Evaluates `record` and appends its rows to `buffer`; returns whether some result is an
  /// `error`.
  mutating func write(
    _ record: LearnerRecord, _ session: EvaluationSession, into buffer: inout [UInt8]
  ) -> Bool {
    var first = true
    // Moved out of `self` for the closure, which cannot capture `self` inout.
    var learnerField = self.learnerField
    defer { self.learnerField = learnerField }
    return session.evaluate(record) { fields in
      if first {
        learnerField.removeAll(keepingCapacity: true)
        ResultWriter.csvField(fields.learner, &learnerField)
        first = false
      }
      buffer.append(contentsOf: learnerField)
      buffer.append(44)
      buffer.append(contentsOf: decisionFields[fields.decisionIndex])
      buffer.append(44)
      ResultWriter.csvResultColumns(fields, &buffer)
      buffer.append(10)
    }
  }
}

import CredenceRecords
import CredenceValues
import Testing

/// The in-memory `RecordSource` the evaluator's tests use, and `LearnerID` ordering.
@Suite struct InMemoryRecordSourceTests {
  static let badge = Credential(code: "B1", title: "Badge", type: "badge", tags: ["x"])

  static func learner(_ id: String, awards: Int = 0) -> Learner {
    let date = CivilDate(year: 2024, month: 1, day: 1) ?? .min
    return Learner(
      id: LearnerID(id),
      awards: (0..<awards).map { Award(id: "\(id)-\($0)", credential: badge, awardedOn: date) })
  }

  @Test func streamsInByteOrderInBatches() throws {
    let source = InMemoryRecordSource(
      records: [
        .valid(Self.learner("b")), .valid(Self.learner("B")), .valid(Self.learner("a10")),
        .invalid(
          id: "a2",
          errors: [RecordError(table: "awards", row: "x", column: "awarded_on", problem: .notADate)]
        ),
      ])
    var batches: [[String]] = []
    try source.forEachBatch(batchSize: 3) { batches.append($0.map(\.id.text)) }
    #expect(batches == [["B", "a10", "a2"], ["b"]])
  }

  @Test func lookupAndCatalogue() throws {
    let source = InMemoryRecordSource(
      learners: (0..<10).map { Self.learner("L\($0)", awards: $0 % 3) })
    #expect(try source.learner(id: "L5")?.learner?.awards.count == 2)
    #expect(try source.learner(id: "L55") == nil)
    #expect(try source.credential(code: "B1") == Self.badge, "found through the awards")
    #expect(try source.credential(code: "b1") == nil)
  }

  @Test func learnerIDsOrderAndHashByBytes() {
    let composed = LearnerID("caf\u{E9}")
    let decomposed = LearnerID("cafe\u{301}")
    #expect(composed != decomposed)
    #expect(decomposed < composed)
    #expect(Set([composed, decomposed]).count == 2)
    #expect(LearnerID("L10") < LearnerID("L2"))
    #expect(LearnerID("Z") < LearnerID("a"))
  }

  @Test func recordErrorMessagesNameTableRowAndColumn() {
    let error = RecordError(
      table: "enrolments", row: "E7", column: "status",
      problem: .notOneOf(["applied", "enrolled"]))
    #expect(
      error.description
        == "`enrolments` row `E7`, column `status`: not one of `applied`, `enrolled`")
  }
}

import Credence
import CredenceRecords
import CredenceRuntime
import CredenceSample
import CredenceStore
import CredenceValues
import Foundation
import Testing

/// A plain CSV batch writes its rows straight from each result's fields
/// (`EvaluationSession.evaluate(_:each:)`, the facade's `PlainCSVRows`), without building
/// results. Its output must be byte for byte what the results, built and rendered one
/// learner at a time, give: on the policy library and both benchmark workloads over generated
/// samples, and on learners whose ids, codes and errors need quoting or escaping.
@Suite struct PlainCSVBatchTests {
  /// The batch's CSV and the CSV of the results built learner by learner, for `source`.
  static func bothWays(
    _ program: CompiledProgram, asOf: CredenceValues.CivilDate, _ source: any RecordSource
  ) throws -> (batch: String, built: String) {
    let names = program.decisions.map { program.name(of: $0) }
    let writer = ResultWriter(format: .csv, explain: false, decisions: names)
    let collected = Collected()
    let stream = ResultStream(writer: writer, sink: collected.append)
    stream.begin()
    // Two workers and small batches: rows still come in learner order.
    _ = try BatchEvaluation(
      program: program, asOf: asOf, decisions: nil, options: EvaluationOptions(),
      writer: writer, workers: 2
    ).run(source, batchSize: 7, into: stream)
    stream.end()

    var built: [UInt8] = Array(writer.header.utf8)
    let session = EvaluationSession(program: program, asOf: asOf)
    try source.forEachBatch(batchSize: 50) { batch in
      for record in batch { writer.render(session.evaluate(record), into: &built) }
    }
    return (
      String(decoding: collected.bytes, as: UTF8.self), String(decoding: built, as: UTF8.self)
    )
  }

  /// Bytes a stream hands out, gathered (one batch at a time, so no lock).
  final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
    func append(_ chunk: [UInt8]) { bytes += chunk }
  }

  static func sample(learners: Int, seed: UInt64) throws -> SQLiteRecordSource {
    let store = try RecordStore.inMemory()
    _ = try SamplePopulation(learners: learners, seed: seed).write(into: store)
    return SQLiteRecordSource(store: store)
  }

  static func expectSame(_ ways: (batch: String, built: String), rows minimum: Int) {
    let batch = ways.batch.split(separator: "\n", omittingEmptySubsequences: false)
    let built = ways.built.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(built.count > minimum)
    if let line = batch.indices.first(where: { $0 >= built.count || batch[$0] != built[$0] }) {
      let expected = line < built.count ? String(built[line]) : "(nothing)"
      Issue.record("line \(line + 1) differs:\nbatch: \(batch[line])\nbuilt: \(expected)")
    }
    #expect(ways.batch == ways.built)
  }

  @Test func theLibraryOnASample() throws {
    let program = try #require(Programs.library)
    let ways = try Self.bothWays(
      program, asOf: day("2026-06-30"), Self.sample(learners: 250, seed: 7))
    Self.expectSame(ways, rows: 250)
    // Every kind of list column is exercised.
    #expect(ways.built.contains("undetermined"))
    #expect(ways.built.contains(";"))
  }

  @Test(arguments: [("batch", "2026-01-15"), ("batch2", "2025-06-30")])
  func aBenchmarkWorkloadOnASample(_ workload: String, _ asOf: String) throws {
    let url = Programs.root.appendingPathComponent("Benchmarks/\(workload)/\(workload).credence")
    let program = try #require(Programs.compile(Programs.sources([url])))
    let ways = try Self.bothWays(program, asOf: day(asOf), Self.sample(learners: 300, seed: 1))
    Self.expectSame(ways, rows: 300)
  }

  /// Ids with commas, quotes, line breaks and control characters, and a learner whose
  /// records break the contract.
  @Test func fieldsThatNeedQuotingOrEscaping() throws {
    let program = try #require(
      Programs.compile(
        """
        policy "Quoting"
          authority "Tests"
          version "1"
          effective 2020-01-01

        stack two "Two credentials"
          using learner.awards where awarded_on > 2023-01-01
          require at least 2 credentials because "two"

        equivalence moves "Moves"
          using learner.awards
          "A,1" counts as "M,1" for 2 credits
          "B2" counts as "M;2" for 3 credits

        fund claim "A claim" per enrolment e
          where e.status == "enrolled"
          eligible when e.fee > 0 SGD because "a fee"
          amount e.fee
        """))
    let odd = Credential(code: "A,1", type: "course", credits: 2)
    let escaped = Credential(code: "B2", type: "course", credits: 3)
    let plain = Credential(code: "C3", type: "course", credits: 1)
    let learners = [
      Learner(
        id: "L,1\"q",
        awards: [
          Award(id: "X,1", credential: odd, awardedOn: day("2024-01-01"), grade: "A"),
          Award(id: "X\u{7}2", credential: escaped, awardedOn: day("2024-02-01")),
          Award(id: "X\n3", credential: plain, grade: "B"),
        ],
        enrolments: [
          Enrolment(
            id: "E,1", credential: plain, fee: Money(parsing: "100 SGD"),
            status: "enrolled"),
          Enrolment(id: "E\u{1B}2", credential: odd, status: "enrolled"),
        ]),
      Learner(
        id: "L2",
        awards: [Award(id: "Y1", credential: plain, awardedOn: day("2024-01-01"), grade: "A")]),
    ]
    let broken = LearnerRecord.invalid(
      id: "L\u{1B}3",
      errors: [RecordError(table: "awards", row: "A\"1,2", column: "grade", problem: .notText)])
    let source = InMemoryRecordSource(records: learners.map(LearnerRecord.valid) + [broken])
    let ways = try Self.bothWays(program, asOf: day("2025-01-01"), source)
    Self.expectSame(ways, rows: 6)
    #expect(ways.built.contains("\\u{1B}"))
    #expect(ways.built.contains("\"L,1\"\"q\""))
  }
}

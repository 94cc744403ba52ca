import CredenceRecords
import Foundation
import Testing

@testable import CredenceStore

/// The store's named limits, each exercised at its edge.
@Suite struct StoreLimitTests {
  @Test func moreRangesThanParallelReadersAreSharedAmongThem() throws {
    let directory = try TemporaryDirectory()
    let (store, _) = try initStore(directory.path("r.db"))
    var sql = "INSERT INTO credentials (code, title, type) VALUES ('C', 'T', 'badge');"
    for index in 0..<60 { sql += "INSERT INTO learners (id) VALUES ('L\(index)');" }
    try insertRaw(store, sql)
    let ranges = try store.recordSource.partition(into: SQLiteRecordSource.maxParallelReaders + 4)
    #expect(ranges.count == SQLiteRecordSource.maxParallelReaders + 4)
    let collected = Collected()
    try store.recordSource.forEachBatch(inEachOf: ranges, batchSize: 2) { index, batch in
      collected.add(batch.map { (index, $0.id.text) })
    }
    let ids = collected.items.map(\.1)
    #expect(ids.count == 60)
    #expect(Set(ids).count == 60, "each learner exactly once")
    for (index, id) in collected.items { #expect(ranges[index].contains(LearnerID(id))) }
  }

  @Test func scratchBuffersStopAtTheirCapacity() {
    let scratch = TextScratch()
    scratch.append(String(repeating: "x", count: TextScratch.capacity + 50))
    #expect(scratch.count == TextScratch.capacity)
    scratch.clear()
    scratch.append(String(repeating: "y", count: TextScratch.capacity))
    #expect(scratch.count == TextScratch.capacity)
  }
}

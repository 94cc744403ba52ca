import CredenceRecords
import Testing

@Suite struct LearnerShardTests {
  /// The FNV-1a 64 reference values (Fowler, Noll, Vo), so the documented hash is the one used.
  @Test func theHashIsFNV1a64() {
    #expect(LearnerShard.hash("".utf8) == 0xcbf2_9ce4_8422_2325)
    #expect(LearnerShard.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
    #expect(LearnerShard.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
  }

  @Test func shardsAreReadAsKOverN() {
    #expect(LearnerShard(parsing: "0/4") == LearnerShard(index: 0, count: 4))
    #expect(LearnerShard(parsing: "3/4")?.index == 3)
    for bad in ["4/4", "-1/4", "1/0", "1", "a/b", "1/4/2", "", "/4", "١/4"] {
      #expect(LearnerShard(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func everyLearnerIsInExactlyOneShardAndTheSourceKeepsOrderAndBatchSize() throws {
    let ids = (0..<500).map { LearnerID("L\($0)") }.sorted()
    let source = InMemoryRecordSource(learners: ids.map { Learner(id: $0) })
    var seen: [LearnerID] = []
    for index in 0..<4 {
      let shard = try #require(LearnerShard(index: index, count: 4))
      var part: [LearnerID] = []
      try ShardedRecordSource(source, shard: shard).forEachBatch(batchSize: 7) { batch in
        #expect(batch.count <= 7)
        part += batch.map(\.id)
      }
      #expect(part == part.sorted())
      #expect(part.count > 80, "a shard of 500 ids by FNV-1a holds about 125")
      #expect(part.allSatisfy { LearnerShard.shard(of: $0.text, count: 4) == index })
      seen += part
    }
    #expect(seen.sorted() == ids)
  }
}

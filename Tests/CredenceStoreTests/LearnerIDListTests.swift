import Testing

@testable import CredenceStore

/// `SQLiteRecordSource.learnerIDs(prefix:limit:)`: the REPL's `:learners` and completion.
@Suite struct LearnerIDListTests {
  static let sql = """
    INSERT INTO learners (id) VALUES ('L1'), ('L10'), ('L2'), ('L20'), ('L21'), ('M1'),
      ('L2é'), ('Lz');
    """

  @Test func idsStartingWithAPrefixInByteOrderWithTheirCount() throws {
    let store = try RecordStore.inMemory()
    try insertRaw(store, Self.sql)
    let source = store.recordSource
    let l2 = try source.learnerIDs(prefix: "L2", limit: 10)
    #expect(l2.ids == ["L2", "L20", "L21", "L2é"])
    #expect(l2.total == 4)
    let all = try source.learnerIDs(prefix: "", limit: 3)
    #expect(all.ids == ["L1", "L10", "L2"], "bounded by the limit")
    #expect(all.total == 8, "the count is not bounded")
    let none = try source.learnerIDs(prefix: "X", limit: 10)
    #expect(none.ids.isEmpty && none.total == 0)
    let quote = try source.learnerIDs(prefix: "L2'", limit: 10)
    #expect(quote.ids.isEmpty, "the prefix is bound, never spliced into SQL")
  }
}

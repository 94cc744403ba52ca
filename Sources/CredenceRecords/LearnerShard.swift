/// One of `count` disjoint parts of a store's learners (`--shard K/N`), so that N processes
/// on N machines evaluate one store between them with no coordinator.
///
/// A learner belongs to shard `FNV-1a-64(UTF-8 bytes of its id) mod N`, shards numbered
/// from 0 (as a Kubernetes indexed Job numbers its pods). The hash is the 64-bit FNV-1a
/// (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the id's bytes exactly as
/// stored: no normalisation, no case folding. It never changes between versions: a shard's
/// learners are the same whoever computes them.
public struct LearnerShard: Sendable, Hashable, CustomStringConvertible {
  /// This shard's number, `0 ..< count`.
  public let index: Int
  /// How many shards the learners are split into (at least 1).
  public let count: Int

  public init?(index: Int, count: Int) {
    guard count >= 1, (0..<count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Reads `K/N` (`0/4` … `3/4`).
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
    else { return nil }
    self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// The 64-bit FNV-1a hash of `bytes`.
  public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The shard (of `count`) that the learner `id` belongs to.
  public static func shard(of id: String, count: Int) -> Int {
    Int(hash(id.utf8) % UInt64(max(1, count)))
  }

  /// Whether the learner `id` is in this shard.
  public func contains(_ id: LearnerID) -> Bool {
    count == 1 || Self.shard(of: id.text, count: count) == index
  }
}

/// The learners of one shard of another source, in the same id order, in batches of the
/// size asked for. Looking a learner up by id is not restricted.
public struct ShardedRecordSource: RecordSource {
  public let base: any RecordSource
  public let shard: LearnerShard

  public init(_ base: any RecordSource, shard: LearnerShard) {
    self.base = base
    self.shard = shard
  }

  public func forEachBatch(batchSize: Int, _ body: ([LearnerRecord]) throws -> Void) throws {
    let size = max(1, batchSize)
    var kept: [LearnerRecord] = []
    kept.reserveCapacity(size)
    try base.forEachBatch(batchSize: size) { batch in
      for record in batch where shard.contains(record.id) {
        kept.append(record)
        if kept.count == size {
          try body(kept)
          kept.removeAll(keepingCapacity: true)
        }
      }
    }
    if !kept.isEmpty { try body(kept) }
  }

  public func learner(id: LearnerID) throws -> LearnerRecord? { try base.learner(id: id) }

  public func credential(code: String) throws -> Credential? {
    try base.credential(code: code)
  }
}

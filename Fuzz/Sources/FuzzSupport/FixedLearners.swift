import Credence
import CredenceStore
import Foundation

/// The three learners of the CLI tests' records (`Tests/CLITests/Fixtures/eval/records`),
/// imported once into a store in memory: awards, enrolments, a ledger and tags to decide on.
public enum FixedLearners {
  /// The records folder, found from this file's place in the repository.
  public static let recordsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Tests/CLITests/Fixtures/eval/records")

  /// The records' CSV files, by name.
  public static let files: [ImportFile] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: recordsFolder.path)) ?? []
    let files = names.filter { $0.hasSuffix(".csv") }.sorted().compactMap {
      try? ImportFile(contentsOf: recordsFolder.appendingPathComponent($0).path)
    }
    precondition(!files.isEmpty, "no fixture records in \(recordsFolder.path)")
    return files
  }()

  /// The fixture records imported once into a store in memory, never written: `store()`
  /// copies it.
  static let imported: RecordStore = {
    do {
      let store = try RecordStore.inMemory()
      _ = try store.importFiles(files)
      return store
    } catch {
      fatalError("the fixture records do not import: \(error)")
    }
  }()

  /// A fresh store in memory holding the fixture records: a page-by-page copy of the one
  /// imported at start (importing them again per input was most of the importer target's
  /// time).
  public static func store() -> RecordStore {
    do {
      return try imported.copyInMemory()
    } catch {
      fatalError("the fixture store does not copy: \(error)")
    }
  }

  /// The fixture store as policies and `db stats` see it, taken once: every copy starts as it.
  public static let snapshot: StoreSnapshot = {
    do {
      let snapshot = try StoreSnapshot(imported)
      let copy = try StoreSnapshot(store())
      precondition(copy == snapshot, "a copy differs from the fixture store")
      return snapshot
    } catch {
      fatalError("the fixture records do not read: \(error)")
    }
  }()

  /// Every learner of the fixture records as the reader gives them.
  public static var records: [LearnerRecord] { snapshot.learners }
}

/// What a store holds as policies and `db stats` see it: row counts and every learner.
public struct StoreSnapshot: Equatable, Sendable {
  public var counts: [String: Int]
  public var learners: [LearnerRecord]

  public init(_ store: RecordStore) throws {
    counts = Dictionary(uniqueKeysWithValues: try store.rowCounts().map { ($0.table, $0.rows) })
    learners = try Self.learners(store)
  }

  static func learners(_ store: RecordStore) throws -> [LearnerRecord] {
    var learners: [LearnerRecord] = []
    try SQLiteRecordSource(store: store).forEachBatch(batchSize: 100) { learners += $0 }
    return learners
  }
}

import Foundation
import Testing

@testable import CredenceStore

/// A file store with a small catalogue and two learners, closed, ready for import tests.
struct ImportFixture {
  let directory: TemporaryDirectory
  let path: String

  static let baseline = [
    ImportFile(
      name: "learners.csv",
      bytes: Array(
        "id,name,birth_date,citizenship,residency\nL1,Ann,1984-02-29,SG,citizen\nL2,,,,\n".utf8)),
    ImportFile(
      name: "credentials.csv",
      bytes: Array(
        "code,title,type,credits,fee,currency\nIS5003,Platform Design,micro-credential,4,1250.00,SGD\n"
          .utf8)),
  ]

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("records.db")
    let (store, _) = try initStore(path)
    _ = try store.importFiles(Self.baseline)
    try store.close()
  }

  /// Imports `files` into the store through a fresh connection, then closes it.
  func importFiles(_ files: [ImportFile], onConflict: ImportConflictPolicy = .skip) throws
    -> ImportSummary
  {
    let store = try RecordStore.openForWriting(at: path)
    defer { try? store.close() }
    return try store.importFiles(files, onConflict: onConflict)
  }

  /// Runs a failing import and checks the database file is byte-identical afterwards.
  func expectRejected(
    _ files: [ImportFile], onConflict: ImportConflictPolicy = .skip,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> StoreError {
    let before = fileBytes(path)
    #expect(!before.isEmpty, sourceLocation: sourceLocation)
    let error = try #require(throws: StoreError.self, sourceLocation: sourceLocation) {
      _ = try importFiles(files, onConflict: onConflict)
    }
    #expect(error.category == .invalidInput, sourceLocation: sourceLocation)
    #expect(fileBytes(path) == before, "the database changed", sourceLocation: sourceLocation)
    #expect(
      fileBytes(path + "-wal").isEmpty, "a write-ahead log was left", sourceLocation: sourceLocation
    )
    return error
  }

  func counts() throws -> [String: Int] {
    let store = try RecordStore.openForReading(at: path)
    defer { try? store.close() }
    return Dictionary(uniqueKeysWithValues: try store.rowCounts().map { ($0.table, $0.rows) })
  }
}

func csv(_ name: String, _ text: String) -> ImportFile {
  ImportFile(name: name, bytes: Array(text.utf8))
}

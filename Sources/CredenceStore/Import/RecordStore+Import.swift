import Foundation
import GRDB

/// A file to import: its name (for messages and CSV table names) and its bytes.
public struct ImportFile: Sendable {
  public let name: String
  public let bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  /// The file at `path`, or an error saying why it cannot be read (no such file, a
  /// directory, permissions); `/dev/null` and other special files read as what they hold.
  public init(contentsOf path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw StoreError(.unreadableInput, "cannot read `\(path)`: there is no such file")
    }
    if isDirectory.boolValue {
      throw StoreError(
        .unreadableInput, "cannot read `\(path)`: it is a directory",
        help: "name the files to import, such as `\(path)/*.csv`")
    }
    do {
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      self.init(name: path, bytes: Array(try handle.readToEnd() ?? Data()))
    } catch {
      let reason =
        FileManager.default.isReadableFile(atPath: path)
        ? "it could not be read" : "permission denied"
      throw StoreError(.unreadableInput, "cannot read `\(path)`: \(reason)")
    }
  }

  /// The format: a `.json` file is Open Badges JSON whatever it holds (an empty or `null`
  /// file gets a JSON error, not a CSV one); otherwise JSON starts with `{` or `[`, and
  /// anything else is CSV.
  public var format: ImportFormat {
    if name.lowercased().hasSuffix(".json") { return .openBadges }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .openBadges : .csv
  }
}

/// The formats `credence db import` reads.
public enum ImportFormat: String, Sendable {
  case csv = "CSV"
  case openBadges = "Open Badges JSON"
}

/// What an import wrote.
public struct ImportSummary: Sendable {
  /// What the import did to the schema first (adopting a foreign store, upgrading).
  public let preparation: RecordStore.Preparation
  /// Rows added per table, in contract order, tables with none left out.
  public let inserted: [(table: String, rows: Int)]
  /// Rows passed over because the store already held them with the same values.
  public let unchanged: [(table: String, rows: Int)]
  /// Stored rows overwritten with the imported values (`ImportConflictPolicy.replace`).
  public let replaced: [(table: String, rows: Int)]

  /// Whether the import left every stored row as it was.
  public var changedNothing: Bool { inserted.isEmpty && replaced.isEmpty }
}

extension RecordStore {
  /// Imports `files` in one transaction: all of them, or (on the first bad row) none.
  ///
  /// A row whose key is already stored is settled by `onConflict`.
  public func importFiles(_ files: [ImportFile], onConflict: ImportConflictPolicy = .skip)
    throws -> ImportSummary
  {
    let (counts, preparation) = try writeTransaction { db in
      let session = ImportSession(writer: SQLiteRecordWriting(db), policy: onConflict)
      return try session.importFiles(files)
    }
    return ImportSummary(
      preparation: preparation, inserted: counts.inserted, unchanged: counts.unchanged,
      replaced: counts.replaced)
  }
}

extension ImportSummary {
  package init(preparation: RecordStore.Preparation, counts: ImportSession.Counts) {
    self.init(
      preparation: preparation, inserted: counts.inserted, unchanged: counts.unchanged,
      replaced: counts.replaced)
  }
}

extension ImportSession {
  /// Rows per table, in contract order, tables with none left out.
  package typealias Counts = (
    inserted: [(table: String, rows: Int)], unchanged: [(table: String, rows: Int)],
    replaced: [(table: String, rows: Int)]
  )

  /// Imports `files` through this session (the caller holds the transaction).
  ///
  /// CSV files are ordered so parents come before the rows that name them (learners and
  /// the catalogue, then Open Badges files, then awards, enrolments, ledger and facts).
  package func importFiles(_ files: [ImportFile]) throws -> Counts {
    var planned: [(order: Int, file: ImportFile, table: Contract.Table?)] = []
    for file in files {
      switch file.format {
      case .openBadges:
        planned.append((3, file, nil))
      case .csv:
        let table = try Self.csvTable(file)
        let position = Contract.tables.firstIndex(of: table) ?? 0
        planned.append((position < 3 ? position : position + 1, file, table))
      }
    }
    for (_, file, table) in planned.sorted(by: { $0.order < $1.order }) {
      if table != nil {
        try CSVImporter.importFile(name: file.name, bytes: file.bytes, session: self)
      } else {
        let document: JSONValue
        do {
          document = try JSONParser.parse(file.bytes)
        } catch let error as JSONParser.SyntaxError {
          throw StoreError(
            .invalidInput, "malformed JSON: \(error.message)",
            at: "\(file.name):\(error.line):\(error.column)")
        }
        try OpenBadgesImporter(fileName: file.name, session: self).importDocument(document)
      }
    }
    func ordered(_ counts: [String: Int]) -> [(table: String, rows: Int)] {
      Contract.tables.compactMap { table in counts[table.name].map { (table.name, $0) } }
    }
    return (ordered(inserted), ordered(unchanged), ordered(replaced))
  }

  /// The table a CSV file is for, from its name or header, without importing it.
  private static func csvTable(_ file: ImportFile) throws -> Contract.Table {
    if let table = Contract.table(named: CSVImporter.fileStem(file.name).lowercased()) {
      return table
    }
    var reader = CSVReader(file.bytes)
    let first: CSVReader.Record?? = try? reader.next()
    if let read = first, read == nil {
      // Said before guessing a table from a header that is not there (`/dev/null`).
      throw StoreError(
        .invalidInput, "the file is empty; a header row with column names is required",
        at: "\(file.name):1")
    }
    let header = first??.fields.map { ($0.text ?? "").trimmingSpaces } ?? []
    return try CSVImporter.table(forFile: file.name, header: header, location: "\(file.name):1")
  }
}

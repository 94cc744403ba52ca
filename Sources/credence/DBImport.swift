import ArgumentParser
import CredenceStore
import Foundation

/// `credence db import DB FILE…`: CSV and Open Badges files, in one transaction.
struct DBImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import CSV and Open Badges 3.0 / CLR 2.0 files into a store, all or nothing.",
    discussion: """
      The format is read from each file's content: JSON (a credential, an array of them, or \
      a CLR) or CSV (one file per table, named after it, e.g. awards.csv, with a header row \
      of the contract's column names). Everything is imported in one transaction: the first \
      bad row stops the import, names the file and line (or JSON path), and leaves the store \
      as it was.
      """
  )

  @Argument(help: "The SQLite database file (a store made by `credence db init`).")
  var database: String

  @Argument(help: "The files to import.")
  var files: [String]

  func run() throws {
    try DBSupport.run {
      var inputs: [ImportFile] = []
      for path in files {
        guard let data = FileManager.default.contents(atPath: path) else {
          throw StoreError(.unreadableInput, "cannot read `\(path)`")
        }
        inputs.append(ImportFile(name: path, bytes: Array(data)))
      }
      let store = try RecordStore.openForWriting(at: database)
      let summary = try store.importFiles(inputs)
      try store.close()
      if summary.preparation == .adopted {
        print("adopted `\(database)`: its tables match the record contract (schema v1 recorded)")
      }
      let rows = summary.inserted.map { "\($0.table) +\($0.rows)" }.joined(separator: ", ")
      let count = inputs.count == 1 ? "1 file" : "\(inputs.count) files"
      print("imported \(count) into `\(database)`: \(rows.isEmpty ? "no rows" : rows)")
    }
  }
}

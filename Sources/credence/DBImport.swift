import ArgumentParser
import CredenceStore
import Foundation

extension ImportConflictPolicy: ExpressibleByArgument {}

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

      A row whose key the store already has (an award id, a learner id, …) is settled by \
      --on-conflict: `skip` (the default) passes over a row identical to the stored one and \
      refuses one that differs, so the same export can be imported every night; `replace` \
      overwrites a differing row with the imported values; `fail` refuses any stored key. \
      Rows are compared on the columns the file supplies. Ledger rows without an `id` have no \
      key to compare and are always added. The summary says what was added, passed over and \
      replaced.
      """
  )

  @Argument(
    help: "The SQLite database file or postgres:// URL (a store made by `credence db init`).")
  var database: String

  @Argument(help: "The files to import.")
  var files: [String]

  @Option(
    name: .customLong("on-conflict"),
    help:
      "What to do with a row whose key is already stored: skip (identical rows only), replace or fail."
  )
  var onConflict: ImportConflictPolicy = .skip

  func run() throws {
    try DBSupport.run {
      var inputs: [ImportFile] = []
      for path in files { inputs.append(try ImportFile(contentsOf: path)) }
      let summary: ImportSummary
      let database = RecordStores.displayName(self.database)
      if RecordStores.isPostgres(self.database) {
        summary = try RecordStores.postgres(self.database).importFiles(
          inputs, onConflict: onConflict)
      } else {
        let store = try RecordStore.openForWriting(at: database)
        summary = try store.importFiles(inputs, onConflict: onConflict)
        try store.close()
      }
      if summary.preparation == .adopted {
        Terminal.printLine(
          "adopted `\(database)`: its tables match the record contract (schema v1 recorded)")
      }
      Terminal.printLine(Self.report(summary, files: inputs.count, database: database))
    }
  }

  /// One line: rows added per table, then those passed over as already stored and those
  /// replaced, and whether the store changed at all.
  static func report(_ summary: ImportSummary, files: Int, database: String) -> String {
    func list(_ counts: [(table: String, rows: Int)], sign: String = " ") -> String {
      counts.map { "\($0.table)\(sign)\($0.rows)" }.joined(separator: ", ")
    }
    let count = files == 1 ? "1 file" : "\(files) files"
    var line = "imported \(count) into `\(database)`: "
    line += summary.inserted.isEmpty ? "no rows added" : list(summary.inserted, sign: " +")
    if !summary.unchanged.isEmpty {
      line += "; already stored, identical, skipped: \(list(summary.unchanged))"
    }
    if !summary.replaced.isEmpty {
      line += "; replaced: \(list(summary.replaced))"
    }
    if summary.changedNothing && !summary.unchanged.isEmpty {
      line += " (the store is unchanged)"
    }
    return line
  }
}

import CredenceSuggestions
import GRDB

/// Imports one CSV file into the contract table it is for.
///
/// The table is the one the file is named after (`awards.csv`, `2024-awards.csv` is not);
/// otherwise the one whose columns the header names. The header uses the contract's column
/// names; optional columns may be left out.
enum CSVImporter {
  /// Which table a CSV file fills, from its file name or else its header.
  static func table(forFile name: String, header: [String], location: String) throws
    -> Contract.Table
  {
    let stem = fileStem(name).lowercased()
    if let table = Contract.table(named: stem) { return table }
    let candidates = Contract.tables.filter { table in
      header.allSatisfy { table.column($0) != nil }
        && table.columns.allSatisfy { !table.mustBeSupplied($0) || header.contains($0.name) }
    }
    if candidates.count == 1 { return candidates[0] }
    throw StoreError(
      .invalidInput, "cannot tell which table this file is for", at: location,
      help: "name the file after its table: "
        + Contract.tables.map { "`\($0.name).csv`" }.joined(separator: ", "))
  }

  static func fileStem(_ name: String) -> String {
    let base = name.split(separator: "/").last.map(String.init) ?? name
    guard let dot = base.lastIndex(of: ".") else { return base }
    return String(base[..<dot])
  }

  /// Reads `bytes` (the file `name`) and inserts every row through `session`.
  static func importFile(name: String, bytes: [UInt8], session: ImportSession) throws {
    var reader = CSVReader(bytes)
    func syntax(_ error: CSVReader.SyntaxError) -> StoreError {
      StoreError(.invalidInput, error.message, at: "\(name):\(error.line):\(error.column)")
    }
    let headerRecord: CSVReader.Record
    do {
      guard let first = try reader.next() else {
        throw StoreError(
          .invalidInput, "the file is empty; a header row with column names is required",
          at: "\(name):1")
      }
      headerRecord = first
    } catch let error as CSVReader.SyntaxError {
      throw syntax(error)
    }
    let header = headerRecord.fields.map { ($0.text ?? "").trimmingSpaces }
    let table = try self.table(forFile: name, header: header, location: "\(name):1")
    var columns: [Contract.Column] = []
    for (field, columnName) in zip(headerRecord.fields, header) {
      let location = "\(name):\(field.line):\(field.column)"
      guard let column = table.column(columnName) else {
        throw StoreError(
          .invalidInput, "`\(columnName)` is not a column of `\(table.name)`", at: location,
          help: suggestion(for: columnName, in: table))
      }
      if columns.contains(column) {
        throw StoreError(.invalidInput, "column `\(columnName)` appears twice", at: location)
      }
      columns.append(column)
    }
    for column in table.columns where table.mustBeSupplied(column) && !columns.contains(column) {
      throw StoreError(
        .invalidInput, "missing required column `\(column.name)` for table `\(table.name)`",
        at: "\(name):1",
        help: "the header must name "
          + table.columns.filter(table.mustBeSupplied)
          .map { "`\($0.name)`" }.joined(separator: ", "))
    }
    let columnNames = columns.map(\.name)
    var values: [DatabaseValue] = []
    values.reserveCapacity(columns.count)
    while true {
      let record: CSVReader.Record
      do {
        guard let next = try reader.next() else { break }
        record = next
      } catch let error as CSVReader.SyntaxError {
        throw syntax(error)
      }
      guard record.fields.count == columns.count else {
        throw StoreError(
          .invalidInput,
          "this row has \(record.fields.count) fields but the header has \(columns.count)",
          at: "\(name):\(record.line)",
          help: "quote fields that contain commas or line breaks")
      }
      values.removeAll(keepingCapacity: true)
      for (field, column) in zip(record.fields, columns) {
        let location = "\(name):\(field.line):\(field.column)"
        guard let text = field.text else {
          if table.mustBeSupplied(column) {
            throw StoreError(
              .invalidInput, "column `\(column.name)` is empty but required", at: location)
          }
          values.append(column.defaultValue?.databaseValue ?? .null)
          continue
        }
        switch ImportValue.convert(text, kind: column.kind, isKey: table.isKey(column.name)) {
        case .success(let value): values.append(value)
        case .failure(let problem):
          throw StoreError(
            .invalidInput, "column `\(column.name)` is \(problem.explanation)", at: location)
        }
      }
      try session.insert(
        into: table, columns: columnNames, values: values, at: "\(name):\(record.line)")
    }
  }

  /// "did you mean" by edit distance, when a column name is close enough to be a typo.
  static func suggestion(for name: String, in table: Contract.Table) -> String {
    let names = table.columns.map(\.name)
    if let best = Suggestions.closest(to: name, among: names) {
      return "did you mean `\(best)`?"
    }
    return "its columns are " + names.map { "`\($0)`" }.joined(separator: ", ")
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}

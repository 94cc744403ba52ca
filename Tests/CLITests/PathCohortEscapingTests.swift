import Foundation
import Testing

/// `credence path --all` over a store another tool wrote (the importer refuses control
/// characters in keys): a learner id and a credential code holding a comma, a quote, a line
/// break and an ESC or BEL. The CSV is RFC 4180 through the one CSV writer `eval --all`
/// uses, controls other than line breaks escaped; the table escapes every control.
@Suite struct PathCohortEscapingTests {
  /// `N,"1"` LF `x` ESC `[2J`.
  static let learner = "'N,\"1\"' || char(10) || 'x' || char(27) || '[2J'"
  /// `D,"4"` BEL, titled `Data, "advanced"` ESC.
  static let code = "'D,\"4\"' || char(7)"

  static func store() throws -> (DBScratchDirectory, String) {
    let (dir, store) = try PathOutputTests.store()
    let inserted = try DBCommand.sqlite(
      store,
      "INSERT INTO learners (id, name, birth_date, citizenship, residency) VALUES "
        + "(\(learner), 'Eve', '1980-05-01', 'SG', 'citizen'); "
        + "INSERT INTO awards (id, learner_id, credential_code, awarded_on, grade) VALUES "
        + "('A9', \(learner), 'D1', '2025-03-01', 'A'); "
        + "INSERT INTO credentials (code, title, provider, type, credits, credit_system, level, "
        + "field, hours, fee, currency) VALUES (\(code), 'Data, \"advanced\"' || char(27), "
        + "'Credence U', 'course', 4, 'SG-MC', 6, 'data', 20, '800.00', 'SGD');")
    #expect(inserted == 0)
    return (dir, store)
  }

  static func cohort(_ store: String, format: String) throws -> String {
    let outcome = try DBCommand.run(
      [
        "path", "policies", "--db", store, "--as-of", "2026-06-30", "--to", "data", "--all",
        "--format", format,
      ], in: PathOutputTests.folder)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    return outcome.standardOutput
  }

  @Test func theCSVIsGoldenAndReadsBackAsRFC4180() throws {
    let (dir, store) = try Self.store()
    _ = dir
    let csv = try Self.cohort(store, format: "csv")
    try PathOutputTests.expectGolden(csv, "cohort-awkward-keys.csv")
    EscapedIDTests.expectNoControls(csv, "path --all --format csv")
    let records = Self.parseCSV(csv)
    // The header, four learners, the blank line, the credential header, four credentials.
    #expect(records.count == 11, "\(records)")
    #expect(records.allSatisfy { $0.count == 5 || $0.count == 4 || $0 == [""] }, "\(records)")
    #expect(records[1][0] == "N,\"1\"\nx\\u{1B}[2J")
    #expect(records[1][4] == "D,\"4\"\\u{7} D2 D3")
    #expect(records[7] == ["D,\"4\"\\u{7}", "Data, \"advanced\"\\u{1B}", "2", "4"])
  }

  @Test func theTableIsGoldenAndEscaped() throws {
    let (dir, store) = try Self.store()
    _ = dir
    let table = try Self.cohort(store, format: "table")
    try PathOutputTests.expectGolden(table, "cohort-awkward-keys.txt")
    EscapedIDTests.expectNoControls(table, "path --all")
    #expect(table.hasPrefix("N,\"1\"\\u{A}x\\u{1B}[2J: 1 away"), "\(table)")
  }

  /// Records of RFC 4180 text: fields split at commas outside quotes, `""` inside quotes a
  /// quote, records at line ends outside quotes.
  static func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        record.append(field)
        field = ""
      } else if character == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(character)
      }
    }
    return records
  }
}

import CredenceRecords
import CredenceValues
import GRDB
import GRDBSQLite

/// The credential catalogue with tags, read once per read transaction.
///
/// Small next to the learners (thousands of rows, not millions), so holding it in memory
/// keeps memory flat in the number of learners and lets awards and enrolments find their
/// credential without a query each.
struct Catalogue {
  /// A catalogue row: the credential, or why it breaks the contract.
  enum Entry {
    case valid(Credential)
    case broken(RecordError)
  }

  private(set) var entries: [String: Entry] = [:]

  static let credentialColumns =
    "code, title, provider, type, credits, credit_system, level, field, hours, fee, currency"

  /// Reads the whole catalogue, or only `code` when given, or only the entries `only`
  /// selects.
  static func load(_ db: Database, code: String? = nil, only: Selection? = nil) throws
    -> Catalogue
  {
    var catalogue = Catalogue()
    var tags: [String: [String]] = [:]
    var brokenTags: [String: RecordError] = [:]
    func filter(_ column: String) -> (sql: String, arguments: StatementArguments) {
      if let code { return (" WHERE \(column) = ?", [code]) }
      if let condition = only?.condition(column) {
        return (" WHERE " + condition.sql, condition.arguments)
      }
      return ("", [])
    }
    let tagFilter = filter("credential_code")
    var tagRows = try RawRows(
      db,
      sql:
        "SELECT credential_code, tag FROM credential_tags\(tagFilter.sql) ORDER BY tag COLLATE BINARY",
      arguments: tagFilter.arguments)
    while try tagRows.next() {
      guard let owner = ColumnReader.text(tagRows.handle, 0) else { continue }
      if let only, !only.codes.contains(owner) { continue }
      var reader = ColumnReader(tagRows, table: "credential_tags", key: owner)
      if let tag = reader.text(1, "tag", required: true) {
        tags[owner, default: []].append(tag)
      } else if let error = reader.errors.first {
        brokenTags[owner] = error
      }
    }
    let credentialFilter = filter("code")
    var rows = try RawRows(
      db, sql: "SELECT \(credentialColumns) FROM credentials\(credentialFilter.sql)",
      arguments: credentialFilter.arguments)
    // Codes on more than one row (a foreign store without the primary key), with their
    // number of rows: which row is the credential cannot be told, so none is.
    var copies: [String: Int] = [:]
    while try rows.next() {
      guard let code = ColumnReader.text(rows.handle, 0) else { continue }
      if let only, !only.codes.contains(code) { continue }
      if catalogue.entries[code] != nil {
        copies[code, default: 1] += 1
        continue
      }
      var reader = ColumnReader(rows, table: "credentials", key: code)
      let credential = read(&reader, code: code, tags: tags[code] ?? [])
      if let error = reader.errors.first ?? brokenTags[code] {
        catalogue.entries[code] = .broken(error)
      } else if let credential {
        catalogue.entries[code] = .valid(credential)
      }
    }
    for (code, rows) in copies {
      catalogue.entries[code] = .broken(
        RecordError(
          table: "credentials", row: code, column: "code", problem: .duplicateKey(rows: rows)))
    }
    return catalogue
  }

  /// The part of the catalogue a read of one learner looks up: the codes the learner's
  /// awards and enrolments name (a few of the catalogue's hundreds or thousands).
  ///
  /// Entries are found by comparing codes as Swift strings, as lookups in the whole
  /// catalogue do, so SQL only narrows the rows read, to a superset: every spelling of each
  /// code that is Unicode-equivalent to it (an ASCII code has such spellings only through
  /// the Kelvin sign, the Greek question mark and the Greek varia, which decompose to `K`,
  /// `;` and `` ` ``), and every number (read as text). When a code is not plain ASCII text,
  /// or there are too many spellings, every row is read. Either way the entries are exactly
  /// those the whole catalogue has for these codes.
  struct Selection {
    var codes: Set<String>
    /// Whether every code was stored as text of ASCII characters 1-127 only.
    var plain: Bool

    /// The most spellings of one code looked up; beyond, the whole catalogue is read.
    static let maximumSpellingsPerCode = 16
    /// The most spellings of all codes bound in one query (SQLite caps the parameters of a
    /// statement, at 999 in older versions); beyond, the whole catalogue is read.
    static let maximumSpellings = 512

    /// The ASCII characters with Unicode-equivalent spellings, and those spellings.
    static let equivalents: [UInt8: String] = [
      UInt8(ascii: "K"): "\u{212A}", UInt8(ascii: ";"): "\u{37E}", UInt8(ascii: "`"): "\u{1FEF}",
    ]

    /// Every spelling of the ASCII `code` equal to it as a Swift string, or `nil` when
    /// there are more than `limit`.
    static func spellings(of code: String, limit: Int = maximumSpellingsPerCode) -> [String]? {
      var spellings = [""]
      for byte in code.utf8 {
        let character = String(UnicodeScalar(byte))
        if let other = equivalents[byte] {
          guard spellings.count * 2 <= limit else { return nil }
          spellings = spellings.flatMap { [$0 + character, $0 + other] }
        } else {
          spellings = spellings.map { $0 + character }
        }
      }
      return spellings
    }

    /// A condition on `column` keeping a superset of the rows holding `codes`, or `nil`.
    func condition(_ column: String) -> (sql: String, arguments: StatementArguments)? {
      guard plain else { return nil }
      var all: [String] = []
      for code in codes.sorted() {
        guard let spellings = Self.spellings(of: code) else { return nil }
        all += spellings
        if all.count > Self.maximumSpellings { return nil }
      }
      let marks = Array(repeating: "?", count: all.count).joined(separator: ", ")
      // Numbers sort before any text in SQLite: `< ''` finds the rows holding one.
      return ("(\(column) IN (\(marks)) OR \(column) < '')", StatementArguments(all))
    }
  }

  /// What reading `learner` looks up in the catalogue.
  static func selection(_ db: Database, for learner: LearnerID) throws -> Selection {
    var rows = try RawRows(
      db,
      sql: "SELECT credential_code FROM awards WHERE learner_id = ? COLLATE BINARY "
        + "UNION ALL SELECT credential_code FROM enrolments WHERE learner_id = ? COLLATE BINARY",
      arguments: [learner.text, learner.text])
    var selection = Selection(codes: [], plain: true)
    while try rows.next() {
      guard let code = ColumnReader.text(rows.handle, 0) else { continue }
      if ColumnReader.type(rows.handle, 0) != SQLITE_TEXT
        || !code.utf8.allSatisfy({ (1...127).contains($0) })
      {
        selection.plain = false
      }
      selection.codes.insert(code)
    }
    return selection
  }

  private static func read(_ reader: inout ColumnReader, code: String, tags: [String])
    -> Credential?
  {
    let title = reader.text(1, "title", required: true)
    let provider = reader.text(2, "provider")
    let type = reader.choice(
      3, "type", Contract.credentialTypes, required: true, as: CredentialType.self)
    let credits = reader.decimal(4, "credits")
    let creditSystem = reader.text(5, "credit_system")
    let level = reader.integer(6, "level").map { ExactDecimal($0) }
    let field = reader.text(7, "field")
    let hours = reader.integer(8, "hours").map { ExactDecimal($0) }
    let fee = reader.money(amount: 9, "fee", currency: 10, "currency")
    guard let title, let type else { return nil }
    return Credential(
      code: code, title: title, provider: provider, type: type.rawValue, credits: credits,
      creditSystem: creditSystem, level: level, field: field, hours: hours, fee: fee,
      tags: tags)
  }

  /// The credential `code`, or the error that a row referring to it gets.
  ///
  /// `table`, `key` and `column` name the referring row.
  func credential(_ code: String, from table: String, key: String, column: String) -> Result<
    Credential, RecordError
  > {
    switch entries[code] {
    case .valid(let credential)?:
      return .success(credential)
    case .broken(let error)?:
      return .failure(
        RecordError(
          table: table, row: key, column: column,
          problem: .brokenReference(RecordErrorReference(error))))
    case nil:
      return .failure(
        RecordError(
          table: table, row: key, column: column,
          problem: .dangling(table: "credentials", key: code)))
    }
  }
}

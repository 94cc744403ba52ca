import CredenceRecords
import CredenceValues
import GRDB

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

  /// Reads the whole catalogue, or only `code` when given.
  static func load(_ db: Database, code: String? = nil) throws -> Catalogue {
    var catalogue = Catalogue()
    var tags: [String: [String]] = [:]
    var brokenTags: [String: RecordError] = [:]
    let filter = code == nil ? "" : " WHERE credential_code = ?"
    var tagRows = try RawRows(
      db,
      sql: "SELECT credential_code, tag FROM credential_tags\(filter) ORDER BY tag COLLATE BINARY",
      arguments: code.map { [$0] } ?? [])
    while try tagRows.next() {
      guard let owner = ColumnReader.text(tagRows.handle, 0) else { continue }
      var reader = ColumnReader(tagRows, table: "credential_tags", key: owner)
      if let tag = reader.text(1, "tag", required: true) {
        tags[owner, default: []].append(tag)
      } else if let error = reader.errors.first {
        brokenTags[owner] = error
      }
    }
    var rows = try RawRows(
      db,
      sql: "SELECT \(credentialColumns) FROM credentials"
        + (code == nil ? "" : " WHERE code = ?"),
      arguments: code.map { [$0] } ?? [])
    while try rows.next() {
      guard let code = ColumnReader.text(rows.handle, 0) else { continue }
      var reader = ColumnReader(rows, table: "credentials", key: code)
      let credential = read(&reader, code: code, tags: tags[code] ?? [])
      if let error = reader.errors.first ?? brokenTags[code] {
        catalogue.entries[code] = .broken(error)
      } else if let credential {
        catalogue.entries[code] = .valid(credential)
      }
    }
    return catalogue
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
    let level = reader.integer(6, "level")
    let field = reader.text(7, "field")
    let hours = reader.integer(8, "hours")
    let fee = reader.money(amount: 9, "fee", currency: 10, "currency")
    guard let title, let type else { return nil }
    return Credential(
      code: code, title: title, provider: provider, type: type, credits: credits,
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

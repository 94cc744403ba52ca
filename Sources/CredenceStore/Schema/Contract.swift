/// The record contract of `records.md` as data: tables, columns and what each column holds.
///
/// Importers validate against it, the store checks a foreign database against it, and the
/// contract tests compare it with `PRAGMA table_info`. The SQL itself lives in `SchemaV1`.
public enum Contract {
  /// What a column holds, which decides how it is validated and read.
  public enum Kind: Sendable, Hashable {
    /// Free text, stored as given.
    case text
    /// An ISO 8601 calendar date, `YYYY-MM-DD`.
    case date
    /// An exact number: INTEGER or TEXT in plain decimal notation.
    case decimal
    /// A whole number.
    case integer
    /// One of a closed list of words.
    case choice([String])
    /// An ISO 4217 currency code such as `SGD`.
    case currency
    /// An ISO 3166-1 alpha-2 country code such as `SG`.
    case country
  }

  /// One column of a contract table.
  public struct Column: Sendable, Hashable {
    public let name: String
    public let kind: Kind
    /// `NOT NULL` in the contract.
    public let required: Bool
    /// The value used when an import leaves the column out, if any.
    public let defaultValue: String?
    /// The type declared in the SQL, as `PRAGMA table_info` reports it.
    public let declaredType: String

    init(
      _ name: String, _ kind: Kind, required: Bool = false, defaultValue: String? = nil,
      declaredType: String? = nil
    ) {
      self.name = name
      self.kind = kind
      self.required = required
      self.defaultValue = defaultValue
      switch kind {
      case .decimal: self.declaredType = declaredType ?? ""
      case .integer: self.declaredType = declaredType ?? "INTEGER"
      default: self.declaredType = declaredType ?? "TEXT"
      }
    }

    /// Whether an import must supply the column: required and without a default.
    public var mustBeSupplied: Bool { required && defaultValue == nil }
  }

  /// A column that names a row of another table.
  public struct Reference: Sendable, Hashable {
    public let column: String
    public let table: String
    public let targetColumn: String
  }

  /// One contract table.
  public struct Table: Sendable, Hashable {
    public let name: String
    public let columns: [Column]
    /// The primary-key columns, in key order.
    public let primaryKey: [String]
    public let references: [Reference]
    /// Whether SQLite assigns the key when an import leaves it out (`INTEGER PRIMARY KEY`).
    public let keyIsAssigned: Bool

    /// Whether an import must give `column` a value: required, with no default, and not a
    /// key SQLite assigns.
    public func mustBeSupplied(_ column: Column) -> Bool {
      column.mustBeSupplied && !(keyIsAssigned && primaryKey == [column.name])
    }

    /// The column named `name`, if the table has one.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// Whether `column` holds an id or a code: part of the key, or a reference to one.
    public func isKey(_ column: String) -> Bool {
      primaryKey.contains(column) || references.contains { $0.column == column }
    }
  }

  public static let residencies = ["citizen", "permanent_resident", "other"]
  public static let credentialTypes = [
    "micro-credential", "course", "module", "certificate", "diploma", "degree", "badge",
  ]
  public static let awardStatuses = ["valid", "revoked"]
  public static let enrolmentStatuses = ["applied", "enrolled", "completed", "withdrawn"]

  public static let learners = Table(
    name: "learners",
    columns: [
      Column("id", .text, required: true),
      Column("name", .text),
      Column("birth_date", .date),
      Column("citizenship", .country),
      Column("residency", .choice(residencies)),
    ],
    primaryKey: ["id"], references: [], keyIsAssigned: false)

  public static let credentials = Table(
    name: "credentials",
    columns: [
      Column("code", .text, required: true),
      Column("title", .text, required: true),
      Column("provider", .text),
      Column("type", .choice(credentialTypes), required: true),
      Column("credits", .decimal),
      Column("credit_system", .text),
      Column("level", .integer),
      Column("field", .text),
      Column("hours", .integer),
      Column("fee", .decimal),
      Column("currency", .currency),
    ],
    primaryKey: ["code"], references: [], keyIsAssigned: false)

  public static let credentialTags = Table(
    name: "credential_tags",
    columns: [
      Column("credential_code", .text, required: true),
      Column("tag", .text, required: true),
    ],
    primaryKey: ["credential_code", "tag"],
    references: [Reference(column: "credential_code", table: "credentials", targetColumn: "code")],
    keyIsAssigned: false)

  public static let awards = Table(
    name: "awards",
    columns: [
      Column("id", .text, required: true),
      Column("learner_id", .text, required: true),
      Column("credential_code", .text, required: true),
      Column("awarded_on", .date, required: true),
      Column("expires_on", .date),
      Column("grade", .text),
      Column("score", .decimal),
      Column("status", .choice(awardStatuses), required: true, defaultValue: "valid"),
      Column("source", .text),
    ],
    primaryKey: ["id"],
    references: [
      Reference(column: "learner_id", table: "learners", targetColumn: "id"),
      Reference(column: "credential_code", table: "credentials", targetColumn: "code"),
    ],
    keyIsAssigned: false)

  public static let enrolments = Table(
    name: "enrolments",
    columns: [
      Column("id", .text, required: true),
      Column("learner_id", .text, required: true),
      Column("credential_code", .text, required: true),
      Column("start_on", .date, required: true),
      Column("end_on", .date),
      Column("fee", .decimal),
      Column("currency", .currency),
      Column("status", .choice(enrolmentStatuses), required: true),
    ],
    primaryKey: ["id"],
    references: [
      Reference(column: "learner_id", table: "learners", targetColumn: "id"),
      Reference(column: "credential_code", table: "credentials", targetColumn: "code"),
    ],
    keyIsAssigned: false)

  public static let fundingLedger = Table(
    name: "funding_ledger",
    columns: [
      Column("id", .integer, required: true),
      Column("learner_id", .text, required: true),
      Column("scheme", .text, required: true),
      Column("amount", .decimal, required: true),
      Column("currency", .currency, required: true),
      Column("posted_on", .date, required: true),
      Column("expires_on", .date),
      Column("memo", .text),
    ],
    primaryKey: ["id"],
    references: [Reference(column: "learner_id", table: "learners", targetColumn: "id")],
    keyIsAssigned: true)

  public static let learnerFacts = Table(
    name: "learner_facts",
    columns: [
      Column("learner_id", .text, required: true),
      Column("name", .text, required: true),
      Column("value", .text),
    ],
    primaryKey: ["learner_id", "name"],
    references: [Reference(column: "learner_id", table: "learners", targetColumn: "id")],
    keyIsAssigned: false)

  /// Every contract table, parents before the tables that reference them, which is also
  /// the order an import must fill them in.
  public static let tables = [
    learners, credentials, credentialTags, awards, enrolments, fundingLedger, learnerFacts,
  ]

  /// The contract table named `name`, if there is one.
  public static func table(named name: String) -> Table? { tables.first { $0.name == name } }
}

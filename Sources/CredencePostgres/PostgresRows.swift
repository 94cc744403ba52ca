import CredenceStore
import GRDB
import PostgresNIO

/// Rows as the staging tables take them: whole numbers as integers, everything else as the
/// text the server gives (the SQL casts `numeric` and `date` to text, so decimals keep
/// their digits and dates their ISO form).
enum PostgresRows {
  static func values(_ row: PostgresRow) throws -> [DatabaseValue] {
    var values: [DatabaseValue] = []
    values.reserveCapacity(row.count)
    for cell in row {
      guard cell.bytes != nil else {
        values.append(.null)
        continue
      }
      switch cell.dataType {
      case .int8, .int4, .int2: values.append(try cell.decode(Int64.self).databaseValue)
      default: values.append(try cell.decode(String.self).databaseValue)
      }
    }
    return values
  }

  /// The select list for `columns` of `table` (by default the staged ones): `numeric` and
  /// `date` columns cast to text.
  static func selectList(_ table: Contract.Table, columns: [String]? = nil) -> String {
    (columns ?? RecordStaging.columns[table.name] ?? []).map { name in
      guard let column = table.column(name) else { return name }
      switch column.kind {
      case .date, .decimal: return "\(name)::text"
      default: return name
      }
    }.joined(separator: ", ")
  }
}

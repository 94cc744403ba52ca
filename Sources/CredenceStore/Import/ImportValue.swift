import CredenceValues
import GRDB

/// Turns imported text into what the store keeps, by the column's contract kind.
enum ImportValue {
  /// The stored value, or why `text` breaks the contract (worded without the value, which
  /// may be learner data).
  ///
  /// `isKey` marks an id or a code (a key or a reference): those must be printable.
  static func convert(_ text: String, kind: Contract.Kind, isKey: Bool = false)
    -> Result<DatabaseValue, ImportProblem>
  {
    if let problem = textProblem(text, isKey: isKey) { return .failure(problem) }
    switch kind {
    case .text:
      return .success(text.databaseValue)
    case .date:
      guard CivilDate(parsing: text) != nil else { return .failure(.notADate) }
      return .success(text.databaseValue)
    case .decimal:
      return decimal(text).map { .success($0) } ?? .failure(.notANumber)
    case .integer:
      guard let integer = Int64(text) else { return .failure(.notAWholeNumber) }
      return .success(integer.databaseValue)
    case .choice(let words):
      guard words.contains(text) else { return .failure(.notOneOf(words)) }
      return .success(text.databaseValue)
    case .currency:
      guard CurrencyCode(parsing: text) != nil else { return .failure(.notACurrency) }
      return .success(text.databaseValue)
    case .country:
      let letters = text.utf8.filter { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
      guard letters.count == 2, text.utf8.count == 2 else { return .failure(.notACountry) }
      return .success(text.databaseValue)
    }
  }

  /// Why `text` cannot be stored as it is: a NUL byte anywhere (SQLite's C strings end at
  /// it, so `L0000001\0zzz` would be read back as another learner's id), or, in an id or a
  /// code, any control character (C0, DEL or C1), which would print as something else.
  static func textProblem(_ text: String, isKey: Bool) -> ImportProblem? {
    // Bytes, not scalars: every imported value passes here, and the controls are ASCII
    // bytes or, for C1, `C2 80`…`C2 9F`.
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == 0 { return .nulByte }
      if isKey {
        if byte < 0x20 || byte == 0x7F { return .controlCharacter(Unicode.Scalar(byte)) }
        if previous == 0xC2 && byte >= 0x80 && byte < 0xA0 {
          return .controlCharacter(Unicode.Scalar(byte))
        }
      }
      previous = byte
    }
    return nil
  }

  /// An exact number as stored: INTEGER when it is a whole number written without a point
  /// and fits 64 bits, otherwise the TEXT as written (`'7.50'` keeps its scale).
  static func decimal(_ text: String) -> DatabaseValue? {
    guard ExactDecimal(parsing: text) != nil else { return nil }
    if !text.utf8.contains(UInt8(ascii: ".")), let integer = Int64(text) {
      return integer.databaseValue
    }
    return text.databaseValue
  }
}

/// Why an imported value breaks the contract.
enum ImportProblem: Error, Equatable {
  case notADate
  case notANumber
  case notAWholeNumber
  case notOneOf([String])
  case notACurrency
  case notACountry
  case nulByte
  case controlCharacter(Unicode.Scalar)

  /// Completes "column `x` is …".
  var explanation: String {
    switch self {
    case .notADate: "not a date (expected YYYY-MM-DD)"
    case .notANumber: "not an exact number (expected plain decimal notation such as 7.5)"
    case .notAWholeNumber: "not a whole number"
    case .notOneOf(let words): "not one of " + words.map { "`\($0)`" }.joined(separator: ", ")
    case .notACurrency: "not a currency code (expected three capital letters such as SGD)"
    case .notACountry: "not a country code (expected two capital letters such as SG)"
    case .nulByte: "not text the store can keep: it contains a NUL byte"
    case .controlCharacter(let scalar):
      "not a printable id or code: it contains the control character "
        + "U+\(ImportProblem.hex(scalar))"
    }
  }
}

extension ImportProblem {
  /// A scalar's code point as four or more hex digits (`0007`).
  static func hex(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

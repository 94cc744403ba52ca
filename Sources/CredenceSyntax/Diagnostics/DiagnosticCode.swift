/// A stable diagnostic code such as `E0201`: searchable, and safe to match in scripts.
///
/// Ranges: `E00xx` loading files, `E01xx` lexical, `E02xx` syntax, `E03xx` and up the
/// checker (issue 3); `W…` codes are warnings. A code is never reused for another meaning.
public struct DiagnosticCode: Hashable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The code as printed.
  public let rawValue: String

  /// Wraps a code; other modules declare their own codes in their range.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }
}

extension DiagnosticCode {
  // MARK: Loading (E00xx)

  /// A path named on the command line does not exist.
  public static let noSuchPath: DiagnosticCode = "E0001"
  /// A file exists but could not be read.
  public static let unreadableFile: DiagnosticCode = "E0002"
  /// A file is larger than `Limits.maximumSourceFileBytes`.
  public static let fileTooLarge: DiagnosticCode = "E0003"
  /// A folder holds no `.credence` file.
  public static let noPolicyFiles: DiagnosticCode = "E0004"

  // MARK: Lexical (E01xx)

  /// Bytes that are not well-formed UTF-8.
  public static let invalidUTF8: DiagnosticCode = "E0101"
  /// A NUL byte.
  public static let nulByte: DiagnosticCode = "E0102"
  /// A character that starts no token.
  public static let unexpectedCharacter: DiagnosticCode = "E0103"
  /// A string without its closing quote on the same line.
  public static let unterminatedString: DiagnosticCode = "E0104"
  /// An unknown or malformed escape in a string.
  public static let invalidEscape: DiagnosticCode = "E0105"
  /// A date literal that is not a calendar date.
  public static let invalidDate: DiagnosticCode = "E0106"
  /// A number with a misplaced `_`.
  public static let malformedNumber: DiagnosticCode = "E0107"
  /// A duration with a fractional or oversized count.
  public static let invalidDuration: DiagnosticCode = "E0108"
  /// A control character inside a string.
  public static let controlCharacterInString: DiagnosticCode = "E0109"
  /// A binary file (`Limits.binaryFileNULBytes`) given as a policy file.
  public static let binaryFile: DiagnosticCode = "E0110"

  // MARK: Syntax (E02xx)

  /// A token the grammar does not allow here.
  public static let unexpectedToken: DiagnosticCode = "E0201"
  /// A bracket left open.
  public static let unclosedDelimiter: DiagnosticCode = "E0202"
  /// Nesting deeper than `Limits.maximumNestingDepth`.
  public static let nestingTooDeep: DiagnosticCode = "E0203"
  /// `a < b < c`: comparisons do not chain.
  public static let chainedComparison: DiagnosticCode = "E0204"
  /// A requirement block whose items are not laid out as the layout rule says.
  public static let badIndentation: DiagnosticCode = "E0205"
  /// A later `param` value without `from DATE`.
  public static let missingFrom: DiagnosticCode = "E0206"
  /// Something other than a declaration at the top level of a file.
  public static let expectedDeclaration: DiagnosticCode = "E0207"
  /// A doc comment (`##`) that no declaration follows.
  public static let danglingDocComment: DiagnosticCode = "W0201"
}

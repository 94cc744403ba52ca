/// A failure of the store, worded for the person running Credence.
///
/// Messages follow the house style: one lowercase sentence, user input in backticks, no
/// final period, detail in `help`. They never contain learner data: an import error names
/// the file and line (or JSON path), the column and what is wrong, never the value itself.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, broadly; the CLI maps it to an exit status.
  public enum Category: Sendable, Hashable {
    /// The database file does not exist.
    case noSuchStore
    /// The file is not a Credence store (not SQLite, another application, no contract tables).
    case notAStore
    /// The store was written by a newer Credence.
    case newerStore
    /// The store needs an upgrade that a read-only open may not make.
    case needsUpgrade
    /// A foreign database lacks a contract table or column.
    case contract
    /// Input to an import is malformed or breaks the contract; nothing was written.
    case invalidInput
    /// An input file could not be read.
    case unreadableInput
    /// SQLite itself failed (disk full, locked, I/O).
    case database
  }

  public let category: Category
  /// Where the problem is: `file:line`, `file:line:column` or `file: $.json.path`.
  public let location: String?
  public let message: String
  public let help: String?

  public init(
    _ category: Category, _ message: String, at location: String? = nil, help: String? = nil
  ) {
    self.category = category
    self.message = message
    self.location = location
    self.help = help
  }

  /// `location: message`, with the help on a second line.
  public var description: String {
    var text = location.map { "\($0): \(message)" } ?? message
    if let help { text += "\n  = help: \(help)" }
    return text
  }
}

import Credence

/// JSON text for the server's own envelopes (errors, lists, versions). Decisions are never
/// written here: they come from the facade's `ResultWriter`, as `credence eval` writes them.
enum JSONText {
  /// `text` as a JSON string literal (the facade's one encoder).
  static func string(_ text: String) -> String { JSONString.literal(text) }

  /// An object of members already written as JSON, in the order given.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  static func array(_ elements: [String]) -> String {
    "[" + elements.joined(separator: ",") + "]"
  }
}

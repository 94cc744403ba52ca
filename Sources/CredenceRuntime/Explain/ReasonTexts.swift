/// The texts of the commonest reasons, kept per machine: a batch names the same few facts
/// for thousands of learners ("the grade "S" is not on the scale `letter`", "the level of
/// credential SUS192 is not recorded"), and building one by interpolation cost several times
/// a look-up.
final class ReasonTexts {
  /// What a reason's text depends on, and nothing else.
  enum Key: Hashable {
    /// A grade without a place on the scale it is compared on (`scale` -1: the scale is not
    /// known by name).
    case gradeOffScale(mark: String, scale: Int32)
    /// A field of a catalogue entry (the credential of an award or enrolment) not recorded.
    case credentialField(field: String, code: String)
  }

  /// Most texts kept; past it the table starts again, so a run over any number of distinct
  /// marks or codes holds a bounded amount.
  static let maximumEntries = 4_096

  private var texts: [Key: String] = [:]

  /// How many texts are kept.
  var count: Int { texts.count }

  /// The text for `key`, made by `make` the first time.
  func text(_ key: Key, _ make: () -> String) -> String {
    if let text = texts[key] { return text }
    let text = make()
    if texts.count >= Self.maximumEntries { texts.removeAll(keepingCapacity: true) }
    texts[key] = text
    return text
  }
}

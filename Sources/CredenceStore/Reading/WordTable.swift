import CredenceRecords

/// The words a column may hold (`records.md`'s choices), found by their UTF-8 bytes.
///
/// A status or residency is read for every row; building a `String` and switching over the
/// words with Unicode-aware comparison cost more than the rest of the column's read.
/// Bytes that are not exactly one of the words go the old way (text, then the words'
/// `String` equality), so what is accepted does not change.
struct WordTable<Word: RawRepresentable<String> & Sendable>: Sendable {
  /// The contract's words, for error messages.
  let words: [String]
  private let entries: [(bytes: [UInt8], word: Word)]

  init(_ words: [String]) {
    self.words = words
    entries = words.compactMap { text in Word(rawValue: text).map { (Array(text.utf8), $0) } }
  }

  /// The word whose UTF-8 is exactly `bytes`, or nil.
  func word(_ bytes: UnsafeBufferPointer<UInt8>) -> Word? {
    for entry in entries where entry.bytes.count == bytes.count {
      if entry.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return entry.word }
    }
    return nil
  }
}

/// The tables of the learner stream's choice columns.
enum Words {
  static let residency = WordTable<Residency>(Contract.residencies)
  static let awardStatus = WordTable<AwardStatus>(Contract.awardStatuses)
  static let enrolmentStatus = WordTable<EnrolmentStatus>(Contract.enrolmentStatuses)
}

/// A learner's residency status (`records.md`, `learners.residency`).
enum Residency: String, Sendable, CaseIterable {
  case citizen
  case permanentResident = "permanent_resident"
  case other
}

/// Where an enrolment stands (`records.md`, `enrolments.status`).
enum EnrolmentStatus: String, Sendable, CaseIterable {
  case applied
  case enrolled
  case completed
  case withdrawn
}

/// What kind of credential a catalogue row describes (`records.md`, `credentials.type`).
enum CredentialType: String, Sendable, CaseIterable {
  case microCredential = "micro-credential"
  case course
  case module
  case certificate
  case diploma
  case degree
  case badge
}

/// An award's status word; revoked rows are filtered out before decoding.
enum AwardStatus: String, Sendable {
  case valid
  case revoked
}

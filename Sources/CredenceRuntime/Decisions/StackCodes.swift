import CredenceValues

/// The awards and credits of each credential a stack may use: its pool's credentials and
/// those its nested stacks keep (a nested stack's entry replaces the pool's for its code).
///
/// Stacks look up few codes among few credentials, once per learner: a linear search costs
/// less than hashing every code into two dictionaries, so a dictionary is built only past
/// ``linearSearchLimit`` entries.
struct StackCodes: Sendable {
  /// One credential: its code, credits (nil when unknown) and awards (certain first).
  struct Entry: Sendable {
    var code: String
    var credits: ExactDecimal?
    var awards: [Int]
  }

  private(set) var entries: [Entry] = []
  /// Positions in ``entries`` by code, kept only past ``linearSearchLimit`` entries.
  private var index: [String: Int] = [:]
  static let linearSearchLimit = 16

  /// The position of `code`'s entry.
  private func position(of code: String) -> Int? {
    if entries.count > Self.linearSearchLimit { return index[code] }
    return entries.firstIndex { $0.code == code }
  }

  /// The awards behind `code`, or nil when the stack may not use it.
  func awards(of code: String) -> [Int]? {
    position(of: code).map { entries[$0].awards }
  }

  /// The credits of `code`, nil when unknown or when the stack may not use it.
  func credits(of code: String) -> ExactDecimal? {
    position(of: code).flatMap { entries[$0].credits }
  }

  /// Makes room for `count` entries.
  mutating func reserveCapacity(_ count: Int) {
    entries.reserveCapacity(count)
  }

  /// Adds `entry`, replacing an entry of the same code.
  mutating func set(_ entry: Entry) {
    if let existing = position(of: entry.code) {
      entries[existing] = entry
      return
    }
    append(entry)
  }

  /// Adds `entry`, whose code has no entry yet (the pool's credentials are distinct).
  mutating func append(_ entry: Entry) {
    entries.append(entry)
    if entries.count > Self.linearSearchLimit {
      if index.isEmpty {
        for (position, kept) in entries.enumerated() { index[kept.code] = position }
      } else {
        index[entry.code] = entries.count - 1
      }
    }
  }
}

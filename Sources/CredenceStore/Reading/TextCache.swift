/// Texts read before, found again by their bytes, so a column whose values repeat (providers,
/// memos, schemes, grades, credential codes) makes each `String` once rather than once per
/// row: no UTF-8 check, no allocation for texts too long to store inline.
///
/// Direct-mapped: each text has one slot, chosen by a hash of its bytes; a different text in
/// the same slot replaces it. The slots' bytes live in one buffer of ``slots`` ×
/// ``maximumLength`` bytes, so a look-up compares bytes in place. Not thread-safe: one per
/// stream, used on the thread that reads it.
final class TextCache<Payload> {
  /// Slots (a power of two).
  static var slots: Int { 1_024 }
  /// Longer texts are not kept (they rarely repeat, and comparing them costs more).
  static var maximumLength: Int { 96 }

  /// Slot `i`'s bytes start at `i * maximumLength`.
  private let bytes: UnsafeMutablePointer<UInt8>
  /// Each slot's byte count; -1 for an empty slot.
  private let lengths: UnsafeMutablePointer<Int32>
  // Confined to one thread, and never accessed across a call that could touch it again: the
  // run-time exclusivity check would cost more than the look-up.
  @exclusivity(unchecked) private var payloads: [Payload?]

  init() {
    bytes = .allocate(capacity: Self.slots * Self.maximumLength)
    bytes.initialize(repeating: 0, count: Self.slots * Self.maximumLength)
    lengths = .allocate(capacity: Self.slots)
    lengths.initialize(repeating: -1, count: Self.slots)
    payloads = Array(repeating: nil, count: Self.slots)
  }

  deinit {
    bytes.deallocate()
    lengths.deallocate()
  }

  /// The slot of `text`, or nil when it is too long to keep.
  @inline(__always) private static func slot(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard text.count <= maximumLength else { return nil }
    guard let start = text.baseAddress, !text.isEmpty else { return 0 }
    // The length and the first and last eight bytes: cheap, and enough to spread the texts
    // of a column (equal hashes only cost a comparison).
    var head: UInt64 = 0
    var tail: UInt64 = 0
    let raw = UnsafeRawPointer(start)
    if text.count >= 8 {
      head = raw.loadUnaligned(as: UInt64.self)
      tail = raw.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self)
    } else {
      for byte in text { head = head << 8 | UInt64(byte) }
    }
    var hash =
      (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(text.count)) &* 0xBF58_476D_1CE4_E5B9
    hash ^= hash >> 31
    return Int(truncatingIfNeeded: hash) & (slots - 1)
  }

  /// Whether slot `slot` holds exactly `text`.
  @inline(__always) private func holds(_ slot: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard Int(lengths[slot]) == text.count else { return false }
    let stored = bytes + slot * Self.maximumLength
    for index in 0..<text.count where stored[index] != text[index] { return false }
    return true
  }

  /// The payload kept for `text`, or `make()`'s (kept when not nil).
  func value(_ text: UnsafeBufferPointer<UInt8>, _ make: () -> Payload?) -> Payload? {
    guard let slot = Self.slot(text) else { return make() }
    if holds(slot, text), let payload = payloads[slot] { return payload }
    guard let made = make() else { return nil }
    let stored = bytes + slot * Self.maximumLength
    for index in 0..<text.count { stored[index] = text[index] }
    lengths[slot] = Int32(text.count)
    payloads[slot] = made
    return made
  }
}

extension TextCache where Payload == String {
  /// The text of `bytes` (repaired like `String(decoding:as:)` where they are not UTF-8).
  func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    value(bytes) { String(decoding: bytes, as: UTF8.self) }
      ?? String(decoding: bytes, as: UTF8.self)
  }
}

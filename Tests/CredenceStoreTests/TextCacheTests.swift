import Testing

@testable import CredenceStore

/// The reader's cache of repeated texts: it only ever returns the text of the bytes asked
/// for, keeps what repeats, and stays within its bounds.
@Suite struct TextCacheTests {
  private func lookUp(_ cache: TextCache<String>, _ text: String, made: inout Int) -> String? {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      cache.value(bytes) {
        made += 1
        return String(decoding: bytes, as: UTF8.self)
      }
    }
  }

  @Test func aRepeatedTextIsMadeOnce() {
    let cache = TextCache<String>()
    var made = 0
    for _ in 0..<5 {
      #expect(
        lookUp(cache, "National University of Singapore", made: &made)
          == "National University of Singapore")
    }
    #expect(made == 1)
  }

  @Test func textsLongerThanTheLimitAreNotKept() {
    #expect(TextCache<String>.maximumLength == 96)
    let cache = TextCache<String>()
    let long = String(repeating: "m", count: TextCache<String>.maximumLength + 1)
    let edge = String(repeating: "e", count: TextCache<String>.maximumLength)
    var made = 0
    for _ in 0..<3 { #expect(lookUp(cache, long, made: &made) == long) }
    #expect(made == 3)
    made = 0
    for _ in 0..<3 { #expect(lookUp(cache, edge, made: &made) == edge) }
    #expect(made == 1)
  }

  @Test func moreTextsThanSlotsStillReadBackExactly() {
    #expect(TextCache<String>.slots == 1_024)
    let cache = TextCache<String>()
    var made = 0
    let texts = (0..<(3 * TextCache<String>.slots)).map { "provider \($0)" }
    for _ in 0..<2 {
      for text in texts { #expect(lookUp(cache, text, made: &made) == text) }
    }
    // Colliding texts replace each other, so some are made again, never confused.
    #expect(made > texts.count)
    #expect(made <= 2 * texts.count)
  }

  @Test func aTextDifferingOnlyInItsLastByteIsNotConfused() {
    let cache = TextCache<String>()
    var made = 0
    #expect(lookUp(cache, "sfc-top-up-2020", made: &made) == "sfc-top-up-2020")
    #expect(lookUp(cache, "sfc-top-up-2021", made: &made) == "sfc-top-up-2021")
    #expect(lookUp(cache, "sfc-top-up-2020", made: &made) == "sfc-top-up-2020")
  }
}

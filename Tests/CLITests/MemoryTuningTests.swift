import Testing

@testable import credence

/// The allocator's top pad (see `MemoryTuning`): taken by glibc, and large enough to turn a
/// page-by-page growth into a few steps, small enough to reserve little.
@Suite struct MemoryTuningTests {
  @Test func theTopPadIsBetweenAMegabyteAndSixtyFour() {
    #expect(MemoryTuning.topPad >= 1 << 20)
    #expect(MemoryTuning.topPad <= 64 << 20)
  }

  @Test func glibcTakesTheTuningAndLaterCallsAgree() {
    #if os(Linux)
      #expect(MemoryTuning.apply())
      #expect(MemoryTuning.apply())
    #endif
  }
}

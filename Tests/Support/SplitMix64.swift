/// A small seeded generator (SplitMix64) for property tests: the same seed gives the same
/// instances on every run and every machine, so a failing case can be replayed from its seed.
/// Shared by every test target (it was once copied into six of them).
public struct SplitMix64: RandomNumberGenerator {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (0 when `bound` is not positive), by the remainder: slightly
  /// uneven for large bounds, which a test's choices do not mind, and cheaper than
  /// `Int.random(in:using:)`'s rejection loop.
  public mutating func next(_ bound: Int) -> Int {
    Int(next() % UInt64(max(1, bound)))
  }
}

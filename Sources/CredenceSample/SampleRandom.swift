/// SplitMix64: a small, fast generator whose sequence is fixed by its seed on every
/// platform and Swift version (the standard library's generators promise neither).
struct SampleRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A generator for one learner: the sample is the same whatever order learners are made in.
  init(seed: UInt64, stream: UInt64) {
    var mixer = SampleRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    state = mixer.next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0), by multiply-shift (Lemire); the tiny bias is
  /// irrelevant for sample data and the result is the same everywhere.
  mutating func below(_ bound: Int) -> Int {
    Int((UInt128(next()) &* UInt128(bound)) >> 64)
  }

  /// A number in `range`.
  mutating func within(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True with probability `percent` / 100 (tenths allowed: `chance(0.3)`).
  mutating func chance(_ percent: Double) -> Bool {
    below(1000) < Int(percent * 10)
  }

  /// An element picked by weight.
  mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
    var total = 0
    for choice in choices { total += choice.1 }
    var pick = below(total)
    for (value, weight) in choices {
      if pick < weight { return value }
      pick -= weight
    }
    return choices[choices.count - 1].0
  }

  mutating func element<T>(_ items: [T]) -> T { items[below(items.count)] }
}

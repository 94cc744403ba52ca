import Testing

@testable import CredenceValues

/// A small seeded generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Parses a decimal literal in tests, failing loudly rather than force-unwrapping.
func dec(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExactDecimal {
  guard let value = ExactDecimal(parsing: text) else {
    Issue.record("test literal \(text) does not parse", sourceLocation: sourceLocation)
    return .zero
  }
  return value
}

/// Parses a date literal in tests.
func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDate {
  guard let value = CivilDate(parsing: text) else {
    Issue.record("test date \(text) does not parse", sourceLocation: sourceLocation)
    return .min
  }
  return value
}

/// A random decimal with up to `digits` significant digits and a scale up to `maxScale`.
func randomDecimal(
  _ generator: inout SeededGenerator, digits: Int = 18, maxScale: Int = 6
) -> ExactDecimal {
  let digitCount = Int.random(in: 1...digits, using: &generator)
  var significand: Int128 = 0
  for _ in 0..<digitCount {
    significand = significand * 10 + Int128(Int.random(in: 0...9, using: &generator))
  }
  if Bool.random(using: &generator) { significand = -significand }
  let scale = Int.random(in: 0...maxScale, using: &generator)
  return ExactDecimal(significand: significand, scale: scale) ?? .zero
}

import CredenceTestSupport
import Testing

@testable import CredenceValues

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
  _ generator: inout SplitMix64, digits: Int = 18, maxScale: Int = 6
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

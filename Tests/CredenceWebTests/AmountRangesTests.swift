import Credence
import CredenceTestSupport
import Testing

@testable import CredenceWeb

/// The dashboard's amounts in ranges: the rule's edges and cases, and every value counted
/// in the range a brute-force scan over the edges puts it in.
@Suite struct AmountRangesTests {
  static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(parsing: text)! }

  static func bars(_ values: [String], suffix: String = "SGD") -> [AmountRanges.Bar] {
    AmountRanges.bars(values.map { (decimal($0), 1) }, suffix: suffix)
  }

  @Test func oneDistinctAmountIsOneBar() {
    #expect(
      AmountRanges.bars([(Self.decimal("1250.50"), 7), (Self.decimal("1250.5"), 2)], suffix: "SGD")
        == [.init(label: "1,250.50 SGD", count: 9)])
  }

  @Test func allZeroIsTheZeroBar() {
    #expect(Self.bars(["0", "0.00", "0"]) == [.init(label: "0 SGD", count: 3)])
    #expect(AmountRanges.bars([], suffix: "SGD") == [])
  }

  @Test func fewAmountsAreShownExactlyWithZeroBetweenTheNegativesAndThePositives() {
    #expect(
      Self.bars(["500", "-20", "0", "1000000", "500.00", "0.5"], suffix: "")
        == [
          .init(label: "-20", count: 1), .init(label: "0", count: 1), .init(label: "0.5", count: 1),
          .init(label: "500", count: 2), .init(label: "1,000,000", count: 1),
        ])
  }

  @Test func manyAmountsGetRoundRangesAndZeroItsOwn() {
    let values = (1...1000).map(String.init) + ["0", "0"]
    let bars = Self.bars(values)
    // 100 is the smallest round width giving at most 12 ranges over 1...1000 (50 needs 21).
    #expect(bars.count == 12)
    #expect(bars[0] == .init(label: "0 SGD", count: 2))
    #expect(bars[1] == .init(label: "over 0 to under 100 SGD", count: 99))
    #expect(bars[2] == .init(label: "100 to under 200 SGD", count: 100))
    #expect(bars[11] == .init(label: "1,000 to under 1,100 SGD", count: 1))
    #expect(bars.map(\.count).reduce(0, +) == values.count)
  }

  @Test func anAmountOnAnEdgeIsInTheRangeItStarts() {
    // 0.1 to 50 cut by 5 (2 would need 26 ranges); the last value has 18 decimals, so its
    // quotient by 5 rounds to 1 and only the comparison with the edge keeps it below 5.
    let values =
      ["0.1", "1", "2", "3", "4.99", "5", "5.00", "9.999", "10", "20", "30", "40", "50"]
      + ["4.999999999999999999"]
    let bars = Self.bars(values, suffix: "")
    #expect(bars.first == .init(label: "over 0 to under 5", count: 6))
    #expect(bars[1] == .init(label: "5 to under 10", count: 3))
    #expect(bars[2] == .init(label: "10 to under 15", count: 1))
    #expect(bars.last == .init(label: "50 to under 55", count: 1))
    #expect(bars.count == 11)
  }

  @Test func negativeAndHugeValuesStayExactAndNeverOverflow() {
    let nines = String(repeating: "9", count: 38)
    let values =
      ["-" + nines, nines, "0"] + (1...12).map { "-\($0)000000000000000000000000000000000" }
    let bars = Self.bars(values, suffix: "")
    #expect(bars.map(\.count).reduce(0, +) == values.count)
    #expect(bars.count <= AmountRanges.maximumRanges + 1)
    // Width 2 × 10^37: the outer edges, ±10^38, do not fit in a decimal, so the outer
    // ranges are open.
    #expect(bars.last?.label == "80,000,000,000,000,000,000,000,000,000,000,000,000 and over")
    #expect(bars.first?.label == "under -80,000,000,000,000,000,000,000,000,000,000,000,000")
    #expect(bars.contains(.init(label: "0", count: 1)))
  }

  /// Random amounts against a scan of the edges: the same counts, the smallest round width.
  @Test(arguments: 1...40)
  func rangesCountWhatABruteForceScanCounts(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let scale = Int(generator.next() % 3)
    let spread = Int128(generator.next() % 10_000_000) + 20
    let offset = Int128(generator.next() % 3) == 0 ? -spread / 2 : 0
    var values: [ExactDecimal] = []
    for _ in 0..<(13 + generator.next() % 200) {
      let significand = Int128(generator.next() % UInt64(spread)) + offset
      values.append(ExactDecimal(significand: significand, scale: scale)!)
    }
    let nonZero = Set(values.filter { !$0.isZero }.map(\.normalized))
    let bars = AmountRanges.bars(values.map { ($0, 1) }, suffix: "")
    #expect(bars.map(\.count).reduce(0, +) == values.count)
    guard nonZero.count > AmountRanges.maximumRanges else { return }
    let low = try #require(nonZero.min())
    let high = try #require(nonZero.max())
    let (width, first, count) = try #require(AmountRanges.width(low: low, high: high))
    #expect(count <= AmountRanges.maximumRanges)
    // Round: 1, 2 or 5 followed by zeros (or after a point).
    let digits = width.normalized.description.filter { $0 != "0" && $0 != "." }
    #expect(["1", "2", "5"].contains(digits))
    // Brute force: each non-zero value against every edge in turn.
    var expected = [Int](repeating: 0, count: count)
    for value in values where !value.isZero {
      var index = 0
      while index + 1 < count, try !(value < ExactDecimal(first + index + 1) * width) { index += 1 }
      expected[index] += 1
    }
    let ranged = bars.filter { $0.label != "0" }.map(\.count)
    #expect(ranged == expected)
    // The next smaller round width (5 → 2, 2 → 1, 1 → 0.5 of the same power) would need
    // more ranges.
    let smaller = try digits == "5" ? width * ExactDecimal(2) / ExactDecimal(5) : width / 2
    if let a = AmountRanges.floorIndex(low, smaller), let b = AmountRanges.floorIndex(high, smaller)
    {
      #expect(b - a + 1 > AmountRanges.maximumRanges)
    }
  }

  @Test func amountsAreGroupedByThousands() {
    #expect(AmountRanges.grouped(Self.decimal("1234567.50")) == "1,234,567.50")
    #expect(AmountRanges.grouped(Self.decimal("-1000")) == "-1,000")
    #expect(AmountRanges.grouped(Self.decimal("999")) == "999")
    #expect(AmountRanges.grouped(Self.decimal("0.005")) == "0.005")
  }
}

import Credence

/// The dashboard's amounts (a fund's money, an equivalence's credits) as bars a person can
/// read: with a hundred thousand learners and exact money, one bar per distinct amount is
/// a wall. The rule (docs/decisions.md, "Fund amounts in ranges"):
///
/// - up to ``maximumRanges`` distinct amounts: one bar per amount, exactly as decided;
/// - more: ranges of one width, the smallest of 1, 2 or 5 × 10^k that needs no more than
///   ``maximumRanges`` of them, edges on its multiples (`1,000 to under 2,000`), each
///   holding its lower edge and not its upper one; the empty ranges between kept, so the
///   shape is true;
/// - zero always a bar of its own (the range starting at 0 says `over 0`).
///
/// Edges are exact decimals and every amount is placed by comparison with them, so an
/// amount on an edge is in the range that starts there, whatever its decimals.
enum AmountRanges {
  /// The most bars the amounts get, zero aside: about as many as a chart can label.
  static let maximumRanges = 12

  struct Bar: Equatable {
    var label: String
    var count: Int
  }

  /// `amounts` (value and how many results have it, in any order, a value possibly
  /// repeated at another scale) as bars, low to high; `suffix` follows each label (`SGD`,
  /// or nothing for credits).
  static func bars(_ amounts: [(value: ExactDecimal, count: Int)], suffix: String) -> [Bar] {
    // Equal values at different scales are one amount, shown as first met (`1250.50`).
    var merged: [ExactDecimal: (shown: ExactDecimal, count: Int)] = [:]
    for (value, count) in amounts {
      merged[value.normalized, default: (value, 0)].count += count
    }
    let zero = merged.removeValue(forKey: .zero)?.count ?? 0
    let sorted = merged.values.sorted { $0.shown < $1.shown }.map {
      (key: $0.shown, value: $0.count)
    }
    let unit = suffix.isEmpty ? "" : " " + suffix
    // Each bar with its lowest value: zero goes before the first that is not negative.
    var bars: [(lower: ExactDecimal, bar: Bar)] =
      sorted.count <= maximumRanges
      ? sorted.map { ($0.key, Bar(label: grouped($0.key) + unit, count: $0.value)) }
      : ranged(sorted, unit: unit)
    if zero > 0 {
      let position = bars.firstIndex { !$0.lower.isNegative } ?? bars.count
      bars.insert((.zero, Bar(label: "0" + unit, count: zero)), at: position)
    }
    return bars.map(\.bar)
  }

  /// The ranges over `sorted` (more than ``maximumRanges`` distinct values, none zero),
  /// each with its lower edge.
  private static func ranged(_ sorted: [(key: ExactDecimal, value: Int)], unit: String)
    -> [(lower: ExactDecimal, bar: Bar)]
  {
    guard let low = sorted.first?.key, let high = sorted.last?.key,
      let (width, first, count) = width(low: low, high: high)
    else {
      return sorted.map { ($0.key, Bar(label: grouped($0.key) + unit, count: $0.value)) }
    }
    // Edge i is (first + i) × width; the outermost may not fit in a decimal.
    let edges = (0...count).map { try? ExactDecimal(first + $0) * width }
    var counts = [Int](repeating: 0, count: count)
    var range = 0
    for (value, number) in sorted {
      while range + 1 < count, let next = edges[range + 1], !(value < next) { range += 1 }
      counts[range] += number
    }
    return counts.enumerated().map { index, number in
      // An outer edge that does not fit (past ±10^38) leaves its range open.
      let label: String
      switch (edges[index], edges[index + 1]) {
      case (let lower?, let upper?):
        label =
          (lower.isZero ? "over 0" : grouped(lower.normalized)) + " to under "
          + grouped(upper.normalized) + unit
      case (let lower?, nil): label = grouped(lower.normalized) + unit + " and over"
      case (nil, let upper?): label = "under " + grouped(upper.normalized) + unit
      case (nil, nil): label = "any amount"
      }
      return (edges[index] ?? low, Bar(label: label, count: number))
    }
  }

  /// The smallest width 1, 2 or 5 × 10^k whose multiples cut `low...high` into at most
  /// ``maximumRanges`` ranges, the index of the first range's lower edge, and how many.
  static func width(low: ExactDecimal, high: ExactDecimal) -> (ExactDecimal, Int, Int)? {
    for exponent in -ExactDecimal.maxScale..<ExactDecimal.maxDigits {
      for mantissa in [1, 2, 5] {
        guard let width = power(mantissa, exponent),
          let first = floorIndex(low, width), let last = floorIndex(high, width)
        else { continue }
        if last - first + 1 <= maximumRanges { return (width, first, last - first + 1) }
      }
    }
    return nil
  }

  /// `mantissa × 10^exponent`, nil when it does not fit.
  private static func power(_ mantissa: Int, _ exponent: Int) -> ExactDecimal? {
    if exponent < 0 { return ExactDecimal(significand: Int128(mantissa), scale: -exponent) }
    var value = Int128(mantissa)
    for _ in 0..<exponent {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow, product <= ExactDecimal.maxSignificand else { return nil }
      value = product
    }
    return ExactDecimal(significand: value, scale: 0)
  }

  /// ⌊value / width⌋, checked against the edges it names (a quotient past 18 decimals is
  /// rounded, which could put a value just under an edge on it); nil when it does not fit.
  static func floorIndex(_ value: ExactDecimal, _ width: ExactDecimal) -> Int? {
    guard let quotient = try? (value / width).rounded(scale: 0, rule: .floor),
      var index = quotient.intValue, abs(index) < Int(Int32.max)
    else { return nil }
    while isBelow(value, edge: index, width) { index -= 1 }
    while !isBelow(value, edge: index + 1, width) { index += 1 }
    return index
  }

  /// Whether `value` < edge × width; an edge past the largest decimal is above every value
  /// when positive and below every value when negative.
  private static func isBelow(_ value: ExactDecimal, edge: Int, _ width: ExactDecimal) -> Bool {
    guard let edgeValue = try? ExactDecimal(edge) * width else { return edge > 0 }
    return value < edgeValue
  }

  /// Plain decimal notation with thousands grouped by commas: `12,500.50`, `-1,000`.
  static func grouped(_ value: ExactDecimal) -> String {
    let text = value.description
    let negative = text.hasPrefix("-")
    let unsigned = negative ? text.dropFirst() : Substring(text)
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    let whole = Array(parts.first ?? "0")
    var out = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    if parts.count > 1 { out += "." + parts[1] }
    return (negative ? "-" : "") + out
  }
}

import CredenceSyntax
import CredenceValues

/// The values of one expression for which a first-match row's condition is true, when the
/// condition compares that expression with literals only: `n >= 5`, `10 < n and n <= 20`,
/// `d < 2025-01-01 or d >= 2026-01-01`, `grade >= "B-"`. A union of intervals.
///
/// Rows are tried from the top; a row whose set lies inside the union of the sets of the
/// rows above it over the same expression can never be the first to match (W0601). The
/// analysis is exact for what it understands and gives up (nil) on everything else, so it
/// never warns wrongly: an earlier row it cannot read only covers more than it assumes.
/// When the compared value is unknown every such comparison is unknown, so the later row
/// cannot match either (docs/diagnostics.md, docs/decisions.md).
struct RowCoverage {
  /// The expression compared (spans play no part in equality).
  var subject: TypedExpr
  /// The values matched: disjoint intervals.
  var intervals: [ValueInterval]

  /// The coverage of `condition`, or nil when it is not a comparison (or an `and`/`or` of
  /// comparisons) of one expression with literals of an ordered kind.
  static func of(_ condition: TypedExpr) -> RowCoverage? {
    switch condition.node {
    case .compare(let comparison, let left, let right):
      if let point = orderedConstant(right, comparison.domain) {
        return RowCoverage(subject: left, intervals: ValueInterval.solving(comparison.op, point))
      }
      if let point = orderedConstant(left, comparison.domain) {
        return RowCoverage(
          subject: right, intervals: ValueInterval.solving(comparison.op.mirrored, point))
      }
      return nil
    case .and(let left, let right):
      guard let a = of(left), let b = of(right), a.subject == b.subject else { return nil }
      return RowCoverage(
        subject: a.subject, intervals: ValueInterval.intersect(a.intervals, b.intervals))
    case .or(let left, let right):
      guard let a = of(left), let b = of(right), a.subject == b.subject else { return nil }
      return RowCoverage(
        subject: a.subject, intervals: ValueInterval.union(a.intervals + b.intervals))
    default:
      return nil
    }
  }

  /// A literal as a point on a line: numbers, percentages and money by amount (continuous),
  /// dates by day and grades by rank (discrete: `> 3` is `>= 4`). Durations (a month is not
  /// a fixed number of days) and texts are left out.
  private static func orderedConstant(_ expr: TypedExpr, _ domain: Comparison.Domain)
    -> LinePoint?
  {
    guard case .constant(let constant) = expr.node else { return nil }
    switch (constant, domain) {
    case (.number(let value), .number): return .continuous(value)
    case (.percent(let value), .percent): return .continuous(value.value)
    case (.money(let value), .money): return .continuous(value.amount)
    case (.date(let value), .date): return .discrete(Int(value.dayNumber))
    case (.grade(_, let rank, _), .grade) where rank >= 0: return .discrete(rank)
    default: return nil
    }
  }
}

/// A literal placed on the line its kind is ordered on.
enum LinePoint {
  /// Numbers, percentages, money: any value may lie between two others.
  case continuous(ExactDecimal)
  /// Days and grade ranks: nothing lies between `n` and `n + 1`.
  case discrete(Int)
}

/// What the rows of a table tried so far match of one expression.
struct CoveredValues {
  /// Every value matched, as `ValueInterval.union` keeps it (disjoint, merged, so it stays
  /// as short as the gaps between rows: checking a row does not grow with the rows above).
  private(set) var union: [ValueInterval] = []
  /// Each row's own intervals, for naming the rows that win.
  private var rows: [(intervals: [ValueInterval], span: Span)] = []

  /// The most rows named as matching first (a label each).
  static let maximumWinnersNamed = 3

  mutating func add(_ coverage: RowCoverage, row: Span) {
    union = ValueInterval.union(union + coverage.intervals)
    rows.append((coverage.intervals, row))
  }

  /// The first rows that match some value of `intervals`: those that win over it.
  func winners(over intervals: [ValueInterval]) -> [Span] {
    var found: [Span] = []
    for row in rows where !ValueInterval.intersect(row.intervals, intervals).isEmpty {
      found.append(row.span)
      if found.count == Self.maximumWinnersNamed { break }
    }
    return found
  }
}

extension Comparison.Operator {
  /// The operator with its operands swapped: `5 <= n` is `n >= 5`.
  var mirrored: Comparison.Operator {
    switch self {
    case .equal, .notEqual: self
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }
}

/// One end of an interval.
struct IntervalBound: Equatable {
  var value: ExactDecimal
  var inclusive: Bool
}

/// An interval of an ordered line; a nil bound is unbounded on that side.
struct ValueInterval: Equatable {
  var lower: IntervalBound?
  var upper: IntervalBound?

  /// The values `x` with `x op value`. On a discrete line every bound is made a lower
  /// inclusive or an upper exclusive one, so that `<= 3` and `>= 4` meet at 4.
  static func solving(_ op: Comparison.Operator, _ point: LinePoint) -> [ValueInterval] {
    let value: ExactDecimal
    let next: ExactDecimal
    let discrete: Bool
    switch point {
    case .continuous(let x): (value, next, discrete) = (x, x, false)
    case .discrete(let n): (value, next, discrete) = (ExactDecimal(n), ExactDecimal(n + 1), true)
    }
    let at = IntervalBound(value: value, inclusive: true)
    let below = IntervalBound(value: value, inclusive: false)
    let above =
      discrete
      ? IntervalBound(value: next, inclusive: true) : IntervalBound(value: value, inclusive: false)
    let through = discrete ? IntervalBound(value: next, inclusive: false) : at
    switch op {
    case .equal: return [ValueInterval(lower: at, upper: through)]
    case .notEqual:
      return [ValueInterval(lower: nil, upper: below), ValueInterval(lower: above, upper: nil)]
    case .less: return [ValueInterval(lower: nil, upper: below)]
    case .lessOrEqual: return [ValueInterval(lower: nil, upper: through)]
    case .greater: return [ValueInterval(lower: above, upper: nil)]
    case .greaterOrEqual: return [ValueInterval(lower: at, upper: nil)]
    }
  }

  /// Whether no value lies in the interval.
  var isEmpty: Bool {
    guard let lower, let upper else { return false }
    if lower.value != upper.value { return lower.value > upper.value }
    return !(lower.inclusive && upper.inclusive)
  }

  /// Whether every value of `self` lies in `other`.
  func isInside(_ other: ValueInterval) -> Bool {
    if let bound = other.lower {
      guard let lower else { return false }
      if lower.value < bound.value { return false }
      if lower.value == bound.value, lower.inclusive, !bound.inclusive { return false }
    }
    if let bound = other.upper {
      guard let upper else { return false }
      if upper.value > bound.value { return false }
      if upper.value == bound.value, upper.inclusive, !bound.inclusive { return false }
    }
    return true
  }

  /// The values in both.
  func intersection(_ other: ValueInterval) -> ValueInterval {
    ValueInterval(
      lower: Self.tighter(lower, other.lower, keepsLarger: true),
      upper: Self.tighter(upper, other.upper, keepsLarger: false))
  }

  private static func tighter(_ a: IntervalBound?, _ b: IntervalBound?, keepsLarger: Bool)
    -> IntervalBound?
  {
    guard let a else { return b }
    guard let b else { return a }
    if a.value == b.value {
      return IntervalBound(value: a.value, inclusive: a.inclusive && b.inclusive)
    }
    return (a.value > b.value) == keepsLarger ? a : b
  }

  /// Every pairwise intersection of two unions, as a union.
  static func intersect(_ a: [ValueInterval], _ b: [ValueInterval]) -> [ValueInterval] {
    union(a.flatMap { x in b.map { x.intersection($0) } })
  }

  /// Disjoint intervals sorted by their lower ends, covering the same values as `intervals`:
  /// empty ones dropped, overlapping or touching ones merged.
  static func union(_ intervals: [ValueInterval]) -> [ValueInterval] {
    let sorted = intervals.filter { !$0.isEmpty }.sorted { a, b in
      guard let x = a.lower else { return b.lower != nil }
      guard let y = b.lower else { return false }
      return x.value < y.value || (x.value == y.value && x.inclusive && !y.inclusive)
    }
    var merged: [ValueInterval] = []
    for interval in sorted {
      guard let last = merged.last else {
        merged.append(interval)
        continue
      }
      if last.meets(interval) {
        merged[merged.count - 1].upper = Self.looser(last.upper, interval.upper)
      } else {
        merged.append(interval)
      }
    }
    return merged
  }

  /// Whether `next`, which starts no earlier, overlaps or touches `self`.
  private func meets(_ next: ValueInterval) -> Bool {
    guard let upper, let start = next.lower else { return true }
    return start.value < upper.value
      || (start.value == upper.value && (start.inclusive || upper.inclusive))
  }

  private static func looser(_ a: IntervalBound?, _ b: IntervalBound?) -> IntervalBound? {
    guard let a, let b else { return nil }
    if a.value == b.value {
      return IntervalBound(value: a.value, inclusive: a.inclusive || b.inclusive)
    }
    return a.value > b.value ? a : b
  }

  /// Whether every value of `intervals` lies in `union` (disjoint and merged, as `union(_:)`
  /// makes it): each interval is connected, so it must lie inside one merged interval.
  static func covers(_ union: [ValueInterval], _ intervals: [ValueInterval]) -> Bool {
    intervals.allSatisfy { piece in piece.isEmpty || union.contains { piece.isInside($0) } }
  }
}

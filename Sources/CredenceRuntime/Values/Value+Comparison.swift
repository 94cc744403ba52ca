import CredenceValues

extension Value {
  /// Kleene equality as `==` means it in policies: numbers, percentages and money by value
  /// (money of one currency; a zero without currency equals any zero), grades by rank (an
  /// alias equals its grade), durations by effect, lists element by element; unknown when
  /// either side is unknown or a grade has no place on its scale.
  func equals(_ other: Value) -> Truth {
    switch (self, other) {
    case (.unknown, _), (_, .unknown): return .unknown
    case (.bool(let a), .bool(let b)): return Truth(a == b)
    case (.number(let a), .number(let b)), (.percent(let a), .percent(let b)):
      return Truth(a == b)
    case (.money(let a), .money(let b)):
      guard let order = MoneyArithmetic.compare(a, b) else { return .false }
      return Truth(order == .equal)
    case (.text(let a), .text(let b)): return Truth(a == b)
    case (.date(let a), .date(let b)): return Truth(a == b)
    case (.duration(let a), .duration(let b)): return Truth(a.duration == b.duration)
    case (.grade(let a), .grade(let b)):
      guard a.isRanked, b.isRanked else { return a.mark == b.mark ? .true : .unknown }
      return Truth(a.scale == b.scale && a.rank == b.rank)
    case (.list(let a), .list(let b)):
      guard !a.hasUncertain, !b.hasUncertain else { return .unknown }
      guard a.count == b.count else { return .false }
      var result = Truth.true
      for (x, y) in zip(a.elements, b.elements) {
        result = result.and(x.equals(y))
        if result == .false { return .false }
      }
      return result
    case (.record(let a), .record(let b)): return Truth(a == b)
    case (.decision(let a), .decision(let b)): return Truth(a === b)
    // Text read as a grade on either side: compare marks.
    case (.grade(let a), .text(let b)), (.text(let b), .grade(let a)): return Truth(a.mark == b)
    default: return .false
    }
  }

  /// The order of two values of one ordered kind, or nil when it is unknown (either is
  /// unknown, a grade without a place, money in two currencies). Durations are ordered by
  /// their effect on `reference` (the evaluation date).
  func order(_ other: Value, reference: CivilDate) -> ValueOrder? {
    switch (self, other) {
    case (.number(let a), .number(let b)), (.percent(let a), .percent(let b)):
      return a.compared(to: b)
    case (.money(let a), .money(let b)):
      return MoneyArithmetic.compare(a, b)
    case (.date(let a), .date(let b)):
      return a == b ? .equal : (a < b ? .less : .greater)
    case (.grade(let a), .grade(let b)):
      guard a.isRanked, b.isRanked, a.scale == b.scale else { return nil }
      return a.rank == b.rank ? .equal : (a.rank < b.rank ? .less : .greater)
    case (.duration(let a), .duration(let b)):
      guard let x = try? reference.adding(a.duration), let y = try? reference.adding(b.duration)
      else { return nil }
      return x == y ? .equal : (x < y ? .less : .greater)
    case (.text(let a), .text(let b)):
      let order = LearnerIDOrder.compare(a, b)
      return order == 0 ? .equal : (order < 0 ? .less : .greater)
    case (.bool(let a), .bool(let b)):
      return a == b ? .equal : (!a ? .less : .greater)
    default:
      return nil
    }
  }

  /// A key under which values that `==` calls equal group together (for `distinct`).
  var groupingKey: Value {
    switch self {
    case .number(let a): .number(a.normalized)
    case .percent(let a): .percent(a.normalized)
    case .money(let a): .money(Money(a.amount.normalized, a.currency))
    case .grade(let g) where g.isRanked:
      .grade(GradeValue(scale: Int(g.scale), rank: Int(g.rank), mark: ""))
    default: self
    }
  }
}

/// Byte order of text, as SQLite compares TEXT.
enum LearnerIDOrder {
  static func compare(_ left: String, _ right: String) -> Int {
    var left = left
    var right = right
    return left.withUTF8 { l in
      right.withUTF8 { r in
        let common = min(l.count, r.count)
        for index in 0..<common where l[index] != r[index] {
          return l[index] < r[index] ? -1 : 1
        }
        return l.count == r.count ? 0 : (l.count < r.count ? -1 : 1)
      }
    }
  }
}

/// Money arithmetic that lets a zero without currency (``LedgerBalance/noCurrency``) meet
/// any currency, and otherwise combines only amounts of one currency.
enum MoneyArithmetic {
  static let none = LedgerBalance.noCurrency

  @inline(__always) static func isBareZero(_ money: Money) -> Bool {
    money.currency == none && money.amount.isZero
  }

  /// The currency two amounts share, or nil when they cannot be combined.
  @inline(__always) static func common(_ a: Money, _ b: Money) -> CurrencyCode? {
    if a.currency == b.currency { return a.currency }
    if isBareZero(a) { return b.currency }
    if isBareZero(b) { return a.currency }
    return nil
  }

  static func compare(_ a: Money, _ b: Money) -> ValueOrder? {
    guard common(a, b) != nil else { return nil }
    return a.amount.compared(to: b.amount)
  }

  static func add(_ a: Money, _ b: Money) throws(ValueError) -> Money {
    guard let currency = common(a, b) else { throw .currencyMismatch(a.currency, b.currency) }
    return Money(try a.amount + b.amount, currency)
  }

  static func subtract(_ a: Money, _ b: Money) throws(ValueError) -> Money {
    guard let currency = common(a, b) else { throw .currencyMismatch(a.currency, b.currency) }
    return Money(try a.amount - b.amount, currency)
  }

  static func divide(_ a: Money, _ b: Money) throws(ValueError) -> ExactDecimal {
    guard common(a, b) != nil else { throw .currencyMismatch(a.currency, b.currency) }
    return try a.amount / b.amount
  }
}

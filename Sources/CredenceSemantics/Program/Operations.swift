/// Operations resolved from their operand types, so the evaluator never dispatches on the
/// runtime type of a value to find out what `+` means.

/// `-x`, by the type of `x`.
public enum Negation: Hashable, Sendable {
  case number, money, percent, duration
}

/// `+ - * /` with its operand types, left operand first.
public enum Arithmetic: Hashable, Sendable, CaseIterable {
  case addNumbers, subtractNumbers, multiplyNumbers, divideNumbers
  /// Same currency (checked statically, or at run time for currencies from the records).
  case addMoney, subtractMoney
  /// Money ÷ money of the same currency: a number.
  case divideMoneyByMoney
  case multiplyMoneyByNumber, multiplyNumberByMoney, divideMoneyByNumber
  /// A percentage of money: money.
  case multiplyMoneyByPercent, multiplyPercentByMoney
  /// A percentage of a number: a number (`50% * 40` is 20).
  case multiplyNumberByPercent, multiplyPercentByNumber
  /// Percentage points.
  case addPercents, subtractPercents
  case addDurations, subtractDurations
  /// `date + duration`, `duration + date`, `date - duration` (months clamp to the month end).
  case addDurationToDate, addDateToDuration, subtractDurationFromDate
}

/// A comparison operator and the kind of values it compares.
public struct Comparison: Hashable, Sendable {
  /// The operator.
  public enum Operator: String, Hashable, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
  }

  /// What is compared. Grades compare by rank on their (common) scale; money of the same
  /// currency by amount; durations by effect (`1 year == 12 months`).
  public enum Domain: Hashable, Sendable {
    case bool, number, percent, money, text, date, duration, grade
    /// Lists compare element by element (`==` and `!=` only).
    case list
    /// Both sides are the literal `unknown` or of unknown type: always unknown.
    case unknown
  }

  /// `==`, `<`, …
  public var op: Operator
  /// The operand kind.
  public var domain: Domain

  /// `op` on `domain`.
  public init(_ op: Operator, _ domain: Domain) {
    self.op = op
    self.domain = domain
  }
}

/// The list aggregates.
public enum Aggregate: String, Hashable, Sendable, CaseIterable {
  case count, sum, min, max, any, all
}

/// `min` / `max` of single values.
public enum Extremum: String, Hashable, Sendable {
  case min, max
}

/// Built-in functions other than aggregates and `round`.
public enum Builtin: Hashable, Sendable {
  /// `years_between(a, b)`: whole years (age), 29 February birthdays on 1 March.
  case yearsBetween
  /// `months_between(a, b)`: whole months, counted like age.
  case monthsBetween
  /// `age_by_year_of_birth(birth, d)`: year of `d` minus year of `birth`.
  case ageByYearOfBirth
  /// `end_of_year(d)`: 31 December of `d`'s year.
  case endOfYear
  /// `balance(scheme)`: the learner's unspent money under a scheme on the evaluation date.
  case balance
  /// `points(g)`: the grade points of a grade (its scale has points).
  case points
  /// `scale(text)`: text read as a grade on this scale.
  case readGrade(ScaleID)

  /// The name policies write.
  public var name: String {
    switch self {
    case .yearsBetween: "years_between"
    case .monthsBetween: "months_between"
    case .ageByYearOfBirth: "age_by_year_of_birth"
    case .endOfYear: "end_of_year"
    case .balance: "balance"
    case .points: "points"
    case .readGrade: "grade"
    }
  }
}

/// A truth value in Kleene's strong three-valued logic: true, false, or unknown.
///
/// Policies see a missing fact (a NULL birth date) as unknown, and unknown is not false:
/// `false and unknown` is false, `true or unknown` is true, and otherwise unknown spreads.
/// With false < unknown < true, `and` is the minimum, `or` the maximum and `not` the mirror.
public enum Truth: Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case `true`
  case `false`
  case unknown

  /// `true` or `false`.
  public init(_ value: Bool) {
    self = value ? .true : .false
  }

  /// `unknown` for `nil`.
  public init(_ value: Bool?) {
    guard let value else {
      self = .unknown
      return
    }
    self.init(value)
  }

  /// `true`/`false`, or `nil` for unknown.
  public var boolValue: Bool? {
    switch self {
    case .true: true
    case .false: false
    case .unknown: nil
    }
  }

  /// Whether the value is definitely true (unknown is not).
  public var isTrue: Bool { self == .true }

  /// Kleene conjunction: false if either side is false, true if both are true, else unknown.
  /// The right side is evaluated only when the left is not false.
  public func and(_ other: @autoclosure () throws -> Truth) rethrows -> Truth {
    switch self {
    case .false: return .false
    case .true: return try other()
    case .unknown: return try other() == .false ? .false : .unknown
    }
  }

  /// Kleene disjunction: true if either side is true, false if both are false, else unknown.
  /// The right side is evaluated only when the left is not true.
  public func or(_ other: @autoclosure () throws -> Truth) rethrows -> Truth {
    switch self {
    case .true: return .true
    case .false: return try other()
    case .unknown: return try other() == .true ? .true : .unknown
    }
  }

  /// Kleene negation: swaps true and false, keeps unknown.
  public var negated: Truth {
    switch self {
    case .true: .false
    case .false: .true
    case .unknown: .unknown
    }
  }

  public static func && (left: Truth, right: @autoclosure () throws -> Truth) rethrows -> Truth {
    try left.and(right())
  }

  public static func || (left: Truth, right: @autoclosure () throws -> Truth) rethrows -> Truth {
    try left.or(right())
  }

  public static prefix func ! (value: Truth) -> Truth { value.negated }

  /// `true`, `false` or `unknown`, as the language writes them.
  public var description: String {
    switch self {
    case .true: "true"
    case .false: "false"
    case .unknown: "unknown"
    }
  }
}

import CredenceValues

extension Truth {
  /// The value under a pessimistic (`unknown` is false) or optimistic reading.
  @inlinable func holds(optimistic: Bool) -> Bool {
    switch self {
    case .true: true
    case .false: false
    case .unknown: optimistic
    }
  }

  /// Kleene's `at least k of`: true once `k` children are true, false once too few can be.
  static func atLeast(_ k: Int, trueCount: Int, unknownCount: Int) -> Truth {
    if trueCount >= k { return .true }
    if trueCount + unknownCount < k { return .false }
    return .unknown
  }
}

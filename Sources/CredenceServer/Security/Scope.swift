/// What a key may do. Each route needs one scope; `admin` holds all of them.
public enum Scope: String, Sendable, CaseIterable, Comparable {
  /// Decisions and what-if questions about learners (`/v1/decide`, `/v1/what-if`), and the
  /// list of decisions.
  case decide
  /// Checking policy text (`/v1/check`): no learner data.
  case check
  /// Prometheus metrics (`/metrics`), for a scraper that should read nothing else.
  case metrics
  /// Reloading policies, and everything the other scopes allow.
  case admin

  /// Whether a key holding `scopes` may use a route that needs this scope.
  public func isGranted(by scopes: Set<Scope>) -> Bool {
    scopes.contains(self) || scopes.contains(.admin)
  }

  public static func < (left: Scope, right: Scope) -> Bool {
    allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
  }
}

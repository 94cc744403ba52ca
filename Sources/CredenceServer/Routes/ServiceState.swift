import Credence
import Foundation
import Logging

/// What every route reads: the policies in force, the store, the keys, the metrics.
public struct ServiceState: Sendable {
  public let policies: PolicyLibrary
  public let store: StoreAccess
  public let keys: KeyStore
  /// The keys file, read again at each reload; nil for an open server.
  public let keysPath: String?
  public let metrics: ServerMetrics
  public let logger: Logger
  /// The date a request without `as_of` is decided on.
  let today: @Sendable () -> CivilDate
  /// How long one evaluation may take (``ServerLimits/evaluationTime``; tests lower it).
  let evaluationTime: Duration
  /// The evaluator's steps per learner; nil for its default (tests lower it).
  let stepsPerLearner: Int?

  public init(
    policies: PolicyLibrary, store: StoreAccess, keys: KeyStore, keysPath: String?,
    metrics: ServerMetrics, logger: Logger,
    today: @escaping @Sendable () -> CivilDate = LocalDate.today,
    evaluationTime: Duration = ServerLimits.evaluationTime, stepsPerLearner: Int? = nil
  ) {
    self.evaluationTime = evaluationTime
    self.stepsPerLearner = stepsPerLearner
    self.policies = policies
    self.store = store
    self.keys = keys
    self.keysPath = keysPath
    self.metrics = metrics
    self.logger = logger
    self.today = today
  }

  var evaluator: Evaluator {
    Evaluator(store: store, timeLimit: evaluationTime, stepsPerLearner: stepsPerLearner)
  }
}

/// Today in the server's time zone (`TZ`), as `credence eval` reads it.
public enum LocalDate {
  @Sendable public static func today() -> CivilDate {
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil,
      let date = CivilDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    else { return .min }
    return date
  }
}

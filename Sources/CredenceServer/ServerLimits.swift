/// The server's named limits. Each is the answer to "what stops one request from taking the
/// server down", and each has a test that crosses it.
public enum ServerLimits {
  /// Bytes a request body may have (1 MiB): a learner record or a policy file to check is
  /// kilobytes. Larger bodies get 413 before they are read to the end.
  public static let maximumRequestBytes = 1 << 20

  /// Wall time one evaluation may take before it is stopped and answered 503 (2 s), with
  /// `Retry-After`. The example library decides a learner in well under a millisecond; the
  /// evaluator's own step limit (10 million steps, about a second) stops runaway records
  /// first, answered 422 with the decisions.
  public static let evaluationTime: Duration = .seconds(2)

  /// Seconds a client is asked to wait (`Retry-After`) after a 503 for the time limit (1):
  /// a decision takes about a millisecond, so a busy moment passes within a second.
  public static let retryAfterSeconds = 1

  /// Hypothetical awards one what-if question may add (50).
  public static let maximumHypotheticalAwards = 50

  /// Paths one `/v1/paths` request may ask for (20); `credence path` lists 5 by default.
  public static let maximumPaths = 20

  /// Learners one `/v1/decide/batch` request may name (100): a class list, decided in
  /// about 100 ms with the example library, well inside the time limit.
  public static let maximumLearnersPerBatch = 100

  /// Decisions one request may name (1,000): more than any library has.
  public static let maximumDecisionsNamed = 1_000
}

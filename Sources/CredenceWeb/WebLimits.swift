import Credence

/// The pages' named limits, each chosen so that a page answers within a second or two on
/// the 2-core machine while an advisor waits, and each crossed by a test.
public enum WebLimits {
  /// Hypothetical learners a learner page's path search evaluates per stack (the CLI's
  /// default is 50,000, about 0.7 s): a page plans every stack not achieved, so each gets a
  /// fifth; a search that stops there says its paths are the best found, not proven best.
  public static let pathSearchNodes = PathwayLimits.defaultSearchNodes / 5
  /// Stacks in progress planned when a learner page opens (most credits first); the other
  /// open stacks are planned when asked for, one per page.
  public static let stacksPlannedAtOnce = 3
  /// Paths shown per stack, and their largest size.
  public static let pathsShown = 3
  public static let pathSize = PathwayLimits.defaultPathSize
  /// Learner ids suggested while typing, or when an id is not found.
  public static let suggestions = 10
  /// Catalogue codes offered in the what-if box (a longer catalogue is typed, not picked).
  public static let catalogueOptions = 1_000
  /// Awards one what-if question may add (rows of the form); the server's API allows more,
  /// but a page of more rows than this is a plan, not a question.
  public static let whatIfAwards = 8
  /// Empty rows the what-if form shows without JavaScript (a script adds more, up to
  /// ``whatIfAwards``).
  public static let whatIfEmptyRows = 3
  /// How far the dashboard's cohort paths look: credentials that complete a stack on their
  /// own or with one more.
  public static let cohortWithin = 2
  /// Rows of the dashboard's "most often missing" and "would complete" tables.
  public static let cohortTopRows = 10
  /// Dashboards kept (each per policy version, decision and date); the oldest finished one
  /// goes first.
  public static let cachedDashboards = 16
  /// Learners read per batch while a dashboard is computed (progress moves per batch).
  public static let cohortBatch = 500
  /// Seconds between refreshes of a dashboard that is still being computed.
  public static let refreshSeconds = 2
}

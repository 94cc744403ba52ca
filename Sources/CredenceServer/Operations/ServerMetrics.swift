import Prometheus
import Synchronization

/// The server's Prometheus metrics, in a registry of its own (not the process-wide
/// `MetricsSystem`, which can be set once per process: tests start many servers).
public final class ServerMetrics: Sendable {
  public let registry = PrometheusCollectorRegistry()
  private let versionGauge: Mutex<Gauge?> = Mutex(nil)

  /// Latency buckets from 0.5 ms to 5 s: a decision takes about a millisecond.
  static let latencyBuckets: [Duration] = [
    .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
    .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
    .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
  ]

  public init() {}

  /// One answered request. `route` is the route's pattern (`/v1/decide`), never the raw
  /// path, so the label has a handful of values.
  func request(route: String, method: String, status: Int, duration: Duration) {
    registry.makeCounter(
      descriptor: Self.metric(
        "http_requests", unit: "total", help: "HTTP requests answered, by route, method and status"),
      labels: [("route", route), ("method", method), ("status", String(status))]
    ).increment()
    registry.makeDurationHistogram(
      descriptor: Self.metric(
        "http_request_duration", unit: "seconds", help: "Time to answer a request, by route"),
      labels: [("route", route)], buckets: Self.latencyBuckets
    ).record(duration)
  }

  /// Decisions made, by their status (`achieved`, `eligible`, `error`, …).
  func decisions(_ statuses: [String]) {
    var counts: [String: Int] = [:]
    for status in statuses { counts[status, default: 0] += 1 }
    for (status, count) in counts {
      registry.makeCounter(
        descriptor: Self.metric("decisions", unit: "total", help: "Decisions made, by status"),
        labels: [("status", status)]
      ).increment(by: Int64(count))
    }
  }

  /// A reload attempt: `loaded`, `unchanged` or `refused`.
  func reload(outcome: String) {
    registry.makeCounter(
      descriptor: Self.metric(
        "policy_reloads", unit: "total", help: "Policy reload attempts, by outcome"),
      labels: [("outcome", outcome)]
    ).increment()
  }

  /// The version in force, as `credence_policy_info{version="sha256:…"} 1`.
  func policyInForce(_ version: PolicyVersion) {
    versionGauge.withLock { gauge in
      if let gauge { registry.unregisterGauge(gauge) }
      let new = registry.makeGauge(
        descriptor: Self.metric(
          "policy", unit: "info", help: "The policy set in force (value 1), by version"),
        labels: [("version", version.description)])
      new.set(Double(1))
      gauge = new
    }
  }

  /// Learners in the store at start-up.
  func learnersInStore(_ count: Int) {
    registry.makeGauge(
      descriptor: Self.metric(
        "store", unit: "learners", help: "Learners in the record store at start-up")
    ).set(Double(count))
  }

  /// `credence_NAME_UNIT`, with its help text.
  private static func metric(_ name: String, unit: String, help: String) -> MetricNameDescriptor {
    MetricNameDescriptor(namespace: "credence", metricName: name, unitName: unit, helpText: help)
  }

  /// The text exposition format.
  public func exposition() -> [UInt8] {
    var buffer: [UInt8] = []
    registry.emit(into: &buffer)
    return buffer
  }
}

import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `credence serve`: the policies in force answering over HTTP until `SIGTERM` or `SIGINT`,
/// which stop new connections and let requests in flight finish.
public struct DecisionService: Sendable {
  public let state: ServiceState
  public let host: String
  public let port: Int
  /// How often `--watch` looks at the policy files; nil: only on `SIGHUP` or request.
  public let watchInterval: Duration?
  /// Mounts more routes on the router after the API's (the advisor's pages,
  /// `CredenceWeb`), so that they are served by this process behind the same envelope.
  public typealias Mount = @Sendable (Router<ServerContext>, ServiceState) -> Void
  public let mounts: [Mount]

  public init(
    state: ServiceState, host: String, port: Int, watchInterval: Duration? = nil,
    mounts: [Mount] = []
  ) {
    self.state = state
    self.host = host
    self.port = port
    self.watchInterval = watchInterval
    self.mounts = mounts
  }

  /// Runs until shut down. `onRunning` hears the address bound (port 0 picks one).
  /// `shutdownSignals` empty leaves signals alone (tests end the service by cancelling).
  public func run(
    shutdownSignals: [UnixSignal] = [.sigterm, .sigint], reloadOnSignal: Bool = true,
    onRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
  ) async throws {
    let state = self.state
    state.metrics.policyInForce(state.policies.current.version)
    let router = Routes.router(state)
    for mount in mounts { mount(router, state) }
    let application = Application(
      router: router,
      configuration: .init(address: .hostname(host, port: port), serverName: nil),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        let set = state.policies.current
        let learners = (try? state.store.learnerCount()) ?? 0
        state.metrics.learnersInStore(learners)
        state.logger.notice(
          "credence serve listening on http://\(host):\(bound)",
          metadata: [
            "address": "\(host):\(bound)", "policy_version": "\(set.version)",
            "policy_files": "\(set.fileCount)", "decisions": "\(set.decisions.count)",
            "learners_in_store": "\(learners)",
          ])
        await onRunning(host, bound)
      },
      logger: state.logger)
    var services: [any Service] = [application]
    if reloadOnSignal { services.append(Reloading.OnSignal(state: state)) }
    if let watchInterval {
      services.append(Reloading.OnChange(state: state, interval: watchInterval))
    }
    let group = ServiceGroup(
      configuration: .init(
        services: services, gracefulShutdownSignals: shutdownSignals, logger: state.logger))
    try await group.run()
    state.logger.notice("credence serve stopped")
  }
}

import Hummingbird

/// The routes, each group behind the scope it needs.
public enum Routes {
  public static func router(_ state: ServiceState) -> Router<ServerContext> {
    let router = Router(context: ServerContext.self)
    router.add(middleware: Envelope(policies: state.policies, metrics: state.metrics))
    addHealth(to: router, state)
    let anyKey = router.group().add(middleware: RequireScope(scope: nil, keys: state.keys))
    addContract(to: anyKey)
    let decide = router.group("/v1").add(middleware: RequireScope(scope: .decide, keys: state.keys))
    addDecide(to: decide, state)
    addBatch(to: decide, state)
    addDecisions(to: decide, state)
    addPolicies(to: decide, state)
    addPaths(to: decide, state)
    let check = router.group("/v1").add(middleware: RequireScope(scope: .check, keys: state.keys))
    addCheck(to: check, state)
    let admin = router.group("/v1").add(middleware: RequireScope(scope: .admin, keys: state.keys))
    addAdmin(to: admin, state)
    let metrics = router.group().add(middleware: RequireScope(scope: .metrics, keys: state.keys))
    addMetrics(to: metrics, state)
    return router
  }
}

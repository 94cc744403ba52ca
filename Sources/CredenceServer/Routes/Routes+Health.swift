import Hummingbird

extension Routes {
  /// `GET /health`: the process answers (liveness). `GET /health/ready`: the policies are
  /// loaded and the store answers a query (readiness). Neither needs a key; neither says
  /// more than `ok` or `ready`.
  static func addHealth(to router: Router<ServerContext>, _ state: ServiceState) {
    router.get("/health") { _, _ in
      Reply.json("{\"status\":\"ok\"}\n")
    }
    router.get("/health/ready") { _, _ in
      guard state.store.isReadable() else {
        return Reply.json("{\"status\":\"not_ready\"}\n", status: .serviceUnavailable)
      }
      return Reply.json("{\"status\":\"ready\"}\n")
    }
  }
}

import Hummingbird

extension Routes {
  /// `GET /metrics` (scope `metrics`): Prometheus's text exposition format.
  static func addMetrics(to group: RouterGroup<ServerContext>, _ state: ServiceState) {
    group.get("/metrics") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: state.metrics.exposition())))
    }
  }

  /// `GET /openapi.json` (any key): the contract of this API.
  static func addContract(to group: RouterGroup<ServerContext>) {
    group.get("/openapi.json") { _, _ in
      Reply.json(OpenAPIDocument.json)
    }
  }
}

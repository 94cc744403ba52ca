import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: every reply names the policy version in force and the
/// request's id (`RequestIdentity`), errors become JSON, and each request is counted, timed
/// and logged (route pattern, status, key name, request id; never a body, a learner id or a
/// token).
struct Envelope: RouterMiddleware {
  typealias Context = ServerContext
  let policies: PolicyLibrary
  let metrics: ServerMetrics

  func handle(
    _ request: Request, context: ServerContext,
    next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    let clock = ContinuousClock()
    let start = clock.now
    let requestID = RequestIdentity.of(request, generated: context.id)
    var context = context
    context.logger[metadataKey: "request_id"] = "\(requestID)"
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as APIError {
      response = try error.response(from: request, context: context)
    } catch let error as any HTTPResponseError {
      response = try Self.translate(error.status).response(from: request, context: context)
    } catch {
      context.logger.error(
        "request failed", metadata: ["error.type": "\(type(of: error))"])
      response = try APIError.internalError.response(from: request, context: context)
    }
    let route = context.endpointPath ?? "unmatched"
    // The router answers unknown routes with an empty 404: give it the JSON error body.
    if route == "NotFound" || context.endpointPath == nil, response.status == .notFound {
      response = try APIError.notFound.response(from: request, context: context)
    }
    response.headers[.policyVersion] = policies.current.version.description
    response.headers[.requestID] = requestID
    let duration = clock.now - start
    let label = route == "NotFound" ? "unmatched" : route
    metrics.request(
      route: label, method: request.method.rawValue, status: response.status.code,
      duration: duration)
    context.logger.info(
      "request",
      metadata: [
        "http.method": "\(request.method.rawValue)", "http.route": "\(label)",
        "http.status": "\(response.status.code)",
        "duration_ms": "\(Self.milliseconds(duration))",
        "key": "\(context.notes.keyName ?? "-")",
      ])
    return response
  }

  static func translate(_ status: HTTPResponse.Status) -> APIError {
    switch status {
    case .notFound: .notFound
    case .methodNotAllowed: .methodNotAllowed
    case .contentTooLarge: .tooLarge(limit: ServerLimits.maximumRequestBytes)
    case .badRequest: .badRequest("the request could not be read")
    default: APIError(status, "http_error", status.reasonPhrase)
    }
  }

  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let micro = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    return "\(micro / 1000).\(String(micro % 1000 + 1000).dropFirst())"
  }
}

extension HTTPField.Name {
  /// The version of the policy set that answered: `sha256:` and 64 hexadecimal digits.
  static let policyVersion = Self("Credence-Policy-Version")!
}
